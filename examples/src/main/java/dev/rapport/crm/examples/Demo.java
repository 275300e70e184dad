package dev.rapport.crm.examples;

import dev.rapport.crm.Crm;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.Team;
import dev.rapport.crm.directory.TeamId;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.field.FieldDefinition;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.io.ImportMapping;
import dev.rapport.crm.io.ImportResult;
import dev.rapport.crm.io.ImportSource;
import dev.rapport.crm.io.Reject;
import dev.rapport.crm.io.TextCase;
import dev.rapport.crm.metrics.Conversion;
import dev.rapport.crm.metrics.CycleStart;
import dev.rapport.crm.metrics.Deal;
import dev.rapport.crm.metrics.DealMapping;
import dev.rapport.crm.metrics.DealStatus;
import dev.rapport.crm.metrics.Deals;
import dev.rapport.crm.metrics.MoneyRatio;
import dev.rapport.crm.metrics.MoneyTotal;
import dev.rapport.crm.metrics.NoDecision;
import dev.rapport.crm.metrics.Period;
import dev.rapport.crm.metrics.PeriodUnit;
import dev.rapport.crm.metrics.Ratio;
import dev.rapport.crm.metrics.SalesMetrics;
import dev.rapport.crm.metrics.Stats;
import dev.rapport.crm.metrics.StageVisit;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import dev.rapport.crm.sales.NewPipeline;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.Pipeline;
import dev.rapport.crm.sales.Stage;
import dev.rapport.crm.event.OpportunityCreated;
import dev.rapport.crm.event.OpportunityWon;
import dev.rapport.crm.workflow.Actions;
import dev.rapport.crm.workflow.Conditions;
import dev.rapport.crm.workflow.EntityKind;
import dev.rapport.crm.workflow.Rule;
import dev.rapport.crm.workflow.RuleSet;
import dev.rapport.crm.workflow.Trace;
import dev.rapport.crm.workflow.Triggers;
import dev.rapport.crm.workflow.WorkflowEngine;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The demo: run it with the README's first command.
 *
 * <p>It imports the public "CRM Sales Opportunities" data set (see {@code datasets/README.md} for
 * its source and licence) through {@code crm.imports()}, with the data set's known flaws handled
 * by the import mapping, runs two workflow rules as the deals arrive, prints a sales dashboard
 * computed with {@code crm-metrics} and writes a self-contained HTML report. It runs on the
 * embedded default, H2 in a file through the JPA adapter, on PostgreSQL given by its JDBC URL,
 * or on the in-memory store.
 *
 * <pre>{@code
 * mvn -B -q -Pdemo -pl examples -am verify -DskipTests
 * mvn -B -q -Pdemo -pl examples -am verify -DskipTests -Drapport.jdbc.url=jdbc:postgresql://127.0.0.1:5432/crm?user=postgres
 * }</pre>
 */
public final class Demo {
    static final String DATASET = "/datasets/crm-sales-opportunities/";
    /** The data set starts in October 2016: the import happens "then", so close dates are not in the past. */
    static final Instant IMPORT_TIME = Instant.parse("2016-10-01T00:00:00Z");
    static final int PROGRESS_EVERY = 2000;
    static final Conversion USD = Conversion.strict("USD");

    private Demo() {
    }

