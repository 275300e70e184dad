package dev.rapport.crm.directory;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;

/**
 * The id of a sales territory.
 *
 * <pre>{@code
 * TerritoryId id = TerritoryId.of("x-1");
 * }</pre>
 *
 * @param value the id, non-blank, at most 128 characters
 */
public record TerritoryId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the id, non-blank, at most 128 characters
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public TerritoryId {
        value = Checks.nonBlank(value, "territoryId");
        Checks.maxLength(value, 128, "territoryId");
    }

    /**
     * The id from its text.
     *
     * @param value the id
     * @return the typed id
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public static TerritoryId of(String value) {
        return new TerritoryId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
