package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.governance.AuditEntry;
import dev.rapport.crm.governance.AuditSubject;
import dev.rapport.crm.spi.AuditSink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The default audit sink: every tenant's entries in memory, indexed by record, thread-safe.
 *
 * <pre>{@code
 * InMemoryAuditSink audit = new InMemoryAuditSink();
 * Crm crm = Crm.builder().auditSink(audit).build();
 * crm.contacts().create(NewContact.named("Ada", "Lovelace"));
 * audit.entries(crm.tenant()).size();   // 1
 * }</pre>
 */
public final class InMemoryAuditSink implements AuditSink {
    private final Map<TenantId, List<AuditEntry>> byTenant = new HashMap<>();
    private final Map<TenantId, Map<AuditSubject, List<Integer>>> index = new HashMap<>();

    /** Creates an empty sink. */
    public InMemoryAuditSink() {
    }

    @Override
    public synchronized void record(List<AuditEntry> entries) {
        for (AuditEntry e : entries) {
            List<AuditEntry> all = byTenant.computeIfAbsent(e.tenantId(), t -> new ArrayList<>());
            index.computeIfAbsent(e.tenantId(), t -> new HashMap<>())
                    .computeIfAbsent(new AuditSubject(e.entityType(), e.entityId()), s -> new ArrayList<>())
                    .add(all.size());
            all.add(e);
        }
    }

    @Override
    public synchronized List<AuditEntry> entries(TenantId tenant, String entityType, String entityId) {
        List<AuditEntry> all = byTenant.getOrDefault(tenant, List.of());
        List<Integer> positions = index.getOrDefault(tenant, Map.of())
                .getOrDefault(new AuditSubject(entityType, entityId), List.of());
        return positions.stream().map(all::get).toList();
    }

    /**
     * Every entry of a tenant, oldest first.
     *
     * @param tenant the tenant
     * @return the entries
     */
    public synchronized List<AuditEntry> entries(TenantId tenant) {
        return List.copyOf(byTenant.getOrDefault(Objects.requireNonNull(tenant, "tenant"), List.of()));
    }

    @Override
    public synchronized int erase(TenantId tenant, Collection<AuditSubject> subjects) {
        List<AuditEntry> all = byTenant.get(tenant);
        if (all == null) {
            return 0;
        }
        Map<AuditSubject, List<Integer>> tenantIndex = index.getOrDefault(tenant, Map.of());
        Set<Integer> positions = new HashSet<>();
        for (AuditSubject s : subjects) {
            positions.addAll(tenantIndex.getOrDefault(s, List.of()));
        }
        for (int p : positions) {
            all.set(p, all.get(p).withoutValues());
        }
        return positions.size();
    }
}
