package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.io.ExternalKey;
import dev.rapport.crm.io.ExternalKeyId;
import dev.rapport.crm.io.ExternalKeyStore;
import java.util.List;

/** The in-memory table of import links; found by their derived id only. */
final class MemoryExternalKeyStore extends TableTx<ExternalKeyId, ExternalKey> implements ExternalKeyStore {
    static final TableDef<ExternalKeyId, ExternalKey> DEF = TableDef.of("ExternalKey", List.of());

    MemoryExternalKeyStore(Table<ExternalKeyId, ExternalKey> table, TenantId tenant, boolean readOnly) {
        super(table, tenant, readOnly);
    }
}
