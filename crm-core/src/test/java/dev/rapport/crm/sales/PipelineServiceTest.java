package dev.rapport.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PipelineServiceTest {
    private final SalesFixture f = new SalesFixture();
    private final PipelineService pipelines = f.crm.pipelines();

    private static NewPipeline renewals() {
        return NewPipeline.named("Renewals")
                .stage(Stage.open("upcoming", "Upcoming", new BigDecimal("0.5"), ForecastCategory.PIPELINE))
                .stage(Stage.won("renewed", "Renewed"))
                .stage(Stage.lost("churned", "Churned"));
    }

    @Test
    void aTenantHasNoPipelineUntilOneIsNeeded() {
        assertThat(pipelines.list()).isEmpty();
    }

    @Test
    void theDefaultPipelineIsTheStandardOneCreatedOnFirstUse() {
        Pipeline standard = pipelines.defaultPipeline();

        assertThat(standard.id()).isEqualTo(PipelineService.STANDARD_PIPELINE_ID);
        assertThat(standard.isDefault()).isTrue();
        assertThat(standard.version()).isEqualTo(1);
        assertThat(standard.stages()).isEqualTo(new Pipeline(standard.id(), standard.tenantId(), 1, "Sales",
                NewPipeline.standardB2b().stages(), true, SalesFixture.NOW, SalesFixture.NOW).stages());
        assertThat(standard.requireStage("proposal").probability()).isEqualByComparingTo("0.6");
        assertThat(pipelines.list()).containsExactly(standard);
    }

    @Test
    void theDefaultPipelineIsCreatedOnlyOnce() {
        Pipeline first = pipelines.defaultPipeline();
        f.crm.opportunities().create(NewOpportunity.named("X"));
        assertThat(pipelines.defaultPipeline()).isEqualTo(first);
        assertThat(pipelines.list()).hasSize(1);
    }

    @Test
    void theFirstOpportunityCreatesTheDefaultPipelineInTheSameCommand() {
        Opportunity deal = f.crm.opportunities().create(NewOpportunity.named("X"));
        assertThat(pipelines.get(deal.pipelineId()).isDefault()).isTrue();
    }

    @Test
    void aFailedFirstCommandLeavesNoDefaultPipelineBehind() {
        assertThatThrownBy(() -> f.crm.opportunities().create(NewOpportunity.named("X").stage("nirvana")))
                .isInstanceOf(CrmValidationException.class);
        assertThat(pipelines.list()).isEmpty();
    }

    @Test
    void concurrentFirstUsesCreateOneDefaultPipeline() throws Exception {
        for (int round = 0; round < 20; round++) {
            SalesFixture fresh = new SalesFixture();
            Crm crm = fresh.crm;
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<PipelineId>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                boolean viaOpportunity = i % 2 == 0;
                Callable<PipelineId> task = () -> {
                    start.await();
                    return viaOpportunity ? crm.opportunities().create(NewOpportunity.named("X")).pipelineId()
                            : crm.pipelines().defaultPipeline().id();
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<PipelineId> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(PipelineService.STANDARD_PIPELINE_ID);
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(crm.pipelines().list()).hasSize(1);
        }
    }

    @Test
    void aCreatedPipelineIsStoredWithNumberedStages() {
        Pipeline created = pipelines.create(renewals());

        assertThat(created.isDefault()).isFalse();
        assertThat(created.stages()).extracting(Stage::order).containsExactly(1, 2, 3);
        assertThat(pipelines.get(created.id())).isEqualTo(created);
        assertThat(pipelines.find(created.id())).contains(created);
    }

    @Test
    void aPipelineBreakingTheStageRulesIsRefusedNamingStages() {
        assertThatThrownBy(() -> pipelines.create(NewPipeline.named("Broken")
                .stage(Stage.open("a", "A", BigDecimal.ONE, ForecastCategory.COMMIT))))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("stages");
        assertThat(pipelines.list()).isEmpty();
    }

    @Test
    void creatingADefaultPipelineTakesTheFlagFromTheFormerDefault() {
        Pipeline standard = pipelines.defaultPipeline();
        Pipeline renewals = pipelines.create(renewals().asDefault());

        assertThat(pipelines.defaultPipeline()).isEqualTo(renewals);
        Pipeline former = pipelines.get(standard.id());
        assertThat(former.isDefault()).isFalse();
        assertThat(former.version()).isEqualTo(2);
        assertThat(pipelines.list()).filteredOn(Pipeline::isDefault).hasSize(1);
    }

    @Test
    void aTenantWhoseFirstPipelineIsDefaultNeverGetsTheStandardOne() {
        Pipeline renewals = pipelines.create(renewals().asDefault());
        Opportunity deal = f.crm.opportunities().create(NewOpportunity.named("X"));
        assertThat(deal.pipelineId()).isEqualTo(renewals.id());
        assertThat(deal.stage()).isEqualTo("upcoming");
        assertThat(pipelines.list()).containsExactly(renewals);
    }

    @Test
    void anyPipelineCanBeMadeTheDefault() {
        Pipeline standard = pipelines.defaultPipeline();
        Pipeline renewals = pipelines.create(renewals());
        Pipeline made = pipelines.makeDefault(renewals.id());

        assertThat(made.isDefault()).isTrue();
        assertThat(pipelines.defaultPipeline()).isEqualTo(made);
        assertThat(pipelines.get(standard.id()).isDefault()).isFalse();
        assertThat(pipelines.makeDefault(renewals.id())).isEqualTo(made);
    }

    @Test
    void aPipelineCanBeRenamedAndGetNewStages() {
        Pipeline standard = pipelines.defaultPipeline();
        List<Stage> stages = new ArrayList<>(standard.stages());
        stages.add(1, Stage.open("demo", "Demo", new BigDecimal("0.15"), ForecastCategory.PIPELINE)
                .requiring(StageRequirement.amountRequired()));
        Pipeline updated = pipelines.update(standard.withName("Field sales").withStages(stages));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.name()).isEqualTo("Field sales");
        assertThat(updated.requireStage("demo").order()).isEqualTo(2);
        assertThat(updated.requireStage("closed-lost").order()).isEqualTo(8);
        assertThat(updated.isDefault()).isTrue();
        assertThat(pipelines.get(standard.id())).isEqualTo(updated);
    }

    @Test
    void aStaleOrUnchangedPipelineUpdateStoresNothing() {
        Pipeline standard = pipelines.defaultPipeline();
        assertThat(pipelines.update(standard)).isEqualTo(standard);
        pipelines.update(standard.withName("First"));
        assertThatThrownBy(() -> pipelines.update(standard.withName("Second")))
                .isInstanceOf(dev.rapport.crm.CrmConflictException.class);
        assertThat(pipelines.get(standard.id()).name()).isEqualTo("First");
    }

    @Test
    void theDefaultFlagDoesNotChangeThroughUpdate() {
        Pipeline standard = pipelines.defaultPipeline();
        assertThatThrownBy(() -> pipelines.update(standard.withDefault(false)))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("isDefault");
    }

    @Test
    void aStageThatHoldsOpportunitiesCannotBeRemovedOrChangeKind() {
        Pipeline standard = pipelines.defaultPipeline();
        Opportunity deal = f.crm.opportunities().create(NewOpportunity.named("X").stage("proposal"));
        List<Stage> withoutProposal = standard.stages().stream().filter(s -> !s.key().equals("proposal")).toList();
        assertThatThrownBy(() -> pipelines.update(standard.withStages(withoutProposal)))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("stages");

        f.crm.opportunities().closeLost(deal.id(), "price");
        List<Stage> lostBecomesOpen = standard.stages().stream()
                .map(s -> s.key().equals("closed-lost")
                        ? Stage.open("closed-lost", "Parked", BigDecimal.ZERO, ForecastCategory.OMITTED) : s)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        lostBecomesOpen.add(Stage.lost("lost", "Lost"));
        assertThatThrownBy(() -> pipelines.update(standard.withStages(lostBecomesOpen)))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("stages");
        assertThat(pipelines.get(standard.id())).isEqualTo(standard);

        // proposal is empty now, so it may go
        assertThat(pipelines.update(standard.withStages(withoutProposal)).stage("proposal")).isEmpty();
    }

    @Test
    void stagesAreLookedUpByKey() {
        Pipeline standard = pipelines.defaultPipeline();
        assertThat(pipelines.stage(standard.id(), "negotiation").probability()).isEqualByComparingTo("0.8");
        assertThat(pipelines.stage(standard.id(), "closed-won").won()).isTrue();
    }

    @Test
    void anUnknownPipelineOrStageIsRefusedNamingTheField() {
        Pipeline standard = pipelines.defaultPipeline();
        assertThatThrownBy(() -> pipelines.stage(PipelineId.of("nope"), "proposal"))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("pipelineId");
        assertThatThrownBy(() -> pipelines.stage(standard.id(), "nirvana"))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("stage");
        assertThatThrownBy(() -> pipelines.makeDefault(PipelineId.of("nope")))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("pipelineId");
    }

    @Test
    void gettingAnUnknownPipelineFailsAsNotFound() {
        assertThatThrownBy(() -> pipelines.get(PipelineId.of("nope"))).isInstanceOf(CrmNotFoundException.class);
        assertThat(pipelines.find(PipelineId.of("nope"))).isEmpty();
    }

    @Test
    void pipelinesAreSeparatePerTenant() {
        Crm a = f.tenant("a");
        Crm b = f.tenant("b");
        Pipeline renewals = a.pipelines().create(renewals().asDefault());

        assertThat(b.pipelines().find(renewals.id())).isEmpty();
        assertThat(b.pipelines().list()).isEmpty();
        Pipeline bDefault = b.pipelines().defaultPipeline();
        assertThat(bDefault.id()).isEqualTo(PipelineService.STANDARD_PIPELINE_ID);
        assertThat(bDefault.tenantId()).isEqualTo(b.tenant());
        assertThat(a.pipelines().defaultPipeline()).isEqualTo(renewals);
        assertThat(a.pipelines().find(PipelineService.STANDARD_PIPELINE_ID)).isEmpty();
    }
}
