package dev.rapport.crm.party;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;

/**
 * The id of a contact (a person).
 *
 * <pre>{@code
 * ContactId id = ContactId.of("x-1");
 * }</pre>
 *
 * @param value the id, non-blank, at most 128 characters
 */
public record ContactId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the id, non-blank, at most 128 characters
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public ContactId {
        value = Checks.nonBlank(value, "contactId");
        Checks.maxLength(value, 128, "contactId");
    }

    /**
     * The id from its text.
     *
     * @param value the id
     * @return the typed id
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public static ContactId of(String value) {
        return new ContactId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
