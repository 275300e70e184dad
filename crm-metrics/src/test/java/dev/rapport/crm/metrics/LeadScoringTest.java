package dev.rapport.crm.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadScoringTest {

    private static ScoringExample example(String id, String source, String industry, boolean won) {
        return new ScoringExample(id, Map.of("source", source, "industry", industry), won);
    }

    private static final List<ScoringExample> HISTORY = List.of(
            example("1", "web", "retail", true),
            example("2", "web", "retail", false),
            example("3", "referral", "retail", true),
            example("4", "referral", "tech", true),
            example("5", "web", "tech", false),
            example("6", "ads", "tech", false));

    @Test
    void naiveBayesWithLaplaceSmoothingScoresByHand() {
        // Naive Bayes with add-one (Laplace) smoothing: P(v|c) = (n(v,c) + 1) / (n(c) + |V|).
        // P(referral|won) = 3/6, P(referral|lost) = 1/6; P(tech|won) = 2/5, P(tech|lost) = 3/5;
        // won: 3 x 1/2 x 2/5 = 0.6, lost: 3 x 1/6 x 3/5 = 0.3, so P(won) = 0.6 / 0.9.
        LeadScoringModel model = LeadScoringModel.trainer(BigDecimal.ONE, 1).of(HISTORY);
        LeadScore score = model.score(Map.of("source", "referral", "industry", "tech"));
        assertThat(score.status()).isEqualTo(MetricStatus.DEFINED);
        assertThat(score.probability()).isEqualTo(new BigDecimal("0.666667"));
        assertThat(score.priorOdds()).isEqualByComparingTo("1");
        assertThat(score.contributions()).extracting(FieldContribution::field).containsExactly("industry", "source");
        assertThat(score.contributions().get(0).oddsFactor()).isEqualTo(new BigDecimal("0.666667"));
        assertThat(score.contributions().get(1).oddsFactor()).isEqualTo(new BigDecimal("3.000000"));
        assertThat(score.contributions().get(1).support()).isEqualTo(2);
    }

    @Test
    void valuesBelowTheMinimumSupportOrUnseenAreLeftOutAndReported() {
        LeadScoringModel model = LeadScoringModel.trainer(BigDecimal.ONE, 3).of(HISTORY);
        LeadScore score = model.score(Map.of("source", "referral", "industry", "tech", "country", "fr"));
        // Only industry=tech (3 examples) counts: 3 x 2/5 against 3 x 3/5.
        assertThat(score.probability()).isEqualTo(new BigDecimal("0.400000"));
        assertThat(score.contributions()).extracting(FieldContribution::used).containsExactly(false, true, false);
        assertThat(score.contributions().get(0).support()).isZero();
    }

    @Test
    void aModelWithoutBothOutcomesCannotScore() {
        LeadScoringModel model = LeadScoringModel.trainer(BigDecimal.ONE, 1)
                .of(List.of(example("1", "web", "retail", true)));
        LeadScore score = model.score(Map.of("source", "web"));
        assertThat(score.status()).isEqualTo(MetricStatus.UNDEFINED);
        assertThat(score.probability()).isNull();
    }

    @Test
    void retrainingIncrementallyEqualsTrainingOnEverything() {
        LeadScoringModel first = LeadScoringModel.trainer(BigDecimal.ONE, 1).of(HISTORY.subList(0, 3));
        LeadScoringModel retrained = first.retrain(HISTORY.subList(3, 6));
        LeadScoringModel whole = LeadScoringModel.trainer(BigDecimal.ONE, 1).of(HISTORY);
        assertThat(retrained).isEqualTo(whole);
        assertThat(retrained.examples()).isEqualTo(6);
        assertThat(first.examples()).isEqualTo(3); // the old model is unchanged
        assertThat(retrained.score(Map.of("source", "web")))
                .isEqualTo(whole.score(Map.of("source", "web")));
    }

    @Test
    void badSettingsAreRefused() {
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> LeadScoringModel.trainer(BigDecimal.ZERO, 1)).field()).isEqualTo("alpha");
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> LeadScoringModel.trainer(BigDecimal.ONE, 0)).field()).isEqualTo("minSupport");
    }

    @Test
    void scoresAreProbabilitiesAndTrainingMerges() {
        Gen<List<Long>> codes = Gen.lists(Gen.longs(0, 1_000_000), 0, 40);
        PropertyCheck.forAll(codes, Gen.integers(0, 100)).check((list, percent) -> {
            List<ScoringExample> examples = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                long c = list.get(i);
                examples.add(example("e" + i, "s" + c % 4, "i" + (c / 4) % 3, (c / 12) % 3 == 0));
            }
            Metric<ScoringExample, LeadScoringModel> trainer = LeadScoringModel.trainer(BigDecimal.ONE, 2);
            LeadScoringModel whole = trainer.of(examples);
            assertThat(MetricProperties.splitAndMerge(trainer, examples, percent)).isEqualTo(whole);
            LeadScore s = whole.score(Map.of("source", "s1", "industry", "i2"));
            if (s.status() == MetricStatus.DEFINED) {
                assertThat(s.probability()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            }
        });
    }
}
