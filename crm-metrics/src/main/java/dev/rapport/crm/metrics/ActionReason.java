package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Why a next-best action is on an owner's list: a typed reason carrying the figures that put it
 * there, so a user interface can say "renews in 12 days (490.00 EUR MRR)" or "health 31.50, high
 * risk" without recomputing anything.
 *
 * <pre>{@code
 * switch (action.type()) {
 *     case RENEWAL_DUE -> show(((ActionReason.RenewalDue) action.reason()).daysLeft());
 *     default -> show(action.reason());
 * }
 * }</pre>
 */
public sealed interface ActionReason
        permits ActionReason.RenewalDue, ActionReason.AtRisk, ActionReason.Stalled, ActionReason.HotLead {

    /**
     * The action type this reason belongs to.
     *
     * @return the type
     */
    ActionType type();

    /**
     * A renewal coming up (or overdue when {@code daysLeft} is negative).
     *
     * <pre>{@code
     * new ActionReason.RenewalDue(LocalDate.of(2026, 4, 1), 17, Money.of("490.00", "EUR"), 60);
     * }</pre>
     *
     * @param renewsOn the renewal day
     * @param daysLeft days from today (by the clock) to the renewal day; negative when overdue
     * @param amount what renews (the MRR at stake)
     * @param horizonDays how far ahead renewals are listed
     */
    record RenewalDue(LocalDate renewsOn, long daysLeft, Money amount, long horizonDays) implements ActionReason {

        /**
         * Checks the parts are present.
         *
         * @param renewsOn the renewal day
         * @param daysLeft days to the renewal day
         * @param amount what renews
         * @param horizonDays how far ahead renewals are listed
         */
        public RenewalDue {
            Objects.requireNonNull(renewsOn, "renewsOn");
            Objects.requireNonNull(amount, "amount");
        }

        @Override
        public ActionType type() {
            return ActionType.RENEWAL_DUE;
        }
    }

    /**
     * A customer at high churn risk: its health score, band and the signals behind it.
     *
     * <pre>{@code
     * new ActionReason.AtRisk(model.score(signals), model.atRiskBelow());
     * }</pre>
     *
     * @param health the health score (risk {@link ChurnRisk#HIGH})
     * @param atRiskBelow the model's threshold the score is under
     */
    record AtRisk(HealthScore health, BigDecimal atRiskBelow) implements ActionReason {

        /**
         * Checks the parts are present.
         *
         * @param health the health score
         * @param atRiskBelow the model's threshold
         */
        public AtRisk {
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(atRiskBelow, "atRiskBelow");
        }

        @Override
        public ActionType type() {
            return ActionType.AT_RISK_CUSTOMER;
        }
    }

    /**
     * A deal stalled in its stage, as {@link SalesMetrics#stalledDeals} found it.
     *
     * <pre>{@code
     * new ActionReason.Stalled(stalledDeal, new BigDecimal("1.5"));
     * }</pre>
     *
     * @param deal the stalled deal: stage, days in it, the typical (median) days there
     * @param factor how many times the median counts as stalled
     */
    record Stalled(StalledDeal deal, BigDecimal factor) implements ActionReason {

        /**
         * Checks the parts are present.
         *
         * @param deal the stalled deal
         * @param factor how many times the median counts as stalled
         */
        public Stalled {
            Objects.requireNonNull(deal, "deal");
            Objects.requireNonNull(factor, "factor");
        }

        /**
         * Days beyond the typical time in the stage: {@code daysInStage - typicalDays}.
         *
         * @return the overrun
         */
        public BigDecimal overrunDays() {
            return BigDecimal.valueOf(deal.daysInStage()).subtract(deal.typicalDays());
        }

        @Override
        public ActionType type() {
            return ActionType.STALLED_DEAL;
        }
    }

    /**
     * A lead whose predicted win probability is at or above the threshold.
     *
     * <pre>{@code
     * new ActionReason.HotLead(model.score(fields), new BigDecimal("0.7"));
     * }</pre>
     *
     * @param score the lead score with each field's contribution
     * @param minProbability the threshold it reached
     */
    record HotLead(LeadScore score, BigDecimal minProbability) implements ActionReason {

        /**
         * Checks the parts are present.
         *
         * @param score the lead score
         * @param minProbability the threshold it reached
         */
        public HotLead {
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(minProbability, "minProbability");
        }

        @Override
        public ActionType type() {
            return ActionType.HOT_LEAD;
        }
    }
}
