package dev.rapport.crm.identity;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;

/**
 * The id of a {@link MergeRecord}.
 *
 * <pre>{@code
 * MergeId id = crm.duplicates().mergeContacts(keep.id(), drop.id()).id();
 * }</pre>
 *
 * @param value the id, non-blank, at most 128 characters
 */
public record MergeId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the id, non-blank, at most 128 characters
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public MergeId {
        value = Checks.nonBlank(value, "mergeId");
        Checks.maxLength(value, 128, "mergeId");
    }

    /**
     * The id from its text.
     *
     * @param value the id
     * @return the typed id
     */
    public static MergeId of(String value) {
        return new MergeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
