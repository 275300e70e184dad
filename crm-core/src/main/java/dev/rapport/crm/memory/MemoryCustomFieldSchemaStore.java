package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.field.CustomFieldSchema;
import dev.rapport.crm.field.CustomFieldSchemaId;
import dev.rapport.crm.field.CustomFieldSchemaStore;
import java.util.List;

/** Schemas are found by id, which is their entity type: no secondary index is needed. */
final class MemoryCustomFieldSchemaStore extends TableTx<CustomFieldSchemaId, CustomFieldSchema>
        implements CustomFieldSchemaStore {
    static final TableDef<CustomFieldSchemaId, CustomFieldSchema> DEF = TableDef.of("CustomFieldSchema", List.of());

    MemoryCustomFieldSchemaStore(Table<CustomFieldSchemaId, CustomFieldSchema> table, TenantId tenant,
            boolean readOnly) {
        super(table, tenant, readOnly);
    }
}
