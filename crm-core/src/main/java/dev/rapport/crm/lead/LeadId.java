package dev.rapport.crm.lead;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;

/**
 * The id of a lead.
 *
 * <pre>{@code
 * LeadId id = LeadId.of("x-1");
 * }</pre>
 *
 * @param value the id, non-blank, at most 128 characters
 */
public record LeadId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the id, non-blank, at most 128 characters
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public LeadId {
        value = Checks.nonBlank(value, "leadId");
        Checks.maxLength(value, 128, "leadId");
    }

    /**
     * The id from its text.
     *
     * @param value the id
     * @return the typed id
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public static LeadId of(String value) {
        return new LeadId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
