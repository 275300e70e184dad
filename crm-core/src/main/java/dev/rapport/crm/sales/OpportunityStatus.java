package dev.rapport.crm.sales;

/**
 * Whether an opportunity is still being worked, won or lost. It follows the stage: an open stage
 * means {@link #OPEN}, the pipeline's closed-won stage {@link #WON}, a closed-lost stage
 * {@link #LOST}.
 *
 * <pre>{@code
 * if (crm.opportunities().get(id).status() == OpportunityStatus.WON) { ... }
 * }</pre>
 */
public enum OpportunityStatus {
    /** Being worked, in an open stage. */
    OPEN,
    /** Closed as won. */
    WON,
    /** Closed as lost. */
    LOST;

    /**
     * Whether the opportunity is closed (won or lost).
     *
     * @return true for {@link #WON} and {@link #LOST}
     */
    public boolean isClosed() {
        return this != OPEN;
    }
}
