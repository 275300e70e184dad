package dev.rapport.crm.jpa;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.metrics.Conversion;
import dev.rapport.crm.metrics.DealMapping;
import dev.rapport.crm.metrics.DealStatus;
import dev.rapport.crm.metrics.ForecastRollup;
import dev.rapport.crm.metrics.MetricStatus;
import dev.rapport.crm.metrics.MoneyRatio;
import dev.rapport.crm.metrics.MoneyTotal;
import dev.rapport.crm.metrics.NoDecision;
import dev.rapport.crm.metrics.Ratio;
import dev.rapport.crm.metrics.Stats;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import dev.rapport.crm.sales.OpportunityStatus;
import dev.rapport.crm.sales.Pipeline;
import dev.rapport.crm.sales.PipelineId;
import dev.rapport.crm.sales.Stage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Sales metrics computed by the database: the same results as crm-metrics' in-memory
 * {@link dev.rapport.crm.metrics.SalesMetrics} over the tenant's opportunities read as
 * {@link dev.rapport.crm.metrics.Deal}s with {@link dev.rapport.crm.metrics.Deals#mapper}, without
 * loading a single opportunity. Counts and sums of amounts are grouped by pipeline, stage, status,
 * close reason and currency in one aggregate query; the stage probabilities and forecast categories
 * then come from the (cached) pipelines, so each result reads as many rows as there are groups.
 * The sales cycle is a histogram of days grouped in the database, so its median is exact too.
 *
 * <p>Each result equals the in-memory metric {@linkplain dev.rapport.crm.metrics.Metric#withoutIds()
 * without ids} on the same data: the same status, values, sums (exact, in the reporting currency),
 * sample sizes, and the same typed errors (a currency without a rate, a stage missing from its
 * pipeline). Amounts in another currency than the reporting one are summed per distinct amount, so
 * a conversion that rounds each amount gives the same total as in memory.
 *
 * <pre>{@code
 * JpaSalesMetrics metrics = JpaSalesMetrics.of(store, tenant, DealMapping.utc("EUR"));
 * Conversion eur = Conversion.strict("EUR");
 * Ratio winRate = metrics.winRateByCount(NoDecision.EXCLUDED);
 * MoneyTotal weighted = metrics.weightedPipeline(eur);
 * Map<String, MoneyTotal> byStage = metrics.pipelineByStage(PipelineId.of("standard"), eur);
 * Stats cycle = metrics.salesCycleDays();   // mean and median days from creation to won
 * }</pre>
 */
public final class JpaSalesMetrics {
    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    private final JpaCrmStore store;
    private final TenantId tenant;
    private final DealMapping mapping;
    private final @Nullable String database;

    private JpaSalesMetrics(JpaCrmStore store, TenantId tenant, DealMapping mapping, @Nullable String database) {
        this.store = store;
        this.tenant = tenant;
        this.mapping = mapping;
        this.database = database;
    }

    /**
     * The metrics of one tenant on a store.
     *
     * @param store the JPA store
     * @param tenant the tenant whose opportunities are measured
     * @param mapping how opportunities read as deals: zone of the days, currency of unknown amounts,
     *     no-decision reasons
     * @return the metrics
     */
    public static JpaSalesMetrics of(JpaCrmStore store, TenantId tenant, DealMapping mapping) {
        return new JpaSalesMetrics(Objects.requireNonNull(store, "store"), Objects.requireNonNull(tenant, "tenant"),
                Objects.requireNonNull(mapping, "mapping"), null);
    }

    /**
     * These metrics on a named database, for the queries whose SQL differs between databases
     * (the sales cycle's day arithmetic). Without it the database is recognized from the JDBC URL
     * of the persistence unit.
     *
     * @param name {@code "h2"}, {@code "postgresql"} or {@code "mariadb"} (the folder names of the
     *     migration scripts)
     * @return the copy
     * @throws CrmValidationException on {@code "database"} for another name
     */
    public JpaSalesMetrics onDatabase(String name) {
        return new JpaSalesMetrics(store, tenant, mapping, Sql.named(name).name());
    }

    /**
     * Win rate by count: won over closed opportunities.
     *
     * @param noDecision whether no-decision deals count as lost or are left out
     * @return what {@code SalesMetrics.winRateByCount(noDecision).withoutIds()} gives
     */
    public Ratio winRateByCount(NoDecision noDecision) {
        Totals t = totals(Objects.requireNonNull(noDecision, "noDecision"), null, null);
        return Ratio.of(t.won, t.closed, t.closed, List.of());
    }

    /**
     * Win rate by value: the amount won over the amount of closed opportunities.
     *
     * @param noDecision whether no-decision deals count as lost or are left out
     * @param conversion the reporting currency
     * @return what {@code SalesMetrics.winRateByValue(noDecision, conversion).withoutIds()} gives
     */
    public Ratio winRateByValue(NoDecision noDecision, Conversion conversion) {
        Totals t = totals(Objects.requireNonNull(noDecision, "noDecision"), conversion, null);
        return Ratio.of(t.wonAmount, t.closedAmount, t.closed, List.of());
    }

    /**
     * Average deal size: the amount won over the number won.
     *
     * @param conversion the reporting currency
     * @return what {@code SalesMetrics.averageDealSize(conversion).withoutIds()} gives
     */
    public MoneyRatio averageDealSize(Conversion conversion) {
        Totals t = totals(NoDecision.EXCLUDED, conversion, null);
        return MoneyRatio.of(t.money(t.wonAmount), BigDecimal.valueOf(t.won), t.won, List.of());
    }

    /**
     * The sum of open opportunities' amounts.
     *
     * @param conversion the reporting currency
     * @return what {@code SalesMetrics.openPipeline(conversion).withoutIds()} gives
     */
    public MoneyTotal openPipeline(Conversion conversion) {
        Totals t = totals(NoDecision.EXCLUDED, conversion, null);
        return new MoneyTotal(t.money(t.openAmount), t.open, List.of());
    }

    /**
     * Weighted pipeline: open amounts times their stage's probability, rounded once.
     *
     * @param conversion the reporting currency
     * @return what {@code SalesMetrics.weightedPipeline(conversion).withoutIds()} gives
     */
    public MoneyTotal weightedPipeline(Conversion conversion) {
        Totals t = totals(NoDecision.EXCLUDED, conversion, null);
        return new MoneyTotal(t.money(t.weighted), t.open, List.of());
    }

    /**
     * The open pipeline of one pipeline per stage, for the stages that have opportunities, in the
     * pipeline's stage order.
     *
     * @param pipeline the pipeline
     * @param conversion the reporting currency
     * @return what {@code SalesMetrics.openPipeline(conversion).withoutIds().groupedBy(Deal::stage)}
     *     gives over that pipeline's deals
     */
    public Map<String, MoneyTotal> pipelineByStage(PipelineId pipeline, Conversion conversion) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(conversion, "conversion");
        return store.read(tenant, tx -> {
            Resolved resolved = resolve((JpaStoreTransaction) tx, conversion, pipeline.value());
            Map<String, Totals> byStage = new HashMap<>();
            for (Group g : resolved.groups) {
                byStage.computeIfAbsent(g.stage.key(), k -> new Totals(conversion)).add(g, NoDecision.EXCLUDED);
            }
            Map<String, MoneyTotal> out = new LinkedHashMap<>();
            Pipeline p = resolved.pipelines.get(pipeline.value());
            if (p != null) {
                for (Stage stage : p.stages()) {
                    Totals t = byStage.get(stage.key());
                    if (t != null) {
                        out.put(stage.key(), new MoneyTotal(t.money(t.openAmount), t.open, List.of()));
                    }
                }
            }
            return java.util.Collections.unmodifiableMap(out);
        });
    }

    /**
     * Amounts per forecast category with the cumulative roll-ups.
     *
     * @param conversion the reporting currency
     * @return what {@code SalesMetrics.forecast(conversion).withoutIds()} gives
     */
    public ForecastRollup forecast(Conversion conversion) {
        Totals t = totals(NoDecision.EXCLUDED, conversion, null);
        Money pipeline = t.money(t.byCategory.get(ForecastCategory.PIPELINE));
        Money bestCase = t.money(t.byCategory.get(ForecastCategory.BEST_CASE));
        Money commit = t.money(t.byCategory.get(ForecastCategory.COMMIT));
        Money closedWon = t.money(t.byCategory.get(ForecastCategory.CLOSED));
        Money omitted = t.money(t.byCategory.get(ForecastCategory.OMITTED));
        return new ForecastRollup(pipeline, bestCase, commit, closedWon, omitted, closedWon.plus(commit),
                closedWon.plus(commit).plus(bestCase), pipeline.plus(bestCase).plus(commit), t.sample, List.of());
    }

    /**
     * Sales cycle of won opportunities in days, from the creation day to the close day in the
     * mapping's zone: mean, exact median, minimum and maximum. The days are counted and grouped in
     * the database; only one row per distinct cycle length is read.
     *
     * @return what {@code SalesMetrics.salesCycleDays(CycleStart.created()).withoutIds()} gives
     * @throws CrmValidationException on {@code "closedOn"} if a won opportunity closed on a day
     *     before the one it was created on
     * @throws IllegalStateException if the database is not recognized (see {@link #onDatabase})
     */
    public Stats salesCycleDays() {
        return store.read(tenant, tx -> cycle((JpaStoreTransaction) tx));
    }

    // ---------------------------------------------------------------------------------------------

    /** One group of opportunities: same pipeline, stage, status; amount in the reporting currency. */
    private record Group(Stage stage, DealStatus status, long count, BigDecimal amount) {
    }

    private record Resolved(List<Group> groups, Map<String, Pipeline> pipelines) {
    }

    /** The running totals of the sales calculator, fed per group instead of per deal. */
    private static final class Totals {
        private final Conversion conversion;
        long won;
        long closed;
        long open;
        long sample;
        BigDecimal wonAmount = BigDecimal.ZERO;
        BigDecimal closedAmount = BigDecimal.ZERO;
        BigDecimal openAmount = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        final Map<ForecastCategory, BigDecimal> byCategory = new EnumMap<>(ForecastCategory.class);

        Totals(Conversion conversion) {
            this.conversion = conversion;
            for (ForecastCategory c : ForecastCategory.values()) {
                byCategory.put(c, BigDecimal.ZERO);
            }
        }

        void add(Group g, NoDecision noDecision) {
            sample += g.count;
            boolean countsAsClosed = g.status == DealStatus.WON || g.status == DealStatus.LOST
                    || g.status == DealStatus.NO_DECISION && noDecision == NoDecision.COUNTED_AS_LOST;
            if (g.status == DealStatus.OPEN) {
                open += g.count;
                openAmount = openAmount.add(g.amount);
                weighted = weighted.add(g.amount.multiply(g.stage.probability()));
            } else if (countsAsClosed) {
                closed += g.count;
                closedAmount = closedAmount.add(g.amount);
                if (g.status == DealStatus.WON) {
                    won += g.count;
                    wonAmount = wonAmount.add(g.amount);
                }
            }
            byCategory.merge(category(g), g.amount, BigDecimal::add);
        }

        private static ForecastCategory category(Group g) {
            switch (g.status) {
                case WON:
                    return ForecastCategory.CLOSED;
                case LOST:
                case NO_DECISION:
                    return ForecastCategory.OMITTED;
                default:
                    ForecastCategory c = g.stage.forecastCategory();
                    return c == ForecastCategory.CLOSED ? ForecastCategory.COMMIT : c;
            }
        }

        Money money(BigDecimal amount) {
            int scale = conversion.zero().amount().scale();
            return new Money(amount.setScale(scale, RoundingMode.HALF_EVEN), conversion.currency());
        }
    }

    /** Totals over the tenant; without a conversion the amounts are not read (as win rate by count). */
    private Totals totals(NoDecision noDecision, @Nullable Conversion conversion, @Nullable String pipeline) {
        Conversion reporting = conversion == null ? Conversion.strict("XXX") : conversion;
        return store.read(tenant, tx -> {
            Resolved resolved = resolve((JpaStoreTransaction) tx, conversion, pipeline);
            Totals t = new Totals(reporting);
            for (Group g : resolved.groups) {
                t.add(g, noDecision);
            }
            return t;
        });
    }

    /**
     * The groups of the tenant's opportunities with their stages resolved and amounts in the
     * reporting currency ({@code conversion} null: amounts are not read and count as zero).
     */
    private Resolved resolve(JpaStoreTransaction tx, @Nullable Conversion conversion, @Nullable String pipeline) {
        EntityManager em = tx.em();
        TypedQuery<Object[]> query = em.createQuery("select e.pipelineId, e.stage, e.status, e.closeReason,"
                + " e.amountCurrency, count(e), sum(e.amount) from RapportOpportunity e where e.tenantId = :tenant"
                + (pipeline == null ? "" : " and e.pipelineId = :pipeline")
                + " group by e.pipelineId, e.stage, e.status, e.closeReason, e.amountCurrency", Object[].class)
                .setParameter("tenant", tenant.value());
        if (pipeline != null) {
            query.setParameter("pipeline", pipeline);
        }
        List<Object[]> rows = query.getResultList();
        Map<String, Pipeline> pipelines = new HashMap<>();
        List<Group> groups = new ArrayList<>(rows.size());
        List<String> foreign = new ArrayList<>();
        for (Object[] row : rows) {
            String currency = (String) row[4];
            if (conversion != null && currency != null && !currency.equals(conversion.currency().getCurrencyCode())) {
                if (!foreign.contains(currency)) {
                    foreign.add(currency);
                }
                continue; // summed per distinct amount below
            }
            long count = ((Number) row[5]).longValue();
            BigDecimal amount = BigDecimal.ZERO;
            if (conversion != null) {
                if (currency == null) {
                    // Unknown amounts are zero in the mapping's currency, converted like any amount.
                    amount = conversion.toReporting(Money.zero(mapping.unknownAmountCurrency())).amount();
                } else {
                    amount = reporting(conversion, (BigDecimal) row[6]);
                }
            }
            groups.add(group(tx, pipelines, row, count, amount));
        }
        for (String currency : foreign) {
            groups.addAll(foreignGroups(tx, pipelines, Objects.requireNonNull(conversion), currency, pipeline));
        }
        return new Resolved(groups, pipelines);
    }

    /** Groups of one foreign currency: each distinct amount converted once, times its count. */
    private List<Group> foreignGroups(JpaStoreTransaction tx, Map<String, Pipeline> pipelines, Conversion conversion,
            String currency, @Nullable String pipeline) {
        TypedQuery<Object[]> query = tx.em().createQuery("select e.pipelineId, e.stage, e.status, e.closeReason,"
                + " e.amount, count(e) from RapportOpportunity e where e.tenantId = :tenant"
                + " and e.amountCurrency = :currency" + (pipeline == null ? "" : " and e.pipelineId = :pipeline")
                + " group by e.pipelineId, e.stage, e.status, e.closeReason, e.amount", Object[].class)
                .setParameter("tenant", tenant.value())
                .setParameter("currency", currency);
        if (pipeline != null) {
            query.setParameter("pipeline", pipeline);
        }
        Currency from = Currency.getInstance(currency);
        List<Group> out = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            long count = ((Number) row[5]).longValue();
            BigDecimal each = conversion.toReporting(new Money((BigDecimal) row[4], from)).amount();
            out.add(group(tx, pipelines, row, count, each.multiply(BigDecimal.valueOf(count))));
        }
        return out;
    }

    private static BigDecimal reporting(Conversion conversion, BigDecimal sum) {
        return sum.setScale(conversion.zero().amount().scale(), RoundingMode.UNNECESSARY);
    }

    private Group group(JpaStoreTransaction tx, Map<String, Pipeline> pipelines, Object[] row, long count,
            BigDecimal amount) {
        String pipelineId = (String) row[0];
        Pipeline p = pipelines.computeIfAbsent(pipelineId, id -> tx.pipelines().find(PipelineId.of(id))
                .orElseThrow(() -> new CrmValidationException("pipeline", "is not among the given pipelines")));
        Stage stage = p.stage((String) row[1])
                .orElseThrow(() -> new CrmValidationException("stage", "is not in the opportunity's pipeline"));
        return new Group(stage, status((String) row[2], (String) row[3]), count, amount);
    }

    private DealStatus status(String status, @Nullable String closeReason) {
        OpportunityStatus s = OpportunityStatus.valueOf(status);
        if (s == OpportunityStatus.WON) {
            return DealStatus.WON;
        }
        if (s == OpportunityStatus.LOST) {
            return closeReason != null && mapping.noDecision().test(closeReason) ? DealStatus.NO_DECISION
                    : DealStatus.LOST;
        }
        return DealStatus.OPEN;
    }

    // ---------------------------------------------------------------------------------------------
    // The sales cycle: a histogram of whole days, grouped in SQL.

    /**
     * Every closed opportunity is read as a deal in memory, and a deal closed before it was created
     * is refused: so the days are counted for every closed opportunity, grouped by status.
     */
    private Stats cycle(JpaStoreTransaction tx) {
        resolve(tx, null, null); // the same checks of pipelines and stages as in memory
        EntityManager em = tx.em();
        Sql sql = database != null ? Sql.valueOf(database) : Sql.detect(em);
        Object[] range = em.createQuery("select min(e.createdAt), max(e.createdAt), min(e.closedAt), max(e.closedAt)"
                + " from RapportOpportunity e where e.tenantId = :tenant and e.status <> :open", Object[].class)
                .setParameter("tenant", tenant.value())
                .setParameter("open", OpportunityStatus.OPEN.name())
                .getSingleResult();
        TreeMap<Long, Long> histogram = new TreeMap<>();
        if (range[0] != null) {
            LocalDateTime from = min((LocalDateTime) range[0], (LocalDateTime) range[2]);
            LocalDateTime to = max((LocalDateTime) range[1], (LocalDateTime) range[3]);
            Function<String, String> local = column -> localTime(sql, column, from, to);
            String days = sql.daysBetween(local.apply("created_at"), local.apply("closed_at"));
            @SuppressWarnings("unchecked") // a native query with a scalar projection returns Object[] rows
            List<Object[]> rows = em.createNativeQuery("SELECT s, d, COUNT(*) FROM (SELECT status AS s, " + days
                    + " AS d FROM rapport_opportunity WHERE tenant_id = ?1 AND status <> ?2) t GROUP BY s, d")
                    .setParameter(1, tenant.value())
                    .setParameter(2, OpportunityStatus.OPEN.name())
                    .getResultList();
            for (Object[] row : rows) {
                long day = ((Number) row[1]).longValue();
                if (day < 0) {
                    throw new CrmValidationException("closedOn", "is before createdOn");
                }
                if (OpportunityStatus.WON.name().equals(row[0])) {
                    histogram.merge(day, ((Number) row[2]).longValue(), Long::sum);
                }
            }
        }
        return stats(histogram);
    }

    private static LocalDateTime min(LocalDateTime a, @Nullable LocalDateTime b) {
        return b != null && b.isBefore(a) ? b : a;
    }

    private static LocalDateTime max(LocalDateTime a, @Nullable LocalDateTime b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    /**
     * The SQL of a UTC timestamp column in the mapping's zone: shifted by the zone's offset, with
     * one CASE branch per offset change between {@code from} and {@code to} (the data's range).
     */
    private String localTime(Sql sql, String column, LocalDateTime from, LocalDateTime to) {
        ZoneRules rules = mapping.zone().getRules();
        Instant start = from.toInstant(ZoneOffset.UTC);
        Instant end = to.toInstant(ZoneOffset.UTC);
        ZoneOffset offset = rules.getOffset(start);
        List<ZoneOffsetTransition> changes = new ArrayList<>();
        ZoneOffsetTransition next = rules.nextTransition(start);
        while (next != null && !next.getInstant().isAfter(end)) {
            changes.add(next);
            next = rules.nextTransition(next.getInstant());
        }
        if (changes.isEmpty()) {
            return sql.plusSeconds(column, offset.getTotalSeconds());
        }
        StringBuilder out = new StringBuilder("CASE");
        for (ZoneOffsetTransition change : changes) {
            out.append(" WHEN ").append(column).append(" < TIMESTAMP '")
                    .append(LITERAL.format(LocalDateTime.ofInstant(change.getInstant(), ZoneOffset.UTC)))
                    .append("' THEN ").append(sql.plusSeconds(column, offset.getTotalSeconds()));
            offset = change.getOffsetAfter();
        }
        return out.append(" ELSE ").append(sql.plusSeconds(column, offset.getTotalSeconds())).append(" END")
                .toString();
    }

    /** Mean, exact median (the mean of the middle two for an even count), min and max of a histogram. */
    private static Stats stats(TreeMap<Long, Long> histogram) {
        long n = 0;
        long sum = 0;
        for (Map.Entry<Long, Long> e : histogram.entrySet()) {
            n += e.getValue();
            sum = Math.addExact(sum, Math.multiplyExact(e.getKey(), e.getValue()));
        }
        if (n == 0) {
            return new Stats(MetricStatus.UNDEFINED, "days", null, null, null, null, 0, 0, List.of());
        }
        long lowRank = (n - 1) / 2;
        long highRank = n / 2;
        Long low = null;
        Long high = null;
        long seen = 0;
        for (Map.Entry<Long, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (low == null && seen > lowRank) {
                low = e.getKey();
            }
            if (seen > highRank) {
                high = e.getKey();
                break;
            }
        }
        BigDecimal median = BigDecimal.valueOf(Objects.requireNonNull(low))
                .add(BigDecimal.valueOf(Objects.requireNonNull(high))).divide(BigDecimal.valueOf(2));
        BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), Ratio.SCALE, RoundingMode.HALF_EVEN);
        return new Stats(MetricStatus.DEFINED, "days", mean, median, histogram.firstKey(), histogram.lastKey(), sum, n,
                List.of());
    }

    /** The SQL that differs between the databases the adapter ships scripts for. */
    enum Sql {
        H2 {
            @Override
            String plusSeconds(String column, int seconds) {
                return seconds == 0 ? column : "DATEADD(SECOND, " + seconds + ", " + column + ")";
            }

            @Override
            String daysBetween(String from, String to) {
                return "DATEDIFF(DAY, CAST(" + from + " AS DATE), CAST(" + to + " AS DATE))";
            }
        },
        POSTGRESQL {
            @Override
            String plusSeconds(String column, int seconds) {
                return seconds == 0 ? column : "(" + column + " + INTERVAL '" + seconds + " seconds')";
            }

            @Override
            String daysBetween(String from, String to) {
                return "(CAST(" + to + " AS DATE) - CAST(" + from + " AS DATE))";
            }
        },
        MARIADB {
            @Override
            String plusSeconds(String column, int seconds) {
                return seconds == 0 ? column : "DATE_ADD(" + column + ", INTERVAL " + seconds + " SECOND)";
            }

            @Override
            String daysBetween(String from, String to) {
                return "DATEDIFF(" + to + ", " + from + ")";
            }
        };

        abstract String plusSeconds(String column, int seconds);

        abstract String daysBetween(String from, String to);

        static Sql named(String name) {
            Objects.requireNonNull(name, "name");
            for (Sql sql : values()) {
                if (sql.name().equalsIgnoreCase(name)) {
                    return sql;
                }
            }
            throw new CrmValidationException("database", "must be h2, postgresql or mariadb");
        }

        /** The database of the persistence unit's JDBC URL. */
        static Sql detect(EntityManager em) {
            Map<String, Object> properties = em.getEntityManagerFactory().getProperties();
            for (String key : List.of("jakarta.persistence.jdbc.url", "javax.persistence.jdbc.url",
                    "hibernate.connection.url")) {
                Object url = properties.get(key);
                if (url instanceof String) {
                    String u = ((String) url).toLowerCase(Locale.ROOT);
                    if (u.startsWith("jdbc:h2:")) {
                        return H2;
                    }
                    if (u.startsWith("jdbc:postgresql:")) {
                        return POSTGRESQL;
                    }
                    if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
                        return MARIADB;
                    }
                }
            }
            throw new IllegalStateException("the database is not recognized from the persistence unit;"
                    + " name it with JpaSalesMetrics.onDatabase");
        }
    }
}
