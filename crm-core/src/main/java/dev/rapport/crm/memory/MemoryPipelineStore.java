package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.sales.Pipeline;
import dev.rapport.crm.sales.PipelineId;
import dev.rapport.crm.sales.PipelineStore;
import java.util.List;
import java.util.Optional;

final class MemoryPipelineStore extends TableTx<PipelineId, Pipeline> implements PipelineStore {
    /** Only the default pipeline is indexed, under {@code TRUE}. */
    static final IndexDef<Pipeline> DEFAULT = IndexDef.single("default", p -> p.isDefault() ? Boolean.TRUE : null);
    static final TableDef<PipelineId, Pipeline> DEF = TableDef.of("Pipeline", List.of(DEFAULT));

    MemoryPipelineStore(Table<PipelineId, Pipeline> table, TenantId tenant, boolean readOnly) {
        super(table, tenant, readOnly);
    }

    @Override
    public Optional<Pipeline> findDefault() {
        return lookupOne(DEFAULT, Boolean.TRUE);
    }
}
