package dev.rapport.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class StageAndPipelineTest {
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    private static void refused(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(CrmValidationException.class)
                .extracting(e -> ((CrmValidationException) e).field()).isEqualTo(field);
    }

    private static Stage open(String key) {
        return Stage.open(key, key, new BigDecimal("0.5"), ForecastCategory.PIPELINE);
    }

    private static Pipeline pipeline(List<Stage> stages) {
        return new Pipeline(PipelineId.of("p"), TenantId.DEFAULT, 1, "Sales", stages, false, AT, AT);
    }

    @Test
    void aStageKeyMustBeALowerCaseSlug() {
        refused(() -> open("Proposal"), "stage.key");
        refused(() -> open("needs analysis"), "stage.key");
        refused(() -> open("-proposal"), "stage.key");
        assertThat(open("needs-analysis").key()).isEqualTo("needs-analysis");
    }

    @Test
    void aStageProbabilityMustBeBetweenZeroAndOne() {
        refused(() -> Stage.open("a", "A", new BigDecimal("1.01"), ForecastCategory.PIPELINE), "stage.probability");
        refused(() -> Stage.open("a", "A", new BigDecimal("-0.1"), ForecastCategory.PIPELINE), "stage.probability");
        assertThat(Stage.open("a", "A", BigDecimal.ONE, ForecastCategory.COMMIT).probability()).isEqualByComparingTo("1");
    }

    @Test
    void aWonStageMustBeClosed() {
        refused(() -> new Stage("won", "Won", 0, BigDecimal.ONE, ForecastCategory.CLOSED, false, true, List.of()),
                "stage.won");
    }

    @Test
    void closedStagesHaveFixedProbabilitiesAndCategories() {
        Stage won = Stage.won("closed-won", "Won");
        Stage lost = Stage.lost("closed-lost", "Lost");
        assertThat(won.probability()).isEqualByComparingTo("1");
        assertThat(won.forecastCategory()).isEqualTo(ForecastCategory.CLOSED);
        assertThat(lost.probability()).isEqualByComparingTo("0");
        assertThat(lost.forecastCategory()).isEqualTo(ForecastCategory.OMITTED);
        refused(() -> new Stage("w", "W", 0, new BigDecimal("0.9"), ForecastCategory.CLOSED, true, true, List.of()),
                "stage.probability");
        refused(() -> new Stage("l", "L", 0, BigDecimal.ZERO, ForecastCategory.PIPELINE, true, false, List.of()),
                "stage.forecastCategory");
        refused(() -> Stage.open("o", "O", new BigDecimal("0.5"), ForecastCategory.CLOSED), "stage.forecastCategory");
    }

    @Test
    void aStageKnowsTheStatusOfOpportunitiesInIt() {
        assertThat(open("a").status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(Stage.won("w", "W").status()).isEqualTo(OpportunityStatus.WON);
        assertThat(Stage.lost("l", "L").status()).isEqualTo(OpportunityStatus.LOST);
    }

    @Test
    void aPipelineNumbersItsStagesInTheGivenOrder() {
        Pipeline p = pipeline(List.of(open("a"), open("b"), Stage.won("w", "W"), Stage.lost("l", "L")));
        assertThat(p.stages()).extracting(Stage::order).containsExactly(1, 2, 3, 4);
        assertThat(p.firstOpenStage().key()).isEqualTo("a");
        assertThat(p.openStages()).extracting(Stage::key).containsExactly("a", "b");
        assertThat(p.wonStage().key()).isEqualTo("w");
        assertThat(p.lostStages()).extracting(Stage::key).containsExactly("l");
    }

    @Test
    void aPipelineRefusesRepeatedStageKeys() {
        refused(() -> pipeline(List.of(open("a"), open("a"), Stage.won("w", "W"), Stage.lost("l", "L"))), "stages");
    }

    @Test
    void aPipelineNeedsAnOpenStage() {
        refused(() -> pipeline(List.of(Stage.won("w", "W"), Stage.lost("l", "L"))), "stages");
    }

    @Test
    void aPipelineNeedsExactlyOneWonStage() {
        refused(() -> pipeline(List.of(open("a"), Stage.lost("l", "L"))), "stages");
        refused(() -> pipeline(List.of(open("a"), Stage.won("w", "W"), Stage.won("w2", "W2"), Stage.lost("l", "L"))),
                "stages");
    }

    @Test
    void aPipelineNeedsALostStage() {
        refused(() -> pipeline(List.of(open("a"), Stage.won("w", "W"))), "stages");
    }

    @Test
    void anUnknownStageKeyIsRefusedNamingStage() {
        Pipeline p = pipeline(List.of(open("a"), Stage.won("w", "W"), Stage.lost("l", "L")));
        assertThat(p.stage("nope")).isEmpty();
        refused(() -> p.requireStage("nope"), "stage");
    }

    @Test
    void theCommandRefusesARepeatedStageKeyAtOnce() {
        NewPipeline command = NewPipeline.named("X").stage(open("a"));
        refused(() -> command.stage(open("a")), "stages");
    }

    @Test
    void theStandardPipelineHasTheUsualBusinessToBusinessStages() {
        NewPipeline standard = NewPipeline.standardB2b();
        assertThat(standard.stages()).extracting(Stage::key).containsExactly("prospecting", "qualification",
                "needs-analysis", "proposal", "negotiation", "closed-won", "closed-lost");
        assertThat(standard.stages()).extracting(s -> s.probability().movePointRight(2).intValue())
                .containsExactly(10, 20, 40, 60, 80, 100, 0);
    }
}
