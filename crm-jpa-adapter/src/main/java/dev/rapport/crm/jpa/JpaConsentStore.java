package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.governance.Consent;
import dev.rapport.crm.governance.ConsentChannel;
import dev.rapport.crm.governance.ConsentEntry;
import dev.rapport.crm.governance.ConsentId;
import dev.rapport.crm.governance.ConsentPurpose;
import dev.rapport.crm.governance.ConsentStatus;
import dev.rapport.crm.governance.ConsentStore;
import dev.rapport.crm.party.ContactId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Consent records on {@link ConsentEntity}, with the mapper between the two. */
final class JpaConsentStore extends JpaAggregateStore<ConsentId, Consent, ConsentEntity> implements ConsentStore {
    JpaConsentStore(JpaStoreTransaction tx) {
        super(tx, ConsentEntity.class, "Consent", "RapportConsent");
    }

    @Override
    ConsentEntity newEntity() {
        return new ConsentEntity();
    }

    @Override
    void copy(Consent c, ConsentEntity e) {
        e.entries = Values.list(c.entries(), JpaConsentStore::entry);
        e.history = Values.list(c.history(), JpaConsentStore::entry);
        e.times(c.createdAt(), c.updatedAt());
    }

    @Override
    Consent toDomain(ConsentEntity e) {
        return new Consent(ConsentId.of(e.id), TenantId.of(e.tenantId), e.version, ContactId.of(e.id),
                Values.list(e.entries, JpaConsentStore::entryOf), Values.list(e.history, JpaConsentStore::entryOf),
                e.created(), e.updated());
    }

    private static Map<String, @Nullable Object> entry(ConsentEntry entry) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("purpose", entry.purpose().name());
        out.put("channel", entry.channel().name());
        out.put("status", entry.status().name());
        out.put("source", entry.source());
        out.put("at", entry.at().toString());
        out.put("actor", Values.actor(entry.actor()));
        return out;
    }

    private static ConsentEntry entryOf(Map<String, @Nullable Object> m) {
        return new ConsentEntry(ConsentPurpose.valueOf(Values.str(m.get("purpose"))),
                ConsentChannel.valueOf(Values.str(m.get("channel"))), ConsentStatus.valueOf(Values.str(m.get("status"))),
                Values.str(m.get("source")), Instant.parse(Values.str(m.get("at"))), Values.actorOf(m.get("actor")));
    }
}
