package dev.rapport.crm.metrics;

/**
 * Where a deal stands for the sales metrics.
 *
 * <pre>{@code
 * Deal d = Deal.open("opp-1", "ada", Money.of("100.00", "EUR"), day).won(closeDay);
 * d.status();   // WON
 * }</pre>
 */
public enum DealStatus {
    /** Still being worked. */
    OPEN,
    /** Closed and won. */
    WON,
    /** Closed and lost to a competitor or for a reason. */
    LOST,
    /** Closed without a decision by the buyer (the project was dropped or postponed). */
    NO_DECISION;

    /**
     * Whether the deal is closed.
     *
     * @return true unless {@link #OPEN}
     */
    public boolean closed() {
        return this != OPEN;
    }
}
