package dev.rapport.crm.governance;

/**
 * The kinds of identifier a tombstone remembers (as a keyed hash) after a person is erased.
 *
 * <pre>{@code
 * IdentifierKind.EMAIL.field();   // "email"
 * }</pre>
 */
public enum IdentifierKind {
    /** A normalized e-mail address. */
    EMAIL("email"),
    /** A normalized phone number. */
    PHONE("phone");

    private final String field;

    IdentifierKind(String field) {
        this.field = field;
    }

    /**
     * The field name a refusal names.
     *
     * @return {@code "email"} or {@code "phone"}
     */
    public String field() {
        return field;
    }
}
