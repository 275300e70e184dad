package dev.rapport.crm.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Actor;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.party.ContactRoles;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import dev.rapport.crm.sales.LineItem;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.sales.OpportunityStatus;
import dev.rapport.crm.sales.Pipeline;
import dev.rapport.crm.sales.PipelineId;
import dev.rapport.crm.sales.ProductId;
import dev.rapport.crm.sales.Stage;
import dev.rapport.crm.sales.StageChange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sales calculators over the public "CRM Sales Opportunities" dataset (see the README next
 * to the CSV files), checked against an independent plain computation over the same rows.
 *
 * <p>Mapping: each row becomes a crm-core {@link Opportunity} in a four-stage pipeline
 * (prospecting, engaging, won, lost), owned by its sales agent, created in "engaging" on
 * engage_date and, when Won or Lost, closed on close_date; its one line item is the product at
 * close_value in USD (0 for lost deals, as the dataset has it), or at the list price while open.
 * The opportunities are read as deals through {@link Deals}. Prospecting rows have no date at all,
 * so they cannot be opportunities (which have a creation time) and are left out; none of them is
 * closed, so no checked figure depends on them.
 */
class SalesDatasetTest {

    private static final String DIR = "/datasets/crm-sales-opportunities/";
    private static final Conversion USD = Conversion.strict("USD");

    private static final PipelineId PIPELINE = PipelineId.of("dataset");

    private static List<Map<String, String>> pipeline;
    private static Map<String, String> managerOf;
    private static List<Deal> deals;

    @BeforeAll
    static void load() throws IOException {
        pipeline = csv("sales_pipeline.csv");
        managerOf = new HashMap<>();
        for (Map<String, String> row : csv("sales_teams.csv")) {
            managerOf.put(row.get("sales_agent"), row.get("manager"));
        }
        Map<String, String> listPrice = new HashMap<>();
        for (Map<String, String> row : csv("products.csv")) {
            listPrice.put(row.get("product"), row.get("sales_price"));
        }
        listPrice.put("GTXPro", listPrice.get("GTX Pro")); // the pipeline's spelling of the same product
        Instant epoch = Instant.parse("2016-01-01T00:00:00Z");
        Pipeline pipeline = new Pipeline(PIPELINE, TenantId.DEFAULT, 1, "Dataset pipeline", List.of(
                Stage.open("prospecting", "Prospecting", new BigDecimal("0.1"), ForecastCategory.PIPELINE),
                Stage.open("engaging", "Engaging", new BigDecimal("0.5"), ForecastCategory.BEST_CASE),
                Stage.won("won", "Won"), Stage.lost("lost", "Lost")), true, epoch, epoch);
        Function<Opportunity, Deal> toDeal = Deals.mapper(List.of(pipeline), DealMapping.utc("USD"));
        deals = new ArrayList<>();
        for (Map<String, String> row : SalesDatasetTest.pipeline) {
            if (row.get("engage_date").isEmpty()) {
                continue;
            }
            deals.add(toDeal.apply(opportunity(row, listPrice)));
        }
    }

    /** One dated row as a crm-core opportunity, created when engaged, closed on the close day. */
    private static Opportunity opportunity(Map<String, String> row, Map<String, String> listPrice) {
        Instant engaged = LocalDate.parse(row.get("engage_date")).atTime(9, 0).toInstant(ZoneOffset.UTC);
        String stage = row.get("deal_stage");
        boolean closed = stage.equals("Won") || stage.equals("Lost");
        String amount = closed ? row.get("close_value") : Objects.requireNonNull(listPrice.get(row.get("product")));
        List<StageChange> history = new ArrayList<>();
        history.add(new StageChange(null, "engaging", engaged, Actor.SYSTEM));
        Instant closedAt = null;
        OpportunityStatus status = OpportunityStatus.OPEN;
        String current = "engaging";
        if (closed) {
            closedAt = LocalDate.parse(row.get("close_date")).atTime(17, 0).toInstant(ZoneOffset.UTC);
            current = stage.equals("Won") ? "won" : "lost";
            status = stage.equals("Won") ? OpportunityStatus.WON : OpportunityStatus.LOST;
            history.add(new StageChange("engaging", current, closedAt, Actor.SYSTEM));
        }
        Money value = Money.of(amount, "USD");
        LineItem product = LineItem.of(ProductId.of(row.get("product")), 1, value);
        return new Opportunity(OpportunityId.of(row.get("opportunity_id")), TenantId.DEFAULT, 1,
                row.get("opportunity_id"), null, value, PIPELINE, current,
                closedAt == null ? null : LocalDate.ofInstant(closedAt, ZoneOffset.UTC),
                UserId.of(row.get("sales_agent")), ContactRoles.none(), List.of(product), history, status, closedAt,
                status == OpportunityStatus.LOST ? "lost" : null, null, Set.of(), CustomFields.empty(), engaged,
                closedAt == null ? engaged : closedAt);
    }

