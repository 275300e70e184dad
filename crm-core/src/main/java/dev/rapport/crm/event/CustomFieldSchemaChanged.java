package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.field.CustomFieldSchemaId;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.internal.Checks;
import java.util.List;

/**
 * A custom field of an entity type was defined, redefined or removed. Caches of schemas (and rules
 * checked against them) use it to refresh.
 *
 * <pre>{@code
 * crm.events().subscribe(CustomFieldSchemaChanged.class, e -> schemaCache.invalidate(e.entityType()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param schemaId the schema
 * @param entityType the entity type
 * @param fieldKey the key of the field that changed
 * @param removed true if the field was removed, false if it was defined or redefined
 * @param schemaVersion the schema's version after the change
 */
public record CustomFieldSchemaChanged(EventMeta meta, CustomFieldSchemaId schemaId, EntityType entityType,
        String fieldKey, boolean removed, long schemaVersion) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param schemaId the schema
     * @param entityType the entity type
     * @param fieldKey the key of the field that changed
     * @param removed true if the field was removed, false if it was defined or redefined
     * @param schemaVersion the schema's version after the change
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public CustomFieldSchemaChanged {
        Checks.notNull(meta, "meta");
        Checks.notNull(schemaId, "schemaId");
        Checks.notNull(entityType, "entityType");
        fieldKey = Checks.nonBlank(fieldKey, "fieldKey");
        Checks.version(schemaVersion);
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(schemaId);
    }
}
