package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.io.ExternalKey;
import dev.rapport.crm.io.ExternalKeyId;
import dev.rapport.crm.io.ExternalKeyStore;

/** The links from other systems' keys on {@link ExternalKeyEntity}, with the mapper between the two. */
final class JpaExternalKeyStore extends JpaAggregateStore<ExternalKeyId, ExternalKey, ExternalKeyEntity>
        implements ExternalKeyStore {
    JpaExternalKeyStore(JpaStoreTransaction tx) {
        super(tx, ExternalKeyEntity.class, "ExternalKey", "RapportExternalKey");
    }

    @Override
    ExternalKeyEntity newEntity() {
        return new ExternalKeyEntity();
    }

    @Override
    void copy(ExternalKey k, ExternalKeyEntity e) {
        e.entity = k.entity();
        e.key = k.key();
        e.targetId = k.targetId();
        e.times(k.createdAt(), k.createdAt());
    }

    @Override
    ExternalKey toDomain(ExternalKeyEntity e) {
        return new ExternalKey(new ExternalKeyId(e.id), TenantId.of(e.tenantId), e.version, e.entity, e.key,
                e.targetId, e.created());
    }
}
