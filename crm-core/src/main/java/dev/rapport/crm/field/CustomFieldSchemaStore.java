package dev.rapport.crm.field;

import dev.rapport.crm.spi.AggregateStore;
import java.util.Optional;

/**
 * The store port for custom field schemas: one per tenant and entity type, found by its type.
 *
 * <pre>{@code
 * Optional<CustomFieldSchema> contacts = tx.customFieldSchemas().findByEntityType(EntityType.CONTACT);
 * }</pre>
 */
public interface CustomFieldSchemaStore extends AggregateStore<CustomFieldSchemaId, CustomFieldSchema> {
    /**
     * The schema of an entity type.
     *
     * @param type the entity type
     * @return the schema, or empty if none was defined
     */
    default Optional<CustomFieldSchema> findByEntityType(EntityType type) {
        return find(CustomFieldSchemaId.of(type));
    }
}
