package dev.rapport.crm.governance;

/**
 * The state of one consent (purpose and channel) of a person.
 *
 * <pre>{@code
 * crm.privacy().consents().record(ada.id(), ConsentPurpose.SALES, ConsentChannel.PHONE,
 *         ConsentStatus.DENIED, "call-centre");
 * }</pre>
 */
public enum ConsentStatus {
    /** The person agreed. */
    GRANTED,
    /** The person refused when asked. */
    DENIED,
    /** The person agreed earlier and has withdrawn. */
    WITHDRAWN
}