    /** A small CSV reader: a header line, comma-separated fields, optional double quotes. */
    static List<Map<String, String>> csv(String file) throws IOException {
        try (InputStream in = Objects.requireNonNull(SalesDatasetTest.class.getResourceAsStream(DIR + file), file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = fields(reader.readLine());
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> values = fields(line);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < values.size() ? values.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString().strip());
        return out;
    }

    /** The plain figures of one group of rows. */
    private static final class Plain {
        long won;
        long lost;
        long wonCents;
        final List<Long> cycleDays = new ArrayList<>();

        void add(Map<String, String> row) {
            String stage = row.get("deal_stage");
            if (stage.equals("Won")) {
                won++;
                wonCents += Long.parseLong(row.get("close_value")) * 100;
                cycleDays.add(ChronoUnit.DAYS.between(LocalDate.parse(row.get("engage_date")),
                        LocalDate.parse(row.get("close_date"))));
            } else if (stage.equals("Lost")) {
                lost++;
            }
        }

        BigDecimal winRate() {
            return BigDecimal.valueOf(won).divide(BigDecimal.valueOf(won + lost), 6, RoundingMode.HALF_EVEN);
        }

        Money averageWon() {
            return new Money(BigDecimal.valueOf(wonCents).divide(BigDecimal.valueOf(won * 100), 2,
                    RoundingMode.HALF_EVEN), java.util.Currency.getInstance("USD"));
        }

        BigDecimal meanCycle() {
            long sum = 0;
            for (long d : cycleDays) {
                sum += d;
            }
            return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(cycleDays.size()), 6, RoundingMode.HALF_EVEN);
        }

        BigDecimal medianCycle() {
            List<Long> sorted = new ArrayList<>(cycleDays);
            Collections.sort(sorted);
            int n = sorted.size();
            return n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2))
                    : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        }
    }

    private static Plain plain(String agent, String manager) {
        Plain p = new Plain();
        for (Map<String, String> row : pipeline) {
            String a = row.get("sales_agent");
            if ((agent == null || agent.equals(a)) && (manager == null || manager.equals(managerOf.get(a)))) {
                p.add(row);
            }
        }
        return p;
    }

    @Test
    void theDatasetHasTheRowsItsReadmePromises() {
        assertThat(pipeline).hasSize(8800);
        assertThat(managerOf).hasSize(35);
        assertThat(deals).hasSize(8300); // 8,800 minus the 500 undated prospecting rows
    }

    @Test
    void overallWinRateAverageWonDealAndCycleMatchThePlainComputation() {
        Plain p = plain(null, null);
        assertThat(p.won).isEqualTo(4238);
        assertThat(p.lost).isEqualTo(2473);

        Ratio winRate = SalesMetrics.winRateByCount(NoDecision.EXCLUDED).of(deals);
        assertThat(winRate.value()).isEqualTo(p.winRate());
        assertThat(winRate.sampleSize()).isEqualTo(4238 + 2473);

        MoneyRatio avg = SalesMetrics.averageDealSize(USD).of(deals);
        assertThat(avg.numerator()).isEqualTo(Money.of("10005534.00", "USD"));
        assertThat(avg.value()).isEqualTo(p.averageWon());
        assertThat(avg.value()).isEqualTo(Money.of("2360.91", "USD"));

        Stats cycle = SalesMetrics.salesCycleDays(CycleStart.stageEntered("engaging")).of(deals);
        assertThat(cycle.sampleSize()).isEqualTo(4238);
        assertThat(cycle.mean()).isEqualTo(p.meanCycle());
        assertThat(cycle.median()).isEqualByComparingTo(p.medianCycle());
        // Deals start on their engage day here, so both start points agree.
        assertThat(SalesMetrics.salesCycleDays(CycleStart.created()).of(deals)).isEqualTo(cycle);
    }

    @Test
    void perAgentFiguresMatchThePlainComputation() {
        Map<String, Ratio> winRates = SalesMetrics.winRateByCount(NoDecision.EXCLUDED).groupedBy(Deal::ownerId)
                .of(deals.stream());
        Map<String, MoneyRatio> averages = SalesMetrics.averageDealSize(USD).groupedBy(Deal::ownerId).of(deals);
        Map<String, Stats> cycles = SalesMetrics.salesCycleDays(CycleStart.stageEntered("engaging"))
                .groupedBy(Deal::ownerId).of(deals);
        assertThat(winRates).hasSize(30); // five agents of the team list have no opportunities
        for (String agent : winRates.keySet()) {
            Plain p = plain(agent, null);
            assertThat(winRates.get(agent).value()).as(agent).isEqualTo(p.winRate());
            assertThat(averages.get(agent).value()).as(agent).isEqualTo(p.averageWon());
            assertThat(cycles.get(agent).mean()).as(agent).isEqualTo(p.meanCycle());
            assertThat(cycles.get(agent).median()).as(agent).isEqualByComparingTo(p.medianCycle());
        }
    }

    @Test
    void perManagerFiguresMatchThePlainComputation() {
        Map<String, Ratio> winRates = SalesMetrics.winRateByCount(NoDecision.EXCLUDED)
                .groupedBy((Deal d) -> managerOf.get(d.ownerId())).of(deals);
        Map<String, MoneyRatio> averages = SalesMetrics.averageDealSize(USD)
                .groupedBy((Deal d) -> managerOf.get(d.ownerId())).of(deals);
        assertThat(new TreeMap<>(winRates).keySet()).containsExactly("Cara Losch", "Celia Rouche", "Dustin Brinkmann",
                "Melvin Marxen", "Rocco Neubert", "Summer Sewald");
        for (String manager : winRates.keySet()) {
            Plain p = plain(null, manager);
            assertThat(winRates.get(manager).value()).as(manager).isEqualTo(p.winRate());
            assertThat(averages.get(manager).value()).as(manager).isEqualTo(p.averageWon());
        }
    }

    @Test
    void computingTwoHalvesAndMergingEqualsComputingTheWhole() {
        Metric<Deal, Map<String, Stats>> metric = SalesMetrics.salesCycleDays(CycleStart.stageEntered("engaging"))
                .groupedBy(Deal::ownerId);
        Accumulator<Deal, Map<String, Stats>> first = metric.newAccumulator();
        Accumulator<Deal, Map<String, Stats>> second = metric.newAccumulator();
        int half = deals.size() / 2;
        deals.subList(0, half).forEach(first::add);
        deals.subList(half, deals.size()).forEach(second::add);
        first.merge(second);
        assertThat(first.result()).isEqualTo(metric.of(deals));
    }

    @Test
    void theOpenPipelineIsTheListPriceOfEveryEngagedDeal() {
        long plainOpen = 0;
        Map<String, Long> price = Map.of("GTX Basic", 550L, "GTX Pro", 4821L, "GTXPro", 4821L, "MG Special", 55L,
                "MG Advanced", 3393L, "GTX Plus Pro", 5482L, "GTX Plus Basic", 1096L, "GTK 500", 26768L);
        for (Map<String, String> row : pipeline) {
            if (row.get("deal_stage").equals("Engaging")) {
                plainOpen += Objects.requireNonNull(price.get(row.get("product")), row.get("product"));
            }
        }
        MoneyTotal open = SalesMetrics.openPipeline(USD).of(deals);
        assertThat(open.sampleSize()).isEqualTo(1589);
        assertThat(open.total()).isEqualTo(Money.of(BigDecimal.valueOf(plainOpen), "USD"));
    }

    @Test
    void perProductWinRatesMatchThePlainComputation() {
        Map<String, Ratio> byProduct = SalesMetrics.winRateByCount(NoDecision.EXCLUDED)
                .groupedBy((Deal d) -> d.productIds().get(0)).of(deals);
        for (Map.Entry<String, Ratio> e : byProduct.entrySet()) {
            long won = 0;
            long closed = 0;
            for (Map<String, String> row : pipeline) {
                if (row.get("product").equals(e.getKey())) {
                    won += row.get("deal_stage").equals("Won") ? 1 : 0;
                    closed += row.get("deal_stage").equals("Won") || row.get("deal_stage").equals("Lost") ? 1 : 0;
                }
            }
            assertThat(e.getValue().value()).as(e.getKey())
                    .isEqualTo(BigDecimal.valueOf(won).divide(BigDecimal.valueOf(closed), 6, RoundingMode.HALF_EVEN));
        }
        assertThat(byProduct).containsKeys("GTXPro", "GTX Basic", "MG Special");
    }
}
