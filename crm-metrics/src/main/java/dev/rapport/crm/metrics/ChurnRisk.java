package dev.rapport.crm.metrics;

/**
 * A customer's churn risk band, read from the health score by the thresholds of a
 * {@link HealthModel}.
 *
 * <pre>{@code
 * HealthScore h = model.score(signals);
 * if (h.risk() == ChurnRisk.HIGH) { ... }
 * }</pre>
 */
public enum ChurnRisk {
    /** Healthy: the score is at or above the model's healthy threshold. */
    LOW,
    /** Between the thresholds. */
    MEDIUM,
    /** The score is below the model's at-risk threshold. */
    HIGH,
    /** No weighted signal was known: no score, no band. */
    UNKNOWN
}
