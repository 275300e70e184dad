package dev.rapport.crm.sales;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;

/**
 * The id of an opportunity.
 *
 * <pre>{@code
 * OpportunityId id = OpportunityId.of("x-1");
 * }</pre>
 *
 * @param value the id, non-blank, at most 128 characters
 */
public record OpportunityId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the id, non-blank, at most 128 characters
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public OpportunityId {
        value = Checks.nonBlank(value, "opportunityId");
        Checks.maxLength(value, 128, "opportunityId");
    }

    /**
     * The id from its text.
     *
     * @param value the id
     * @return the typed id
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public static OpportunityId of(String value) {
        return new OpportunityId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
