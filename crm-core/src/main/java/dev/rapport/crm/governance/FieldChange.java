package dev.rapport.crm.governance;

import dev.rapport.crm.internal.Checks;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One field of one audited change, with its old and new value as text. The values may be
 * personal data: they are kept so the trail is useful, and removed when the person is erased
 * (then both are null and the entry is marked {@link AuditEntry#erased()}).
 *
 * <p>Immutable and equal by field and values. The changes the CRM records keep the values as
 * they were stored (they are immutable) and make the text when it is first read: most of an
 * audit trail is written and never read, and text made for every change filled the heap.
 * {@link #toString()} carries the field name only.
 *
 * <pre>{@code
 * FieldChange change = entry.changes().get(0);
 * System.out.println(change.field() + ": " + change.oldValue() + " -> " + change.newValue());
 * }</pre>
 */
public final class FieldChange {
    private final String field;
    /** The value before: its text, or the value as stored until {@link #oldValue()} makes it. */
    private final @Nullable Object oldSource;
    private final @Nullable Object newSource;
    /** The texts once made (a benign race: any thread makes the same text). */
    private @Nullable String oldText;
    private @Nullable String newText;

    /**
     * A change with its values as text.
     *
     * @param field the field (record component) name, e.g. {@code "title"}
     * @param oldValue the value before, or null if there was none (or it was erased)
     * @param newValue the value after, or null if there is none (or it was erased)
     * @throws dev.rapport.crm.CrmValidationException naming {@code field} if it is blank
     */
    public FieldChange(String field, @Nullable String oldValue, @Nullable String newValue) {
        this(Checks.nonBlank(field, "field"), (Object) oldValue, (Object) newValue);
    }

    private FieldChange(String field, @Nullable Object oldSource, @Nullable Object newSource) {
        this.field = field;
        this.oldSource = oldSource;
        this.newSource = newSource;
    }

    /**
     * A change of a stored record's field, keeping the values as stored; they are rendered as
     * text when first read. The values must be immutable, as record components are.
     */
    static FieldChange ofStored(String field, @Nullable Object before, @Nullable Object after) {
        return new FieldChange(field, before, after);
    }

    /**
     * The field.
     *
     * @return the field (record component) name, e.g. {@code "title"}
     */
    public String field() {
        return field;
    }

    /**
     * The value before.
     *
     * @return the value before as text, or null if there was none (or it was erased)
     */
    public @Nullable String oldValue() {
        String text = oldText;
        if (text == null && oldSource != null) {
            oldText = text = text(oldSource);
        }
        return text;
    }

    /**
     * The value after.
     *
     * @return the value after as text, or null if there is none (or it was erased)
     */
    public @Nullable String newValue() {
        String text = newText;
        if (text == null && newSource != null) {
            newText = text = text(newSource);
        }
        return text;
    }

    private static String text(Object source) {
        return source instanceof String s ? s : java.util.Objects.requireNonNull(Values.render(source));
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
    public boolean equals(Object o) {
        return o == this || o instanceof FieldChange c && field.equals(c.field)
                && Objects.equals(oldValue(), c.oldValue()) && Objects.equals(newValue(), c.newValue());
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, oldValue(), newValue());
    }

    @Override
    public String toString() {
        return "FieldChange[" + field + "]";
    }
}
