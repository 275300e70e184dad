package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.governance.AuditEntry;
import dev.rapport.crm.governance.AuditSubject;
import dev.rapport.crm.spi.AuditSink;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** By tenant and record, the positions of the record's entries (ints, not boxed: one per entry). */
    private final Map<TenantId, Map<AuditSubject, Positions>> index = new HashMap<>();

    /** A growing list of entry positions. */
    private static final class Positions {
        private int[] at = new int[2];
        private int size;

        void add(int position) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = position;
        }
    }

    /** Creates an empty sink. */
    public InMemoryAuditSink() {
    }

    @Override
    public synchronized void record(List<AuditEntry> entries) {
        for (AuditEntry e : entries) {
            List<AuditEntry> all = byTenant.computeIfAbsent(e.tenantId(), t -> new ArrayList<>());
            index.computeIfAbsent(e.tenantId(), t -> new HashMap<>())
                    .computeIfAbsent(new AuditSubject(e.entityType(), e.entityId()), s -> new Positions())
                    .add(all.size());
            all.add(e);
        }
    }

    @Override
    public synchronized List<AuditEntry> entries(TenantId tenant, String entityType, String entityId) {
        List<AuditEntry> all = byTenant.getOrDefault(tenant, List.of());
        Positions positions = index.getOrDefault(tenant, Map.of()).get(new AuditSubject(entityType, entityId));
        if (positions == null) {
            return List.of();
        }
        List<AuditEntry> found = new ArrayList<>(positions.size);
        for (int i = 0; i < positions.size; i++) {
            found.add(all.get(positions.at[i]));
        }
        return List.copyOf(found);
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
        Map<AuditSubject, Positions> tenantIndex = index.getOrDefault(tenant, Map.of());
        Set<Integer> positions = new HashSet<>();
        for (AuditSubject s : subjects) {
            Positions of = tenantIndex.get(s);
            for (int i = 0; of != null && i < of.size; i++) {
                positions.add(of.at[i]);
            }
        }
        for (int p : positions) {
            all.set(p, all.get(p).withoutValues());
        }
        return positions.size();
    }
}
