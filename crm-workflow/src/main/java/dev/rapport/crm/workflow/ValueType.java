package dev.rapport.crm.workflow;

/**
 * The type of a field in an {@link Schema entity schema}, which decides the operators a JSON
 * condition may apply to it and the literals it may compare it with.
 *
 * <pre>{@code
 * ValueType type = Schema.standard().typeOf(EntityKind.CONTACT, "lifecycleStage").orElseThrow();  // CHOICE
 * }</pre>
 */
public enum ValueType {
    /** Text; literals are JSON strings. */
    TEXT,
    /** A number (whole or decimal); literals are JSON numbers. */
    NUMBER,
    /** A calendar date; literals are strings {@code yyyy-mm-dd}. */
    DATE,
    /** An instant; literals are ISO-8601 instants or dates (midnight UTC). */
    TIMESTAMP,
    /** True or false; literals are JSON booleans. */
    BOOLEAN,
    /** One of a set of named options; literals are strings naming an option. */
    CHOICE,
    /** A set of tags; only {@code contains} and {@code exists} apply. */
    TAGS,
    /** An amount of money; only {@code exists} applies. */
    MONEY
}
