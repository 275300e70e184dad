package dev.rapport.crm.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.crm.CrmValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthModelTest {

    private static final HealthModel MODEL = HealthModel.of(
            Map.of("usage", new BigDecimal("3"), "nps", BigDecimal.ONE, "payments", BigDecimal.ONE),
            new BigDecimal("70"), new BigDecimal("40"));

    private static HealthSignals customer(String id, Map<String, String> signals) {
        Map<String, BigDecimal> values = new java.util.TreeMap<>();
        signals.forEach((k, v) -> values.put(k, new BigDecimal(v)));
        return new HealthSignals(id, values);
    }

    @Test
    void theScoreIsTheWeightedMeanOfKnownSignalsWithPointsPerSignal() {
        HealthScore h = MODEL.score(customer("a", Map.of("usage", "0.8", "nps", "0.9", "payments", "1.0")));
        assertThat(h.score()).isEqualTo(new BigDecimal("86.00"));
        assertThat(h.risk()).isEqualTo(ChurnRisk.LOW);
        assertThat(h.contributions()).extracting(HealthScore.SignalContribution::points)
                .containsExactly(new BigDecimal("18.00"), new BigDecimal("20.00"), new BigDecimal("48.00"));
        assertThat(h.missing()).isEmpty();
    }

    @Test
    void missingSignalsAreLeftOutOfTheMeanAndListed() {
        HealthScore h = MODEL.score(customer("b", Map.of("usage", "0.2", "nps", "0.5", "unweighted", "0")));
        assertThat(h.score()).isEqualTo(new BigDecimal("27.50"));
        assertThat(h.risk()).isEqualTo(ChurnRisk.HIGH);
        assertThat(h.missing()).containsExactly("payments");
    }

    @Test
    void thresholdsBoundTheBandsAndNoKnownSignalIsUndefined() {
        assertThat(MODEL.score(customer("e", Map.of("usage", "0.7", "nps", "0.7", "payments", "0.7"))).risk())
                .isEqualTo(ChurnRisk.LOW);
        assertThat(MODEL.score(customer("d", Map.of("usage", "0.5", "nps", "0.5", "payments", "0.5"))).risk())
                .isEqualTo(ChurnRisk.MEDIUM);
        assertThat(MODEL.score(customer("f", Map.of("usage", "0.4", "nps", "0.4", "payments", "0.4"))).risk())
                .isEqualTo(ChurnRisk.MEDIUM);
        HealthScore none = MODEL.score(customer("c", Map.of("other", "1")));
        assertThat(none.status()).isEqualTo(MetricStatus.UNDEFINED);
        assertThat(none.score()).isNull();
        assertThat(none.risk()).isEqualTo(ChurnRisk.UNKNOWN);
    }

    @Test
    void theAtRiskShareCountsScoredCustomersOnly() {
        List<HealthSignals> customers = List.of(
                customer("a", Map.of("usage", "0.8", "nps", "0.9", "payments", "1.0")),
                customer("b", Map.of("usage", "0.2", "nps", "0.5")),
                customer("c", Map.of("other", "1")),
                customer("d", Map.of("usage", "0.5", "nps", "0.5", "payments", "0.5")),
                customer("e", Map.of("usage", "0.7", "nps", "0.7", "payments", "0.7")));
        Ratio atRisk = MODEL.atRiskShare().of(customers);
        assertThat(atRisk.value()).isEqualByComparingTo("0.25");
        assertThat(atRisk.ids()).containsExactly("b");
    }

    @Test
    void badSignalsAndSettingsNameTheField() {
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> customer("x", Map.of("usage", "1.5"))).field()).isEqualTo("signals");
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> HealthModel.of(Map.of("usage", BigDecimal.ZERO), BigDecimal.TEN, BigDecimal.ONE)).field())
                .isEqualTo("weights");
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> HealthModel.of(Map.of("usage", BigDecimal.ONE), BigDecimal.TEN, new BigDecimal("20"))).field())
                .isEqualTo("atRiskBelow");
    }
}
