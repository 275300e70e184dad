package dev.rapport.crm.field;

/**
 * The types a custom field can have.
 *
 * <pre>{@code
 * FieldDefinition.of("tier", FieldType.ENUM).options("bronze", "silver", "gold");
 * }</pre>
 */
public enum FieldType {
    /** Free text. */
    TEXT,
    /** A whole number. */
    NUMBER,
    /** A decimal number. */
    DECIMAL,
    /** A calendar date. */
    DATE,
    /** Yes or no. */
    BOOLEAN,
    /** One of a fixed set of options. */
    ENUM,
    /** An amount of money with its currency. */
    MONEY
}
