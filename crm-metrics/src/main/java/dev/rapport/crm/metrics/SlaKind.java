package dev.rapport.crm.metrics;

/**
 * Which SLA target an attainment measures.
 *
 * <pre>{@code
 * ServiceMetrics.slaAttainment(SlaKind.FIRST_RESPONSE, asOf);
 * }</pre>
 */
public enum SlaKind {
    /** Time from opening to the first agent response. */
    FIRST_RESPONSE,
    /** Time from opening to resolution. */
    RESOLUTION
}
