package dev.rapport.crm.governance;

import dev.rapport.crm.Actor;
import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.memory.InMemoryAuditSink;
import dev.rapport.crm.memory.InMemoryStore;
import dev.rapport.crm.spi.AccessPolicy;
import dev.rapport.crm.spi.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A CRM on a fixed clock with sequential ids, a switchable actor, an in-memory store, audit sink and event log. */
final class GovernanceFixture {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final byte[] SECRET = "a test secret of 32 bytes.......".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    final InMemoryStore store = new InMemoryStore();
    final InMemoryAuditSink audit = new InMemoryAuditSink();
    final AtomicReference<Actor> actor = new AtomicReference<>(Actor.user("sam"));
    final Crm crm;
    final List<CrmEvent> events = new CopyOnWriteArrayList<>();

    GovernanceFixture() {
        this(AccessPolicy.allowAll(), Map.of());
    }

    GovernanceFixture(AccessPolicy policy, Map<String, Set<String>> rolesByUser) {
        crm = Crm.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .idGenerator(IdGenerator.sequential("t"))
                .store(store)
                .actor(actor::get)
                .auditSink(audit)
                .accessPolicy(policy)
                .roles(a -> rolesByUser.getOrDefault(a.id(), Set.of()))
                .privacySecret(SECRET)
                .directory(new InMemoryDirectory()
                        .addUser(User.of(UserId.of("sam")))
                        .addUser(User.of(UserId.of("kim")))
                        .addUser(User.of(UserId.of("sue"))))
                .build();
        crm.events().subscribe(events::add);
    }

    Crm tenant(String id) {
        return crm.forTenant(TenantId.of(id));
    }

    List<AuditEntry> audit() {
        return audit.entries(crm.tenant());
    }

    void as(String user) {
        actor.set(Actor.user(user));
    }
}
