package dev.rapport.crm.activity;

/**
 * Which way an interaction went, seen from the host's business.
 *
 * <pre>{@code
 * NewActivity.of(ActivityType.EMAIL, Channel.EMAIL).direction(Direction.INBOUND).contact(ada.id());
 * }</pre>
 */
public enum Direction {
    /** The customer reached out to the business (a received e-mail, an incoming call, a visit). */
    INBOUND,
    /** The business reached out to the customer. */
    OUTBOUND,
    /** Within the business only (a note, an internal discussion). */
    INTERNAL
}
