package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.governance.Tombstone;
import dev.rapport.crm.governance.TombstoneId;
import dev.rapport.crm.governance.TombstoneStore;
import java.util.List;

/** Found by id only, so no secondary index is needed. */
final class MemoryTombstoneStore extends TableTx<TombstoneId, Tombstone> implements TombstoneStore {
    static final TableDef<TombstoneId, Tombstone> DEF = TableDef.of("Tombstone", List.of());

    MemoryTombstoneStore(Table<TombstoneId, Tombstone> table, TenantId tenant, boolean readOnly) {
        super(table, tenant, readOnly);
    }
}
