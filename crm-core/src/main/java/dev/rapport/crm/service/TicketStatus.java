package dev.rapport.crm.service;

/**
 * The status lifecycle of a ticket: {@code NEW → OPEN → PENDING ⇄ OPEN → RESOLVED → CLOSED},
 * with {@code RESOLVED → OPEN} allowed as a reopen.
 *
 * <pre>{@code
 * TicketStatus.NEW.canMoveTo(TicketStatus.OPEN);   // true
 * }</pre>
 */
public enum TicketStatus {
    /** Opened, nobody has answered yet. */
    NEW,
    /** Being worked. */
    OPEN,
    /** Waiting for the customer or a third party. */
    PENDING,
    /** Solved; may be reopened. */
    RESOLVED,
    /** Closed for good. */
    CLOSED;

    /**
     * Whether a move to {@code target} is allowed.
     *
     * @param target the next status
     * @return true if the lifecycle allows it
     */
    public boolean canMoveTo(TicketStatus target) {
        return switch (this) {
            case NEW -> target == OPEN || target == PENDING || target == RESOLVED || target == CLOSED;
            case OPEN -> target == PENDING || target == RESOLVED || target == CLOSED;
            case PENDING -> target == OPEN || target == RESOLVED || target == CLOSED;
            case RESOLVED -> target == OPEN || target == CLOSED;
            case CLOSED -> false;
        };
    }
}
