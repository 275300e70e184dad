package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.metrics.Conversion;
import dev.rapport.crm.metrics.DealMapping;
import dev.rapport.crm.metrics.ForecastRollup;
import dev.rapport.crm.metrics.MetricStatus;
import dev.rapport.crm.metrics.MoneyTotal;
import dev.rapport.crm.metrics.NoDecision;
import dev.rapport.crm.metrics.Ratio;
import dev.rapport.crm.metrics.Stats;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.sales.ForecastCategory;
import dev.rapport.crm.sales.NewPipeline;
import dev.rapport.crm.sales.Pipeline;
import dev.rapport.crm.sales.PipelineId;
import dev.rapport.crm.sales.Stage;
import dev.rapport.crm.sales.StageRequirement;
import dev.rapport.crm.spi.CrmStore;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plain-Java samples of docs/persistence.md, as written there. */
class PersistenceGuideTest {
    private static EntityManagerFactory emf;

    @BeforeAll
    static void createTables() {
        TestDatabase.H2.factory(TestDatabase.Provider.HIBERNATE);
        emf = Persistence.createEntityManagerFactory("crm");
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    private static TenantId freshTenant() {
        return TenantId.of("guide-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void thePlainJavaSampleStoresAContactThroughTheStoreItBuilds() {
        // section 4
        Crm crm = Crm.builder()
            .store(JpaCrmStore.owning(emf).build())
            .tenant(freshTenant())
            .build();

        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));

        Crm again = Crm.builder().store(JpaCrmStore.owning(emf).build()).tenant(crm.tenant()).build();
        assertThat(again.contacts().findByEmail("ada@acme.example")).contains(ada);
    }

    @Test
    void aRegisteredStageRequirementLetsAPipelineUseIt() {
        // section 8
        StageRequirement budget = StageRequirement.of("budget", "a budget is required", o -> o.amount() != null);
        CrmStore store = JpaCrmStore.owning(emf).stageRequirement(budget).build();

        Crm crm = Crm.builder().store(store).tenant(freshTenant()).build();
        Pipeline pipeline = crm.pipelines().create(NewPipeline.named("Budgeted")
                .stage(Stage.open("open", "Open", new BigDecimal("0.5"), ForecastCategory.PIPELINE).requiring(budget))
                .stage(Stage.won("won", "Won")).stage(Stage.lost("lost", "Lost")));
        assertThat(crm.pipelines().get(pipeline.id()).requireStage("open").requirements()).containsExactly(budget);
    }

    @Test
    void theMetricsSamplePushesTheMetricsDown() {
        // section 13
        // tag::caches[]
        JpaCrmStore store = JpaCrmStore.owning(emf).cache(10_000, Duration.ofMinutes(5)).build();
        double hitRate = store.cacheStats().map(JpaCacheStats::hitRate).orElse(0.0);
        long emailMisses = store.emailCacheStats().map(JpaCacheStats::missCount).orElse(0L);
        // end::caches[]
        assertThat(hitRate).isEqualTo(1.0);
        assertThat(emailMisses).isZero();
        Crm crm = Crm.builder().store(store).tenant(freshTenant()).build();
        TenantId tenant = crm.tenant();
        crm.pipelines().defaultPipeline();

        // tag::metrics-push-down[]
        JpaSalesMetrics metrics = JpaSalesMetrics.of(store, tenant, DealMapping.utc("EUR"));
        Conversion eur = Conversion.strict("EUR");
        Ratio winRate = metrics.winRateByCount(NoDecision.EXCLUDED);
        MoneyTotal weighted = metrics.weightedPipeline(eur);
        Map<String, MoneyTotal> byStage = metrics.pipelineByStage(PipelineId.of("standard"), eur);
        ForecastRollup forecast = metrics.forecast(eur);
        Stats cycle = metrics.salesCycleDays();
        // end::metrics-push-down[]

        assertThat(winRate.status()).isEqualTo(MetricStatus.UNDEFINED);
        assertThat(weighted.total()).isEqualTo(Money.zero("EUR"));
        assertThat(byStage).isEmpty();
        assertThat(forecast.sampleSize()).isZero();
        assertThat(cycle.sampleSize()).isZero();
        assertThat(store.emailCacheStats()).isPresent();
    }
}
