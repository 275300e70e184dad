package dev.rapport.crm.governance;

import dev.rapport.crm.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One field of one audited change, with its old and new value as text. The values may be
 * personal data: they are kept so the trail is useful, and removed when the person is erased
 * (then both are null and the entry is marked {@link AuditEntry#erased()}).
 *
 * <p>{@link #toString()} carries the field name only.
 *
 * <pre>{@code
 * FieldChange change = entry.changes().get(0);
 * System.out.println(change.field() + " changed");
 * }</pre>
 *
 * @param field the field (record component) name, e.g. {@code "title"}
 * @param oldValue the value before, or null if there was none (or it was erased)
 * @param newValue the value after, or null if there is none (or it was erased)
 */
public record FieldChange(String field, @Nullable String oldValue, @Nullable String newValue) {
    /**
     * Validates the change.
     *
     * @param field the field (record component) name, e.g. {@code "title"}
     * @param oldValue the value before, or null if there was none (or it was erased)
     * @param newValue the value after, or null if there is none (or it was erased)
     * @throws dev.rapport.crm.CrmValidationException naming {@code field} if it is blank
     */
    public FieldChange {
        field = Checks.nonBlank(field, "field");
    }

    /**
     * This change without its values.
     *
     * @return the change with both values null
     */
    public FieldChange withoutValues() {
        return new FieldChange(field, null, null);
    }

    @Override
    public String toString() {
        return "FieldChange[" + field + "]";
    }
}
