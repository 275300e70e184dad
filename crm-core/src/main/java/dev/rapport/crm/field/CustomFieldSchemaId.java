package dev.rapport.crm.field;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;

/**
 * The id of a tenant's custom field schema: one schema per entity type, so the id is the entity
 * type's name.
 *
 * <pre>{@code
 * CustomFieldSchemaId id = CustomFieldSchemaId.of(EntityType.CONTACT);   // "CONTACT"
 * }</pre>
 *
 * @param value the entity type's name
 */
public record CustomFieldSchemaId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the entity type's name
     * @throws CrmValidationException if it is not the name of an {@link EntityType}
     */
    public CustomFieldSchemaId {
        value = Checks.nonBlank(value, "schemaId");
        try {
            EntityType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new CrmValidationException("schemaId", "is not an entity type");
        }
    }

    /**
     * The id of the schema of an entity type.
     *
     * @param type the entity type
     * @return the id
     */
    public static CustomFieldSchemaId of(EntityType type) {
        return new CustomFieldSchemaId(Checks.notNull(type, "entityType").name());
    }

    /**
     * The entity type whose schema this is.
     *
     * @return the entity type
     */
    public EntityType entityType() {
        return EntityType.valueOf(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
