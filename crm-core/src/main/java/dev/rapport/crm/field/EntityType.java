package dev.rapport.crm.field;

/**
 * The kinds of records that can carry custom fields; each has its own {@link CustomFieldSchema}.
 *
 * <pre>{@code
 * crm.customFields().define(EntityType.CONTACT, FieldDefinition.of("birthday", FieldType.DATE));
 * }</pre>
 */
public enum EntityType {
    /** A person. */
    CONTACT,
    /** A company. */
    ACCOUNT,
    /** A lead. */
    LEAD,
    /** An opportunity. */
    OPPORTUNITY,
    /** An activity on the timeline. */
    ACTIVITY,
    /** A task. */
    TASK,
    /** A service ticket. */
    TICKET,
    /** A subscription or contract. */
    SUBSCRIPTION,
    /** A marketing campaign. */
    CAMPAIGN
}
