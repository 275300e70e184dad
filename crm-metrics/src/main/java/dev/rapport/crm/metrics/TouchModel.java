package dev.rapport.crm.metrics;

/**
 * Which campaign touch gets the credit for an acquired customer.
 *
 * <pre>{@code
 * NewCustomer c = NewCustomer.attributed(crm.campaigns().attribution(contactId), campaigns, TouchModel.FIRST_TOUCH);
 * }</pre>
 */
public enum TouchModel {
    /** The campaign that touched the customer first. */
    FIRST_TOUCH,
    /** The campaign that touched the customer last. */
    LAST_TOUCH
}
