package dev.rapport.crm.governance;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;

/**
 * The id of a tombstone: the kind of identifier and its keyed one-way hash, never the identifier itself.
 *
 * <pre>{@code
 * TombstoneId id = TombstoneId.of("x-1");
 * }</pre>
 *
 * @param value the id, non-blank, at most 128 characters
 */
public record TombstoneId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the id, non-blank, at most 128 characters
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public TombstoneId {
        value = Checks.nonBlank(value, "tombstoneId");
        Checks.maxLength(value, 128, "tombstoneId");
    }

    /**
     * The id from its text.
     *
     * @param value the id
     * @return the typed id
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public static TombstoneId of(String value) {
        return new TombstoneId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
