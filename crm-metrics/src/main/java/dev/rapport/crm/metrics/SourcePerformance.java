package dev.rapport.crm.metrics;

import java.util.Objects;

/**
 * How the leads of one source (or of all sources) performed: how many, what share converted, the
 * revenue won and the revenue per lead.
 *
 * <pre>{@code
 * Map<LeadSource, SourcePerformance> bySource = MarketingMetrics.leadSourcePerformance(eur)
 *     .groupedBy(LeadOutcome::source).of(outcomes);
 * }</pre>
 *
 * @param leads the number of leads
 * @param conversionRate converted leads over leads
 * @param wonRevenue the revenue won from the leads
 * @param revenuePerLead won revenue over leads
 */
public record SourcePerformance(long leads, Ratio conversionRate, MoneyTotal wonRevenue, MoneyRatio revenuePerLead) {

    /**
     * Checks the parts are present.
     *
     * @param leads the number of leads
     * @param conversionRate converted leads over leads
     * @param wonRevenue the revenue won from the leads
     * @param revenuePerLead won revenue over leads
     */
    public SourcePerformance {
        Objects.requireNonNull(conversionRate, "conversionRate");
        Objects.requireNonNull(wonRevenue, "wonRevenue");
        Objects.requireNonNull(revenuePerLead, "revenuePerLead");
    }
}
