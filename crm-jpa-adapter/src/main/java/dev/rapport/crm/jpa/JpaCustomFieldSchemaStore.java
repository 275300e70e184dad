package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.field.CustomFieldSchema;
import dev.rapport.crm.field.CustomFieldSchemaId;
import dev.rapport.crm.field.CustomFieldSchemaStore;
import dev.rapport.crm.field.EntityType;

/** Custom field schemas on {@link CustomFieldSchemaEntity}; the look-up by entity type is by primary key. */
final class JpaCustomFieldSchemaStore
        extends JpaAggregateStore<CustomFieldSchemaId, CustomFieldSchema, CustomFieldSchemaEntity>
        implements CustomFieldSchemaStore {
    JpaCustomFieldSchemaStore(JpaStoreTransaction tx) {
        super(tx, CustomFieldSchemaEntity.class, "CustomFieldSchema", "RapportCustomFieldSchema", true);
    }

    @Override
    CustomFieldSchemaEntity newEntity() {
        return new CustomFieldSchemaEntity();
    }

    @Override
    void copy(CustomFieldSchema s, CustomFieldSchemaEntity e) {
        e.entityType = s.entityType().name();
        e.fields = Values.list(s.fields(), Values::fieldDefinition);
        e.times(s.createdAt(), s.updatedAt());
    }

    @Override
    CustomFieldSchema toDomain(CustomFieldSchemaEntity e) {
        return new CustomFieldSchema(new CustomFieldSchemaId(e.id), TenantId.of(e.tenantId), e.version,
                EntityType.valueOf(e.entityType), Values.list(e.fields, Values::fieldDefinitionOf),
                e.created(), e.updated());
    }
}
