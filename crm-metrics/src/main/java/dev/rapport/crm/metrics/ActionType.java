package dev.rapport.crm.metrics;

/**
 * What a next-best action asks an owner to do (see {@link NextBestActions}). The declaration
 * order is the default ranking order.
 *
 * <pre>{@code
 * NextBestActions.builder(clock, zone).order(List.of(ActionType.AT_RISK_CUSTOMER, ActionType.RENEWAL_DUE,
 *     ActionType.STALLED_DEAL, ActionType.HOT_LEAD));
 * }</pre>
 */
public enum ActionType {
    /** A renewal within the horizon, or overdue: revenue already held, with a deadline. */
    RENEWAL_DUE,
    /** A customer at high churn risk by its health score: revenue already held, at risk. */
    AT_RISK_CUSTOMER,
    /** An open deal in its stage for longer than deals usually are: pipeline going cold. */
    STALLED_DEAL,
    /** A lead scored likely to be won: new revenue to act on while it is warm. */
    HOT_LEAD
}
