package dev.rapport.crm.memory;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.identity.MergeId;
import dev.rapport.crm.identity.MergeRecord;
import dev.rapport.crm.identity.MergeRecordStore;
import java.util.List;
import java.util.Optional;

final class MemoryMergeRecordStore extends TableTx<MergeId, MergeRecord> implements MergeRecordStore {
    static final IndexDef<MergeRecord> BY_LOSER = IndexDef.single("loser", MergeRecord::loserId);
    static final IndexDef<MergeRecord> BY_SURVIVOR = IndexDef.single("survivor", MergeRecord::survivorId);
    static final TableDef<MergeId, MergeRecord> DEF = TableDef.of("MergeRecord", List.of(BY_LOSER, BY_SURVIVOR));

    MemoryMergeRecordStore(Table<MergeId, MergeRecord> table, TenantId tenant, boolean readOnly) {
        super(table, tenant, readOnly);
    }

    @Override
    public Optional<MergeRecord> findByLoser(EntityId loserId) {
        return lookupOne(BY_LOSER, loserId);
    }

    @Override
    public List<MergeRecord> findBySurvivor(EntityId survivorId) {
        return lookup(BY_SURVIVOR, survivorId);
    }
}
