package dev.rapport.crm.workflow.spi;

import dev.rapport.crm.TenantId;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory segment store: a concurrent set of members by tenant and segment. A set, once
 * made, is kept when it empties: dropping it could lose an add racing with the drop.
 */
final class InMemorySegmentStore implements SegmentStore {
    private final ConcurrentHashMap<String, Set<String>> segments = new ConcurrentHashMap<>();

    @Override
    public boolean add(TenantId tenant, String segment, String member) {
        Objects.requireNonNull(member, "member");
        return segments.computeIfAbsent(key(tenant, segment), k -> ConcurrentHashMap.newKeySet()).add(member);
    }

    @Override
    public boolean remove(TenantId tenant, String segment, String member) {
        Objects.requireNonNull(member, "member");
        Set<String> members = segments.get(key(tenant, segment));
        return members != null && members.remove(member);
    }

    @Override
    public Set<String> members(TenantId tenant, String segment) {
        Set<String> members = segments.get(key(tenant, segment));
        return members == null ? Set.of() : Set.copyOf(members);
    }

    @Override
    public long count(TenantId tenant, String segment) {
        Set<String> members = segments.get(key(tenant, segment));
        return members == null ? 0 : members.size();
    }

    private static String key(TenantId tenant, String segment) {
        return Objects.requireNonNull(tenant, "tenant").value() + "|" + Objects.requireNonNull(segment, "segment");
    }
}
