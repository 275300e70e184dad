package dev.rapport.crm.memory;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.EntityId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The committed rows of one aggregate type of one tenant, ordered by id, with their secondary
 * indexes. Not thread-safe by itself: guarded by the tenant's lock.
 */
final class Table<I extends EntityId, T extends Aggregate<I>> {
    final TableDef<I, T> def;
    /** The rows by id, for look-ups (a hash map: no string comparisons on the way to a row). */
    final HashMap<String, T> rows = new HashMap<>();
    /** The ids in order, for paging; changed only when a row is added or removed. */
    final TreeSet<String> order = new TreeSet<>();
    /**
     * By index and key, the ids stored under the key. Hash sets: a look-up orders what it finds
     * (with the transaction's own writes) anyway, and a tree of a million ids, or one per linked
     * record, cost a walk of cold nodes for every row written.
     */
    private final Map<String, Map<Object, Set<String>>> indexes = new HashMap<>();

    Table(TableDef<I, T> def) {
        this.def = def;
        for (IndexDef<T> index : def.indexes()) {
            indexes.put(index.name(), new HashMap<>());
        }
    }

    /** The ids stored under a key of an index, in no order; empty when none. */
    Set<String> idsFor(IndexDef<T> index, Object key) {
        Set<String> ids = indexes.get(index.name()).get(key);
        return ids == null ? Set.of() : ids;
    }

    /** Replaces (or adds, or with {@code next == null} removes) the row under an id. */
    void put(String id, T next) {
        T previous = rows.put(id, next);
        if (previous == null) {
            order.add(id);
        }
        reindex(id, previous, next);
    }

    void remove(String id) {
        T previous = rows.remove(id);
        if (previous != null) {
            order.remove(id);
        }
        reindex(id, previous, null);
    }

    private void reindex(String id, @Nullable T previous, @Nullable T next) {
        for (IndexDef<T> index : def.indexes()) {
            Map<Object, Set<String>> map = indexes.get(index.name());
            Collection<?> before = previous == null ? Set.of() : index.keys().apply(previous);
            Collection<?> after = next == null ? Set.of() : index.keys().apply(next);
            // Most writes leave an index's keys as they were: only the keys that changed move.
            for (Object key : before) {
                if (!after.contains(key)) {
                    Set<String> ids = map.get(key);
                    if (ids != null) {
                        ids.remove(id);
                        if (ids.isEmpty()) {
                            map.remove(key);
                        }
                    }
                }
            }
            for (Object key : after) {
                if (!before.contains(key)) {
                    map.computeIfAbsent(key, k -> new HashSet<>()).add(id);
                }
            }
        }
    }
}
