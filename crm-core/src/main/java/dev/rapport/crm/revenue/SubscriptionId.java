package dev.rapport.crm.revenue;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;

/**
 * The id of a subscription or contract.
 *
 * <pre>{@code
 * SubscriptionId id = SubscriptionId.of("x-1");
 * }</pre>
 *
 * @param value the id, non-blank, at most 128 characters
 */
public record SubscriptionId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the id, non-blank, at most 128 characters
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public SubscriptionId {
        value = Checks.nonBlank(value, "subscriptionId");
        Checks.maxLength(value, 128, "subscriptionId");
    }

    /**
     * The id from its text.
     *
     * @param value the id
     * @return the typed id
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public static SubscriptionId of(String value) {
        return new SubscriptionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
