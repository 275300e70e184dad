package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A recommendation: an open deal that has stayed in its stage longer than deals usually do, so
 * its owner should look at it.
 *
 * <pre>{@code
 * for (StalledDeal s : SalesMetrics.stalledDeals(typical, today, new BigDecimal("1.5")).of(openDeals)) {
 *     notify(s.ownerId(), s.dealId(), s.daysInStage());
 * }
 * }</pre>
 *
 * @param dealId the deal
 * @param ownerId its owner
 * @param stage the stage it is stuck in
 * @param daysInStage days since it entered the stage
 * @param typicalDays the median days deals spent in that stage
 */
public record StalledDeal(String dealId, String ownerId, String stage, long daysInStage, BigDecimal typicalDays) {

    /**
     * Checks the parts are present.
     *
     * @param dealId the deal
     * @param ownerId its owner
     * @param stage the stage it is stuck in
     * @param daysInStage days since it entered the stage
     * @param typicalDays the median days deals spent in that stage
     */
    public StalledDeal {
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(typicalDays, "typicalDays");
    }
}