    /**
     * Runs the demo on the embedded default, an H2 database in {@code target/rapport-demo.mv.db}
     * through the JPA adapter, or on the database whose JDBC URL is the first argument or the
     * system property {@value ExampleDatabase#URL_PROPERTY}, e.g.
     * {@code -Drapport.jdbc.url=jdbc:postgresql://127.0.0.1:5432/crm?user=postgres}. The argument
     * {@code memory} runs it on the in-memory store.
     *
     * @param args optionally the JDBC URL of the database, or {@code memory}
     */
    public static void main(String[] args) {
        Path report = Path.of(System.getProperty("rapport.report", "target/rapport-report.html"));
        String url = args.length > 0 ? args[0] : System.getProperty(ExampleDatabase.URL_PROPERTY, "");
        ExampleDatabase database = database(url, Path.of(System.getProperty("rapport.target", "target")), System.out);
        try {
            run(System.out, report, database);
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /**
     * The database the demo runs on: the one of the URL, or without one a fresh H2 file in the
     * directory; null for the in-memory store ({@code memory}). Should the JPA adapter not keep an
     * aggregate the demo needs, the default H2 store is replaced by the in-memory store, saying
     * so, and a database asked for by URL is refused.
     */
    static @Nullable ExampleDatabase database(String url, Path directory, PrintStream out) {
        if (url.equals("memory")) {
            return null;
        }
        boolean asked = !url.isBlank();
        ExampleDatabase database = ExampleDatabase.open(asked ? url : ExampleDatabase.freshH2File(directory, "rapport-demo"));
        List<String> missing = database.missing();
        if (missing.isEmpty()) {
            return database;
        }
        database.close();
        String why = "the JPA adapter does not map " + String.join(" and ", missing)
                + " yet, which the demo's import and rules need";
        if (asked) {
            throw new IllegalStateException("cannot run the demo on " + database.description() + ": " + why);
        }
        out.println("The embedded default is H2 through the JPA adapter, but " + why
                + ": running on the in-memory store.");
        return null;
    }

    /**
     * Runs the demo.
     *
     * @param out where the demo prints
     * @param report the HTML report's file
     * @param database the database to run on, or null for the in-memory store
     */
    static void run(PrintStream out, Path report, @Nullable ExampleDatabase database) {
        long started = System.nanoTime();
        String storeName = database == null ? "the in-memory store" : database.description() + " (JPA adapter, Hibernate ORM)";
        out.println("Rapport demo: the \"CRM Sales Opportunities\" data set (Maven Analytics) on " + storeName);
        if (database == null || !database.description().startsWith("PostgreSQL")) {
            out.println("  (on PostgreSQL: -D" + ExampleDatabase.URL_PROPERTY
                    + "=jdbc:postgresql://127.0.0.1:5432/<database>?user=<user>)");
        }
        out.println();
        SalesOrganisation org = SalesOrganisation.read(rows("sales_teams.csv"));
        InMemoryDirectory directory = org.directory();
        Crm.Builder builder = Crm.builder().clock(Clock.fixed(IMPORT_TIME, ZoneOffset.UTC)).directory(directory);
        if (database != null) {
            // a tenant of its own, so that runs on a shared database do not see each other's data
            builder.store(database.store()).tenant(TenantId.of("demo-" + UUID.randomUUID().toString().substring(0, 8)));
        }
        Crm crm = builder.build();
        out.println("Directory: " + org.agents().size() + " sales agents in " + org.managers().size()
                + " teams (one per manager) across " + org.offices().size() + " regional offices");

        Pipeline pipeline = crm.pipelines().create(NewPipeline.named("Hardware sales")
                .stage(Stage.open("prospecting", "Prospecting", new BigDecimal("0.10"), ForecastCategory.PIPELINE))
                .stage(Stage.open("engaging", "Engaging", new BigDecimal("0.40"), ForecastCategory.BEST_CASE))
                .stage(Stage.won("won", "Won"))
                .stage(Stage.lost("lost", "Lost")));
        crm.customFields().define(EntityType.ACCOUNT, FieldDefinition.of("year_established", FieldType.NUMBER));
        crm.customFields().define(EntityType.OPPORTUNITY, FieldDefinition.of("engage_date", FieldType.DATE));
        out.println("Pipeline \"" + pipeline.name() + "\": prospecting (10%), engaging (40%), won, lost");
        out.println();

        Map<String, Map<Trace.Outcome, Long>> outcomes = new TreeMap<>();
        out.println("Importing");
        ImportResult accounts = importFile(out, "accounts.csv",
                source -> crm.imports().accounts(source, accountMapping()));
        WorkflowEngine engine = WorkflowEngine.builder(crm).rules(RuleSet.of(rules()))
                .traceListener(trace -> outcomes.computeIfAbsent(trace.ruleId(), r -> new TreeMap<>())
                        .merge(trace.outcome(), 1L, Long::sum))
                .build();
        out.println("  workflow rules attached: " + engine.rules().rules().stream().map(Rule::id).toList());
        ImportResult deals = importFile(out, "sales_pipeline.csv",
                source -> crm.imports().opportunities(source, opportunityMapping(pipeline)));
        out.println("  stored: " + crm.accounts().count() + " accounts, " + crm.opportunities().count()
                + " opportunities");
        out.println();

        out.println("Workflow rules");
        out.println("  " + TAG_NO_ACCOUNT + ": tagged " + completed(outcomes, TAG_NO_ACCOUNT)
                + " new opportunities without an account \"no-account\" (" + taggedNoAccount(crm)
                + " stored with the tag, of " + crm.opportunities().count() + ")");
        out.println("  " + THANK_BIG_WINS + ": created " + completed(outcomes, THANK_BIG_WINS)
                + " thank-you call tasks for the agents of wins of USD 5,000 or more");
        out.println();

        List<Deal> all = deals(crm, pipeline);
        Dashboard dashboard = new Dashboard(out, org, all);
        dashboard.print();
        out.println();
        try {
            HtmlReport.write(report, "Rapport demo: CRM Sales Opportunities", dashboard.headline, dashboard.charts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("HTML report (self-contained, inline SVG charts): " + report.toAbsolutePath().normalize());
        out.printf(Locale.ROOT, "Imported %d rows and computed the dashboard in %.1f s.%n",
                accounts.rows() + deals.rows(), (System.nanoTime() - started) / 1e9);
    }

    // ---------------------------------------------------------------- workflow rules

    static final String TAG_NO_ACCOUNT = "tag-deals-without-account";
    static final String THANK_BIG_WINS = "thank-you-call-after-big-wins";
    static final Money BIG_WIN = Money.of("5000", "USD");

    /** Two rules that make sense on this data, run by the workflow engine as the import creates the deals. */
    static List<Rule> rules() {
        Rule noAccount = Rule.named(TAG_NO_ACCOUNT).on(EntityKind.OPPORTUNITY)
                .when(Triggers.event(OpportunityCreated.class))
                .ifCondition(Conditions.test("has no account",
                        ctx -> ctx.opportunity().map(o -> o.accountId() == null).orElse(false)))
                .then(Actions.addTag("no-account"))
                .build();
        Rule bigWins = Rule.named(THANK_BIG_WINS).on(EntityKind.OPPORTUNITY)
                .when(Triggers.event(OpportunityWon.class))
                .ifCondition(Conditions.test("won USD 5,000 or more", ctx -> ctx.opportunity()
                        .map(o -> o.amount() != null && o.amount().compareTo(BIG_WIN) >= 0).orElse(false)))
                .then(Actions.createTask("Thank-you call after a large win", 7))
                .build();
        return List.of(noAccount, bigWins);
    }

    private static long taggedNoAccount(Crm crm) {
        long tagged = 0;
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            var result = crm.opportunities().list(page);
            tagged += result.items().stream().filter(o -> o.tags().contains("no-account")).count();
            if (!result.hasNext()) {
                return tagged;
            }
            page = result.nextRequest();
        }
    }

    private static long completed(Map<String, Map<Trace.Outcome, Long>> outcomes, String rule) {
        return outcomes.getOrDefault(rule, Map.of()).getOrDefault(Trace.Outcome.COMPLETED, 0L);
    }

    // ---------------------------------------------------------------- import

    static ImportMapping accountMapping() {
        return ImportMapping.create()
                .column("account", "name")
                .column("sector", "industry")
                .alias("industry", "technolgy", "technology")           // the misspelled sector
                .textCase("industry", TextCase.LOWER)
                .column("year_established", "custom.year_established")
                .column("revenue", "annualRevenue")
                .scale("annualRevenue", new BigDecimal("1000000"))        // the file gives millions of USD
                .currency("USD")
                .column("office_location", "country")
                .alias("country", "Philipines", "Philippines")            // misspelled
                .alias("country", "Korea", "KR")                          // ambiguous name: South Korea
                .column("subsidiary_of", "parent");
    }

    static ImportMapping opportunityMapping(Pipeline pipeline) {
        ImportMapping mapping = ImportMapping.create()
                .column("opportunity_id", "externalId")                   // a re-import updates, not duplicates
                .column("sales_agent", "owner")
                .convert("owner", Demo::slug)                             // agents are directory users
                .column("product", "product")
                .alias("product", "GTXPro", "GTX Pro")                    // the product spelled two ways
                .convert("product", Demo::slug)
                .column("account", "account")
                .column("deal_stage", "stage")
                .stage("Prospecting", "prospecting")
                .stage("Engaging", "engaging")
                .stage("Won", "won")
                .stage("Lost", "lost")
                .column("engage_date", "custom.engage_date")
                .column("close_date", "closeDate")
                .column("close_value", "amount")
                .currency("USD")
                .constant("pipeline", pipeline.id().value());
        // open deals have no value and lost deals a 0: they carry their product's list price
        for (Map<String, String> product : rows("products.csv")) {
            mapping = mapping.listPrice(slug(product.get("product")), Money.of(product.get("sales_price"), "USD"));
        }
        return mapping;
    }

    private static ImportResult importFile(PrintStream out, String file, Function<ImportSource, ImportResult> importer) {
        out.println("  " + file + " ...");
        ImportResult result;
        try (Reader reader = new ProgressReader(
                new InputStreamReader(resource(file), StandardCharsets.UTF_8), out, "    ")) {
            result = importer.apply(ImportSource.csv(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("  " + file + ": " + result.rows() + " rows: " + result.created() + " created, "
                + result.updated() + " updated, " + result.unchanged() + " unchanged, "
                + result.rejected() + " rejected");
        result.fileError().ifPresent(e -> out.println("    file error at line " + e.line() + ": " + e.reason()));
        Map<String, Long> reasons = new TreeMap<>();
        for (Reject reject : result.rejects()) {
            reasons.merge((reject.column() == null ? "" : reject.column() + ": ") + reject.reason(), 1L, Long::sum);
        }
        reasons.forEach((reason, count) -> out.println("    rejected " + count + " x " + reason));
        return result;
    }

    /** Counts the lines the importer reads and prints a progress line every {@link #PROGRESS_EVERY}. */
    private static final class ProgressReader extends FilterReader {
        private final PrintStream out;
        private final String indent;
        private long lines;

        ProgressReader(Reader in, PrintStream out, String indent) {
            super(in);
            this.out = out;
            this.indent = indent;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c == '\n') {
                line();
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\n') {
                    line();
                }
            }
            return n;
        }

        private void line() {
            lines++;
            long rows = lines - 1; // the header is the first line
            if (rows > 0 && rows % PROGRESS_EVERY == 0) {
                out.println(indent + rows + " rows read");
            }
        }
    }

    // ---------------------------------------------------------------- deals

    /**
     * The stored opportunities as deals. The import happens on one day, so the opportunities'
     * own creation and closing instants are that day; the deals take their days from the data:
     * engaged on the engage date (prospecting deals have none: the import day), closed on the close date.
     */
    static List<Deal> deals(Crm crm, Pipeline pipeline) {
        Function<Opportunity, Deal> mapper = Deals.mapper(List.of(pipeline), DealMapping.utc("USD"));
        LocalDate importDay = LocalDate.ofInstant(IMPORT_TIME, ZoneOffset.UTC);
        List<Deal> deals = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            var result = crm.opportunities().list(page);
            for (Opportunity o : result.items()) {
                Deal d = mapper.apply(o);
                Optional<LocalDate> engaged = o.customFields().get("engage_date")
                        .filter(FieldValue.Date.class::isInstance).map(v -> ((FieldValue.Date) v).value());
                LocalDate createdOn = engaged.orElse(importDay);
                List<StageVisit> history = new ArrayList<>();
                history.add(new StageVisit(engaged.isPresent() ? "engaging" : "prospecting", createdOn));
                LocalDate closedOn = null;
                if (d.status().closed()) {
                    closedOn = Objects.requireNonNull(o.closeDate(), "closeDate");
                    history.add(new StageVisit(d.stage(), closedOn));
                }
                deals.add(new Deal(d.id(), d.ownerId(), d.pipelineId(), d.source(), d.productIds(), d.amount(),
                        d.status(), createdOn, closedOn, d.stage(), d.probability(), d.forecastCategory(), history));
            }
            if (!result.hasNext()) {
                return deals;
            }
            page = result.nextRequest();
        }
    }

    // ---------------------------------------------------------------- dashboard

    /** The terminal dashboard over all deals. */
    private static final class Dashboard {
        private final PrintStream out;
        private final SalesOrganisation org;
        private final List<Deal> deals;
        private final List<Deal> won;
        private final List<Deal> open;
        final List<String> headline = new ArrayList<>();
        final List<HtmlReport.Chart> charts = new ArrayList<>();

        Dashboard(PrintStream out, SalesOrganisation org, List<Deal> deals) {
            this.out = out;
            this.org = org;
            this.deals = deals;
            this.won = deals.stream().filter(d -> d.status() == DealStatus.WON).toList();
            this.open = deals.stream().filter(d -> d.status() == DealStatus.OPEN).toList();
        }

        void print() {
            out.println("=".repeat(78));
            out.println(" Sales dashboard (crm-metrics)");
            out.println("=".repeat(78));
            long lost = deals.stream().filter(d -> d.status() == DealStatus.LOST).count();
            out.println(" Opportunities      " + deals.size() + " (" + won.size() + " won, " + lost + " lost, "
                    + open.size() + " open)");
            Ratio winRate = SalesMetrics.winRateByCount(NoDecision.EXCLUDED).of(deals);
            out.println(" Win rate           " + percent(winRate) + " (" + winRate.numerator().toPlainString()
                    + " won of " + winRate.denominator().toPlainString() + " closed)");
            MoneyRatio average = SalesMetrics.averageDealSize(USD).of(deals);
            out.println(" Average won deal   " + money(average.value()));
            out.println(" Won revenue        " + money(average.numerator()));
            Stats cycle = SalesMetrics.salesCycleDays(CycleStart.created()).of(deals);
            out.println(" Sales cycle        mean " + decimal(cycle.mean(), 1) + " days, median "
                    + decimal(cycle.median(), 1) + " days (engage to close, " + cycle.sampleSize() + " won deals)");
            out.println();
            headline.add("Opportunities: " + deals.size() + " (" + won.size() + " won, " + lost + " lost, "
                    + open.size() + " open)");
            headline.add("Win rate: " + percent(winRate));
            headline.add("Average won deal: " + money(average.value()));
            headline.add("Won revenue: " + money(average.numerator()));
            headline.add("Sales cycle: mean " + decimal(cycle.mean(), 1) + " days, median "
                    + decimal(cycle.median(), 1) + " days");
            long engaged = deals.stream().filter(d -> d.stageHistory().stream()
                    .anyMatch(v -> v.stage().equals("engaging"))).count();
            charts.add(new HtmlReport.Chart("Funnel: deals that reached each step", List.of(
                    new HtmlReport.Bar("prospecting", deals.size(), Long.toString(deals.size())),
                    new HtmlReport.Bar("engaging", engaged, Long.toString(engaged)),
                    new HtmlReport.Bar("won", won.size(), Long.toString(won.size())))));

            out.println(" Open pipeline by stage");
            Map<String, MoneyTotal> byStage = SalesMetrics.openPipeline(USD).groupedBy(Deal::stage).of(open);
            Map<String, MoneyTotal> weightedByStage =
                    SalesMetrics.weightedPipeline(USD).groupedBy(Deal::stage).of(open);
            for (String stage : List.of("prospecting", "engaging")) {
                MoneyTotal total = byStage.get(stage);
                if (total != null) {
                    out.printf(Locale.ROOT, "   %-12s %5d deals %17s   weighted %17s%n", stage, total.sampleSize(),
                            money(total.total()), money(weightedByStage.get(stage).total()));
                }
            }
            MoneyTotal openTotal = SalesMetrics.openPipeline(USD).of(open);
            MoneyTotal weighted = SalesMetrics.weightedPipeline(USD).of(open);
            List<HtmlReport.Bar> stageBars = new ArrayList<>();
            byStage.forEach((stage, total) -> stageBars.add(new HtmlReport.Bar(stage,
                    total.total().amount().doubleValue(), money(total.total()))));
            charts.add(new HtmlReport.Chart("Open pipeline by stage", stageBars));
            out.printf(Locale.ROOT, "   %-12s %5d deals %17s   weighted %17s%n", "total", openTotal.sampleSize(),
                    money(openTotal.total()), money(weighted.total()));
            out.println();

            out.println(" Won revenue per quarter");
            Map<Period, MoneyRatio> perQuarter = new TreeMap<>(SalesMetrics.averageDealSize(USD)
                    .groupedBy(Period.byDate(PeriodUnit.QUARTER, (Deal d) -> d.closedOnIfClosed().orElseThrow()))
                    .of(won));
            BigDecimal max = perQuarter.values().stream().map(r -> r.numerator().amount())
                    .max(Comparator.naturalOrder()).orElse(BigDecimal.ONE);
            perQuarter.forEach((quarter, r) -> out.printf(Locale.ROOT, "   %-8s %17s %5d won  %s%n", quarter,
                    money(r.numerator()), r.sampleSize(), bar(r.numerator().amount(), max, 30)));
            out.println();
            List<HtmlReport.Bar> quarterBars = new ArrayList<>();
            perQuarter.forEach((quarter, r) -> quarterBars.add(new HtmlReport.Bar(quarter.toString(),
                    r.numerator().amount().doubleValue(), money(r.numerator()))));
            charts.add(new HtmlReport.Chart("Won revenue per quarter", quarterBars));

            Map<String, Ratio> rateByAgent = SalesMetrics.winRateByCount(NoDecision.EXCLUDED)
                    .groupedBy(Deal::ownerId).of(deals);
            Map<String, MoneyRatio> wonByAgent = SalesMetrics.averageDealSize(USD).groupedBy(Deal::ownerId).of(won);
            List<Map.Entry<String, MoneyRatio>> ranking = new ArrayList<>(wonByAgent.entrySet());
            ranking.sort(Comparator.comparing((Map.Entry<String, MoneyRatio> e) -> e.getValue().numerator().amount())
                    .reversed().thenComparing(Map.Entry::getKey));
            out.println(" Top 10 sales agents by won revenue (of " + ranking.size() + " with a won deal)");
            out.printf(Locale.ROOT, "   %2s  %-20s %-18s %17s %5s %9s%n", "#", "agent", "manager", "won revenue",
                    "won", "win rate");
            for (int i = 0; i < Math.min(10, ranking.size()); i++) {
                String agent = ranking.get(i).getKey();
                MoneyRatio r = ranking.get(i).getValue();
                out.printf(Locale.ROOT, "   %2d  %-20s %-18s %17s %5d %9s%n", i + 1, org.nameOf(agent),
                        org.managerNameOf(agent), money(r.numerator()), r.sampleSize(), percent(rateByAgent.get(agent)));
            }
            out.println();
            List<HtmlReport.Bar> rateBars = new ArrayList<>();
            for (Map.Entry<String, MoneyRatio> e : ranking) {
                Ratio rate = rateByAgent.get(e.getKey());
                rate.valueIfDefined().ifPresent(v -> rateBars.add(new HtmlReport.Bar(org.nameOf(e.getKey()),
                        v.doubleValue(), percent(rate))));
            }
            charts.add(new HtmlReport.Chart("Win rate per agent (ranked by won revenue)", rateBars));

            group(" Per manager", "manager", org::managerNameOf);
            out.println();
            group(" Per regional office", "office", org::officeOf);
            out.println("=".repeat(78));
        }

        private void group(String title, String label, Function<String, String> keyOfAgent) {
            Function<Deal, String> key = d -> keyOfAgent.apply(d.ownerId());
            Map<String, Ratio> rates = SalesMetrics.winRateByCount(NoDecision.EXCLUDED).groupedBy(key).of(deals);
            Map<String, MoneyRatio> sizes = SalesMetrics.averageDealSize(USD).groupedBy(key).of(won);
            Map<String, MoneyTotal> pipelines = SalesMetrics.openPipeline(USD).groupedBy(key).of(open);
            out.println(title);
            out.printf(Locale.ROOT, "   %-18s %17s %5s %9s %13s %17s%n", label, "won revenue", "won", "win rate",
                    "avg won deal", "open pipeline");
            List<String> keys = new ArrayList<>(rates.keySet());
            keys.sort(Comparator.comparing((String k) -> sizes.containsKey(k)
                    ? sizes.get(k).numerator().amount() : BigDecimal.ZERO).reversed());
            for (String k : keys) {
                MoneyRatio size = sizes.get(k);
                MoneyTotal pipeline = pipelines.get(k);
                out.printf(Locale.ROOT, "   %-18s %17s %5d %9s %13s %17s%n", k,
                        size == null ? "-" : money(size.numerator()), size == null ? 0 : size.sampleSize(),
                        percent(rates.get(k)), size == null ? "-" : money(size.value()),
                        pipeline == null ? "-" : money(pipeline.total()));
            }
        }
    }

    static String percent(Ratio ratio) {
        return ratio.valueIfDefined()
                .map(v -> v.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%")
                .orElse("n/a");
    }

    static String money(Money money) {
        return money == null ? "n/a" : String.format(Locale.ROOT, "%s %,.2f", money.currency().getCurrencyCode(),
                money.amount());
    }

    static String decimal(BigDecimal value, int scale) {
        return value == null ? "n/a" : value.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String bar(BigDecimal value, BigDecimal max, int width) {
        if (max.signum() == 0) {
            return "";
        }
        int n = value.multiply(BigDecimal.valueOf(width)).divide(max, 0, RoundingMode.HALF_EVEN).intValue();
        return "#".repeat(n);
    }

    // ---------------------------------------------------------------- data set files

    /** The stable user id of a person known by name only: "Mei-Mei Johns" becomes "mei-mei-johns". */
    static String slug(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    static InputStream resource(String file) {
        return Objects.requireNonNull(Demo.class.getResourceAsStream(DATASET + file), file);
    }

    /** The rows of a small data set file (no quoted commas in these files), as maps. */
    static List<Map<String, String>> rows(String file) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource(file), StandardCharsets.UTF_8))) {
            String[] header = in.readLine().split(",", -1);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i].strip() : "");
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The sales organisation of sales_teams.csv: agents, their managers and regional offices. */
    record SalesOrganisation(Map<String, String> agents, Map<String, String> managers, Map<String, String> managerOf,
            Map<String, String> officeOf, List<String> offices) {

        static SalesOrganisation read(List<Map<String, String>> rows) {
            Map<String, String> agents = new LinkedHashMap<>();
            Map<String, String> managers = new LinkedHashMap<>();
            Map<String, String> managerOf = new LinkedHashMap<>();
            Map<String, String> officeOf = new LinkedHashMap<>();
            List<String> offices = new ArrayList<>();
            for (Map<String, String> row : rows) {
                String agent = slug(row.get("sales_agent"));
                String manager = slug(row.get("manager"));
                agents.put(agent, row.get("sales_agent"));
                managers.put(manager, row.get("manager"));
                managerOf.put(agent, manager);
                officeOf.put(agent, row.get("regional_office"));
                officeOf.putIfAbsent(manager, row.get("regional_office"));
                if (!offices.contains(row.get("regional_office"))) {
                    offices.add(row.get("regional_office"));
                }
            }
            return new SalesOrganisation(agents, managers, managerOf, officeOf, offices);
        }

        /** The agents and managers as directory users, one team per manager named with its office. */
        InMemoryDirectory directory() {
            InMemoryDirectory directory = new InMemoryDirectory();
            managers.forEach((id, name) -> directory.addUser(User.of(UserId.of(id))));
            agents.keySet().forEach(id -> directory.addUser(User.of(UserId.of(id))));
            managers.forEach((manager, name) -> {
                Team team = Team.of(TeamId.of(manager + "-team"), name + " (" + officeOf.get(manager) + ")")
                        .withManager(UserId.of(manager));
                for (Map.Entry<String, String> e : managerOf.entrySet()) {
                    if (e.getValue().equals(manager)) {
                        team = team.withMember(UserId.of(e.getKey()));
                    }
                }
                directory.addTeam(team);
            });
            return directory;
        }

        String nameOf(String userId) {
            return agents.getOrDefault(userId, managers.getOrDefault(userId, userId));
        }

        String managerNameOf(String agent) {
            String manager = managerOf.get(agent);
            return manager == null ? "(no manager)" : managers.get(manager);
        }

        String officeOf(String agent) {
            return officeOf.getOrDefault(agent, "(no office)");
        }
    }
}
