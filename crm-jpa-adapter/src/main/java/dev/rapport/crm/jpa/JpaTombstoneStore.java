package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.governance.IdentifierKind;
import dev.rapport.crm.governance.Tombstone;
import dev.rapport.crm.governance.TombstoneId;
import dev.rapport.crm.governance.TombstoneStore;

/** Tombstones on {@link TombstoneEntity}, with the mapper between the two. */
final class JpaTombstoneStore extends JpaAggregateStore<TombstoneId, Tombstone, TombstoneEntity>
        implements TombstoneStore {
    JpaTombstoneStore(JpaStoreTransaction tx) {
        super(tx, TombstoneEntity.class, "Tombstone", "RapportTombstone");
    }

    @Override
    TombstoneEntity newEntity() {
        return new TombstoneEntity();
    }

    @Override
    void copy(Tombstone t, TombstoneEntity e) {
        e.kind = t.kind().name();
        e.times(t.createdAt(), t.updatedAt());
    }

    @Override
    Tombstone toDomain(TombstoneEntity e) {
        return new Tombstone(TombstoneId.of(e.id), TenantId.of(e.tenantId), e.version, IdentifierKind.valueOf(e.kind),
                e.created(), e.updated());
    }
}
