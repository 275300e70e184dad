package dev.rapport.crm.lifecycle;

/**
 * Where a contact stands in its relationship with the host's business, in order. A contact moves
 * forward only; a backward move needs an explicit override with a reason, which is recorded.
 *
 * <pre>{@code
 * LifecycleStage.LEAD.isBefore(LifecycleStage.CUSTOMER);   // true
 * }</pre>
 */
public enum LifecycleStage {
    /** Subscribed to content, nothing more. */
    SUBSCRIBER,
    /** Showed interest. */
    LEAD,
    /** Qualified by marketing (e.g. by score). */
    MARKETING_QUALIFIED,
    /** Accepted and qualified by sales. */
    SALES_QUALIFIED,
    /** On an open opportunity. */
    OPPORTUNITY,
    /** Has bought (a won opportunity or a purchase). */
    CUSTOMER,
    /** A customer who promotes the host's business. */
    EVANGELIST,
    /** Outside the funnel (partner, vendor, ...); no order applies. */
    OTHER;

    /**
     * Whether this stage comes strictly before another in the funnel. {@link #OTHER} is never
     * before or after anything.
     *
     * @param other the other stage
     * @return true if this is earlier
     */
    public boolean isBefore(LifecycleStage other) {
        return this != OTHER && other != OTHER && ordinal() < other.ordinal();
    }

    /**
     * Whether moving from this stage to {@code target} is a forward move (or no move).
     * Moves into or out of {@link #OTHER} are not forward moves and need an override.
     *
     * @param target the stage to move to
     * @return true if allowed without an override
     */
    public boolean canAdvanceTo(LifecycleStage target) {
        if (this == target) {
            return true;
        }
        return this != OTHER && target != OTHER && ordinal() < target.ordinal();
    }
}
