package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A customer health model: a weight per signal and two thresholds. The health score is the
 * weighted mean of the customer's known signals, × 100: {@code Σ w_s × v_s / Σ w_s} over the
 * weighted signals the customer has (signals the customer lacks are left out and listed as
 * missing; signals the model does not weight are ignored). Churn risk is {@link ChurnRisk#LOW} at
 * or above {@code healthyFrom}, {@link ChurnRisk#HIGH} below {@code atRiskBelow}, MEDIUM between.
 * Scores and points are rounded half-even to 2 decimals; the band is read from the exact mean.
 *
 * <pre>{@code
 * HealthModel model = HealthModel.of(Map.of("usage", new BigDecimal("3"), "nps", BigDecimal.ONE,
 *     "payments", BigDecimal.ONE), new BigDecimal("70"), new BigDecimal("40"));
 * HealthScore h = model.score(signals);
 * Ratio atRisk = model.atRiskShare().of(allCustomers);
 * }</pre>
 *
 * @param weights the weight of each signal, not negative, at least one positive
 * @param healthyFrom the lowest score counted as healthy (LOW risk), in [0, 100]
 * @param atRiskBelow scores below it are HIGH risk, in [0, healthyFrom]
 */
public record HealthModel(Map<String, BigDecimal> weights, BigDecimal healthyFrom, BigDecimal atRiskBelow) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Checks the weights and thresholds.
     *
     * @param weights the weight of each signal
     * @param healthyFrom the lowest healthy score
     * @param atRiskBelow scores below it are at high risk
     * @throws dev.rapport.crm.CrmValidationException naming {@code weights}, {@code healthyFrom} or
     *     {@code atRiskBelow} when out of range
     */
    public HealthModel {
        Inputs.present(weights, "weights");
        TreeMap<String, BigDecimal> copy = new TreeMap<>();
        weights.forEach((k, v) -> {
            Inputs.present(v, "weights");
            Inputs.check(v.signum() >= 0, "weights", "must not be negative");
            copy.put(Inputs.id(k, "weights"), v);
        });
        Inputs.check(copy.values().stream().anyMatch(w -> w.signum() > 0), "weights", "must have a positive weight");
        weights = Collections.unmodifiableMap(copy);
        Inputs.present(healthyFrom, "healthyFrom");
        Inputs.present(atRiskBelow, "atRiskBelow");
        Inputs.check(healthyFrom.signum() >= 0 && healthyFrom.compareTo(HUNDRED) <= 0, "healthyFrom",
                "must be between 0 and 100");
        Inputs.check(atRiskBelow.signum() >= 0 && atRiskBelow.compareTo(healthyFrom) <= 0, "atRiskBelow",
                "must be between 0 and healthyFrom");
    }

    /**
     * A model.
     *
     * @param weights the weight of each signal
     * @param healthyFrom the lowest healthy score
     * @param atRiskBelow scores below it are at high risk
     * @return the model
     * @throws dev.rapport.crm.CrmValidationException if a setting is out of range
     */
    public static HealthModel of(Map<String, BigDecimal> weights, BigDecimal healthyFrom, BigDecimal atRiskBelow) {
        return new HealthModel(weights, healthyFrom, atRiskBelow);
    }

    /**
     * Scores one customer.
     *
     * @param customer the customer's signals
     * @return the health score
     */
    public HealthScore score(HealthSignals customer) {
        Objects.requireNonNull(customer, "customer");
        BigDecimal weightSum = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> w : weights.entrySet()) {
            BigDecimal v = customer.signals().get(w.getKey());
            if (v == null) {
                missing.add(w.getKey());
            } else {
                weightSum = weightSum.add(w.getValue());
                weighted = weighted.add(w.getValue().multiply(v));
            }
        }
        if (weightSum.signum() == 0) {
            return new HealthScore(customer.customerId(), MetricStatus.UNDEFINED, null, ChurnRisk.UNKNOWN, List.of(),
                    missing);
        }
        List<HealthScore.SignalContribution> contributions = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> w : weights.entrySet()) {
            BigDecimal v = customer.signals().get(w.getKey());
            if (v != null) {
                BigDecimal points = w.getValue().multiply(v).multiply(HUNDRED).divide(weightSum, 2, RoundingMode.HALF_EVEN);
                contributions.add(new HealthScore.SignalContribution(w.getKey(), v, w.getValue(), points));
            }
        }
        BigDecimal exact = weighted.multiply(HUNDRED);
        // Compare the exact mean with the thresholds: mean >= t  <=>  weighted × 100 >= t × weightSum.
        ChurnRisk risk = exact.compareTo(healthyFrom.multiply(weightSum)) >= 0 ? ChurnRisk.LOW
                : exact.compareTo(atRiskBelow.multiply(weightSum)) < 0 ? ChurnRisk.HIGH : ChurnRisk.MEDIUM;
        return new HealthScore(customer.customerId(), MetricStatus.DEFINED,
                exact.divide(weightSum, 2, RoundingMode.HALF_EVEN), risk, contributions, missing);
    }

    /**
     * The share of customers at high churn risk, among those with a score.
     *
     * @return the metric; the ids are the customers at high risk
     */
    public Metric<HealthSignals, Ratio> atRiskShare() {
        HealthModel model = this;
        return new SimpleMetric<>(keep -> new AtRiskAcc(model, keep));
    }

    private static final class AtRiskAcc implements Accumulator<HealthSignals, Ratio> {
        private final HealthModel model;
        private final Ids ids;
        private long atRisk;
        private long scored;

        AtRiskAcc(HealthModel model, boolean keep) {
            this.model = model;
            this.ids = new Ids(keep);
        }

        @Override
        public void add(HealthSignals item) {
            HealthScore s = model.score(item);
            if (s.status() == MetricStatus.UNDEFINED) {
                return;
            }
            scored++;
            if (s.risk() == ChurnRisk.HIGH) {
                atRisk++;
                ids.add(item.customerId());
            }
        }

        @Override
        public void merge(Accumulator<HealthSignals, Ratio> other) {
            AtRiskAcc that = SimpleMetric.same(this, other, AtRiskAcc.class, a -> a.model);
            atRisk += that.atRisk;
            scored += that.scored;
            ids.addAll(that.ids);
        }

        @Override
        public Ratio result() {
            return Ratio.of(atRisk, scored, scored, ids.list());
        }
    }
}
