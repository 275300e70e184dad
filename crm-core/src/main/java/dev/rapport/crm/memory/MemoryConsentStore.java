package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.governance.Consent;
import dev.rapport.crm.governance.ConsentId;
import dev.rapport.crm.governance.ConsentStore;
import java.util.List;

/** Found by id only, so no secondary index is needed. */
final class MemoryConsentStore extends TableTx<ConsentId, Consent> implements ConsentStore {
    static final TableDef<ConsentId, Consent> DEF = TableDef.of("Consent", List.of());

    MemoryConsentStore(Table<ConsentId, Consent> table, TenantId tenant, boolean readOnly) {
        super(table, tenant, readOnly);
    }
}
