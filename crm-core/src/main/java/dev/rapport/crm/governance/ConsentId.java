package dev.rapport.crm.governance;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;

/**
 * The id of a contact's consent record; it is the contact's id, so each contact has at most one.
 *
 * <pre>{@code
 * ConsentId id = ConsentId.of("x-1");
 * }</pre>
 *
 * @param value the id, non-blank, at most 128 characters
 */
public record ConsentId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the id, non-blank, at most 128 characters
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public ConsentId {
        value = Checks.nonBlank(value, "consentId");
        Checks.maxLength(value, 128, "consentId");
    }

    /**
     * The id from its text.
     *
     * @param value the id
     * @return the typed id
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public static ConsentId of(String value) {
        return new ConsentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
