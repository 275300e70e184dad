package dev.rapport.crm.revenue;

import java.util.Set;

/**
 * The status of a subscription or contract, and the moves allowed between statuses:
 *
 * <ul>
 *   <li>TRIAL to ACTIVE (converted), CANCELLED or EXPIRED;</li>
 *   <li>ACTIVE to PAUSED, CANCELLED or EXPIRED;</li>
 *   <li>PAUSED to ACTIVE (resumed), CANCELLED or EXPIRED;</li>
 *   <li>CANCELLED and EXPIRED to ACTIVE (reactivated).</li>
 * </ul>
 *
 * <pre>{@code
 * if (sub.status() == SubscriptionStatus.ACTIVE) { ... }
 * SubscriptionStatus.CANCELLED.canBecome(SubscriptionStatus.PAUSED);   // false
 * }</pre>
 */
public enum SubscriptionStatus {
    /** In a trial period, no recurring revenue yet. */
    TRIAL,
    /** Active and billing. */
    ACTIVE,
    /** Paused: no revenue, not churned. */
    PAUSED,
    /** Cancelled: churned at its end date. */
    CANCELLED,
    /** Ran out without renewal. */
    EXPIRED;

    /**
     * Whether a subscription in this status may move to another.
     *
     * @param next the status to move to
     * @return true if the move is allowed
     */
    public boolean canBecome(SubscriptionStatus next) {
        return switch (this) {
            case TRIAL -> Set.of(ACTIVE, CANCELLED, EXPIRED).contains(next);
            case ACTIVE -> Set.of(PAUSED, CANCELLED, EXPIRED).contains(next);
            case PAUSED -> Set.of(ACTIVE, CANCELLED, EXPIRED).contains(next);
            case CANCELLED, EXPIRED -> next == ACTIVE;
        };
    }

    /**
     * Whether the subscription has ended (cancelled or expired).
     *
     * @return true if ended
     */
    public boolean isEnded() {
        return this == CANCELLED || this == EXPIRED;
    }
}
