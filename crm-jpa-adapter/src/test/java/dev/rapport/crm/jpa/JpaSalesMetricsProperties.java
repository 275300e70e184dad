package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Actor;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.metrics.Conversion;
import dev.rapport.crm.metrics.CycleStart;
import dev.rapport.crm.metrics.Deal;
import dev.rapport.crm.metrics.DealMapping;
import dev.rapport.crm.metrics.Deals;
import dev.rapport.crm.metrics.NoDecision;
import dev.rapport.crm.metrics.SalesMetrics;
import dev.rapport.crm.party.ContactRoles;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import dev.rapport.crm.revenue.ExchangeRates;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import dev.rapport.crm.sales.NewPipeline;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.sales.OpportunityStatus;
import dev.rapport.crm.sales.Pipeline;
import dev.rapport.crm.sales.PipelineId;
import dev.rapport.crm.sales.Stage;
import dev.rapport.crm.sales.StageChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Metric push-down equals the in-memory calculators: random opportunities are stored through the
 * adapter, then every pushed-down metric is compared with crm-metrics' calculator over the same
 * opportunities read back and mapped with {@link Deals#mapper} — values, sums, sample sizes, and the
 * typed error when one side refuses the data. On H2 always; on PostgreSQL and MariaDB with the
 * {@code databases} profile; on both providers.
 */
class JpaSalesMetricsProperties {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"), ZoneId.of("+05:30"));
    private static final List<String> REASONS = List.of("No decision", "Price", "Timing");
    /** USD converts to EUR at a rate with more decimals than cents: each amount is rounded. */
    private static final ExchangeRates RATES = (from, to, day) -> from.getCurrencyCode().equals("USD")
            ? Optional.of(new BigDecimal("0.92371")) : Optional.empty();
    private static final Conversion VIA = Conversion.via("EUR", RATES, LocalDate.of(2026, 1, 1));
    private static final Conversion STRICT = Conversion.strict("EUR");

    /** Codes decoded into opportunities; small codes give simple data. */
    private static final Gen<List<Long>> CODES = Gen.lists(Gen.longs(0, Long.MAX_VALUE / 2), 0, 40);

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> stores() {
        return TestDatabase.enabledStores();
    }

    private static int digit(long code, int position, int base) {
        long v = code;
        for (int i = 0; i < position; i++) {
            v /= 89;
        }
        return (int) (v % base);
    }

    private static Pipeline standard(TenantId tenant) {
        return new Pipeline(PipelineId.of("standard"), tenant, 1, "Sales", NewPipeline.standardB2b().stages(), true,
                START, START);
    }

    private static Pipeline renewals(TenantId tenant) {
        return new Pipeline(PipelineId.of("renewals"), tenant, 1, "Renewals", List.of(
                Stage.open("due", "Due", new BigDecimal("0.35"), ForecastCategory.COMMIT),
                Stage.open("verbal", "Verbal yes", new BigDecimal("0.95"), ForecastCategory.BEST_CASE),
                Stage.open("parked", "Parked", new BigDecimal("0.05"), ForecastCategory.OMITTED),
                Stage.won("renewed", "Renewed"),
                Stage.lost("churned", "Churned")), false, START, START);
    }

    /** An opportunity from a code: pipeline, stage, status, amount and currency, times and reason vary. */
    private static Opportunity opportunity(TenantId tenant, List<Pipeline> pipelines, int index, long code,
            boolean foreign) {
        Pipeline pipeline = pipelines.get(digit(code, 0, 2));
        List<Stage> stages = pipeline.stages();
        String stage = stages.get(digit(code, 1, stages.size())).key();
        OpportunityStatus status = OpportunityStatus.values()[digit(code, 2, 3)];
        int kind = digit(code, 3, 10);
        Money amount = kind == 0 ? null
                : Money.of(BigDecimal.valueOf(digit(code, 4, 80) * 1000L + digit(code, 5, 89), 2),
                        foreign && kind == 1 ? "USD" : "EUR");
        // Creation and close times spread over days, hours and seconds, across offset changes.
        Instant created = START.plusSeconds(digit(code, 6, 80) * 86_400L * 5 + digit(code, 7, 89) * 997L);
        Instant closedAt = status == OpportunityStatus.OPEN ? null
                : created.plusSeconds(digit(code, 8, 60) * 86_400L + digit(code, 9, 89) * 971L);
        String reason = status == OpportunityStatus.LOST ? REASONS.get(digit(code, 10, REASONS.size()))
                : status == OpportunityStatus.WON && digit(code, 10, 2) == 0 ? "Great fit" : null;
        Instant updated = closedAt == null ? created : closedAt;
        return new Opportunity(OpportunityId.of("o" + index), tenant, 1, "Deal " + index, null, amount,
                pipeline.id(), stage, null, null, ContactRoles.none(), List.of(),
                List.of(new StageChange(null, stage, created, Actor.SYSTEM)), status, closedAt, reason, null, Set.of(),
                CustomFields.empty(), created, updated);
    }

    /** Either the result or the kind (and field) of the error: both sides must agree on either. */
    private static Object outcome(Supplier<?> computation) {
        try {
            return computation.get();
        } catch (CrmValidationException e) {
            return "refused " + e.field();
        } catch (RuntimeException e) {
            return "failed " + e.getClass().getSimpleName();
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void pushDownEqualsTheInMemoryCalculators(TestDatabase database, TestDatabase.Provider provider) {
        JpaCrmStore store = JpaCrmStore.owning(database.factory(provider)).build();
        Gen<Integer> zones = Gen.integers(0, ZONES.size() - 1);
        Gen<Boolean> foreign = Gen.booleans();
        PropertyCheck.forAll(CODES, zones, foreign).tries(25).check((codes, zone, withForeign) -> {
            TenantId tenant = TenantId.of("m-" + UUID.randomUUID().toString().substring(0, 20));
            List<Pipeline> pipelines = List.of(standard(tenant), renewals(tenant));
            store.write(tenant, tx -> {
                pipelines.forEach(tx.pipelines()::insert);
                for (int i = 0; i < codes.size(); i++) {
                    tx.opportunities().insert(opportunity(tenant, pipelines, i, codes.get(i), withForeign));
                }
                return null;
            });
            List<Opportunity> stored = store.read(tenant,
                    tx -> tx.opportunities().list(PageRequest.first(PageRequest.MAX_LIMIT)).items());
            assertThat(stored).hasSize(codes.size());
            DealMapping mapping = DealMapping.of(ZONES.get(zone), "EUR")
                    .noDecisionWhen(reason -> reason.equalsIgnoreCase("no decision"));
            Function<Opportunity, Deal> toDeal = Deals.mapper(pipelines, mapping);
            Supplier<List<Deal>> deals = () -> stored.stream().map(toDeal).collect(Collectors.toList());
            JpaSalesMetrics pushed = JpaSalesMetrics.of(store, tenant, mapping);

            for (NoDecision nd : NoDecision.values()) {
                assertThat(outcome(() -> pushed.winRateByCount(nd)))
                        .isEqualTo(outcome(() -> SalesMetrics.winRateByCount(nd).withoutIds().of(deals.get())));
                assertThat(outcome(() -> pushed.winRateByValue(nd, VIA)))
                        .isEqualTo(outcome(() -> SalesMetrics.winRateByValue(nd, VIA).withoutIds().of(deals.get())));
            }
            for (Conversion c : List.of(VIA, STRICT)) {
                assertThat(outcome(() -> pushed.openPipeline(c)))
                        .isEqualTo(outcome(() -> SalesMetrics.openPipeline(c).withoutIds().of(deals.get())));
                assertThat(outcome(() -> pushed.weightedPipeline(c)))
                        .isEqualTo(outcome(() -> SalesMetrics.weightedPipeline(c).withoutIds().of(deals.get())));
                assertThat(outcome(() -> pushed.averageDealSize(c)))
                        .isEqualTo(outcome(() -> SalesMetrics.averageDealSize(c).withoutIds().of(deals.get())));
                assertThat(outcome(() -> pushed.forecast(c)))
                        .isEqualTo(outcome(() -> SalesMetrics.forecast(c).withoutIds().of(deals.get())));
            }
            for (Pipeline p : pipelines) {
                assertThat(outcome(() -> pushed.pipelineByStage(p.id(), VIA))).isEqualTo(outcome(() ->
                        SalesMetrics.openPipeline(VIA).withoutIds().groupedBy(Deal::stage).of(deals.get().stream()
                                .filter(d -> d.pipelineId().equals(p.id().value())))));
            }
            assertThat(outcome(pushed::salesCycleDays)).isEqualTo(
                    outcome(() -> SalesMetrics.salesCycleDays(CycleStart.created()).withoutIds().of(deals.get())));
        });
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aForeignAmountWithoutARateIsRefusedLikeInMemory(TestDatabase database, TestDatabase.Provider provider) {
        JpaCrmStore store = JpaCrmStore.owning(database.factory(provider)).build();
        TenantId tenant = TenantId.of("m-" + UUID.randomUUID().toString().substring(0, 20));
        List<Pipeline> pipelines = List.of(standard(tenant), renewals(tenant));
        Opportunity usd = opportunity(tenant, pipelines, 1, 89L * 89 * 89 + 10L * 89 * 89 * 89 * 89, true);
        assertThat(usd.amount().currency()).isEqualTo(Currency.getInstance("USD"));
        store.write(tenant, tx -> {
            pipelines.forEach(tx.pipelines()::insert);
            tx.opportunities().insert(usd);
            return null;
        });
        JpaSalesMetrics pushed = JpaSalesMetrics.of(store, tenant, DealMapping.utc("EUR"));

        assertThat(outcome(() -> pushed.openPipeline(STRICT))).isEqualTo("refused currency");
        assertThat(pushed.openPipeline(VIA).total()).isEqualTo(RATES.convert(usd.amount(),
                Currency.getInstance("EUR"), LocalDate.of(2026, 1, 1)));
    }
}
