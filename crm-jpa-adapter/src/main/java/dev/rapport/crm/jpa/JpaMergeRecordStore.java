package dev.rapport.crm.jpa;

import dev.rapport.crm.Actor;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.identity.MergeId;
import dev.rapport.crm.identity.MergeRecord;
import dev.rapport.crm.identity.MergeRecordStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Merge records on {@link MergeRecordEntity}, with the mapper between the two. Survivor and loser
 * are of one type (the record checks it), stored once beside their ids.
 */
final class JpaMergeRecordStore extends JpaAggregateStore<MergeId, MergeRecord, MergeRecordEntity>
        implements MergeRecordStore {
    JpaMergeRecordStore(JpaStoreTransaction tx) {
        super(tx, MergeRecordEntity.class, "MergeRecord", "RapportMergeRecord");
    }

    @Override
    MergeRecordEntity newEntity() {
        return new MergeRecordEntity();
    }

    @Override
    void copy(MergeRecord m, MergeRecordEntity e) {
        e.recordType = EventCodec.idType(m.survivorId());
        e.survivorId = m.survivorId().value();
        e.loserId = m.loserId().value();
        e.actorKind = m.actor().kind().name();
        e.actorId = m.actor().id();
        e.changedFields = Json.write(new ArrayList<>(m.changedFields()));
        List<EntityId> relinked = new ArrayList<>(m.relinked());
        relinked.sort((a, b) -> (a.getClass().getSimpleName() + ":" + a.value())
                .compareTo(b.getClass().getSimpleName() + ":" + b.value()));
        e.relinked = Values.list(relinked, JpaMergeRecordStore::typedId);
        e.times(m.mergedAt(), m.mergedAt());
    }

    @Override
    MergeRecord toDomain(MergeRecordEntity e) {
        Set<String> changed = new LinkedHashSet<>();
        for (Object field : Json.array(Json.read(e.changedFields))) {
            changed.add(Values.str(field));
        }
        Set<EntityId> relinked = new LinkedHashSet<>(Values.list(e.relinked, JpaMergeRecordStore::typedIdOf));
        return new MergeRecord(MergeId.of(e.id), TenantId.of(e.tenantId), e.version,
                EventCodec.id(e.recordType, e.survivorId), EventCodec.id(e.recordType, e.loserId), e.created(),
                new Actor(Actor.Kind.valueOf(e.actorKind), e.actorId), changed, relinked);
    }

    private static Map<String, @Nullable Object> typedId(EntityId id) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("type", EventCodec.idType(id));
        out.put("value", id.value());
        return out;
    }

    private static EntityId typedIdOf(Map<String, @Nullable Object> m) {
        return EventCodec.id(Values.str(m.get("type")), Values.str(m.get("value")));
    }

    @Override
    public Optional<MergeRecord> findByLoser(EntityId loserId) {
        return first(where("e.loserId = :loser and e.recordType = :type")
                .setParameter("loser", loserId.value())
                .setParameter("type", loserId.getClass().getSimpleName())
                .getResultList());
    }

    @Override
    public List<MergeRecord> findBySurvivor(EntityId survivorId) {
        return map(where("e.survivorId = :survivor and e.recordType = :type")
                .setParameter("survivor", survivorId.value())
                .setParameter("type", survivorId.getClass().getSimpleName())
                .getResultList());
    }
}
