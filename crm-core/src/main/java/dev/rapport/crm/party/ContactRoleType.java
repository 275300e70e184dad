package dev.rapport.crm.party;

/**
 * The part a contact plays on an account or an opportunity.
 *
 * <pre>{@code
 * ContactRole.primary(ada.id(), ContactRoleType.DECISION_MAKER);
 * }</pre>
 */
public enum ContactRoleType {
    /** Makes the decision. */
    DECISION_MAKER,
    /** Controls the budget. */
    ECONOMIC_BUYER,
    /** Judges the technical fit. */
    TECHNICAL_BUYER,
    /** Sways the decision. */
    INFLUENCER,
    /** Argues for the host's offer internally. */
    CHAMPION,
    /** Will use what is bought. */
    END_USER,
    /** Argues against. */
    BLOCKER,
    /** Anything else. */
    OTHER
}
