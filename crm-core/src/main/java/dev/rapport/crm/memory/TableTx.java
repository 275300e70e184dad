package dev.rapport.crm.memory;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.spi.AggregateStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A transaction's view of one table: the committed rows overlaid with the transaction's own
 * writes, which reach the table only on {@link #commit()}. A transaction that fails is simply
 * dropped, so nothing is half-applied. Read-only views refuse writes.
 */
class TableTx<I extends EntityId, T extends Aggregate<I>> implements AggregateStore<I, T> {
    private static final Object DELETED = new Object();

    private final Table<I, T> table;
    private final TenantId tenant;
    private final boolean readOnly;
    /** Written rows by id; a value of {@link #DELETED} marks a removal. */
    private NavigableMap<String, Object> overlay = Collections.emptyNavigableMap();

    /** The overlay to write to, made on the first write (most views only read). */
    private NavigableMap<String, Object> written() {
        if (!(overlay instanceof TreeMap)) {
            overlay = new TreeMap<>();
        }
        return overlay;
    }

    TableTx(Table<I, T> table, TenantId tenant, boolean readOnly) {
        this.table = table;
        this.tenant = tenant;
        this.readOnly = readOnly;
    }

    @SuppressWarnings("unchecked")
    private @Nullable T current(String id) {
        Object written = overlay.get(id);
        if (written == DELETED) {
            return null;
        }
        if (written != null) {
            return (T) written;
        }
        return table.rows.get(id);
    }

    @Override
    public Optional<T> find(I id) {
        return Optional.ofNullable(current(id.value()));
    }

    @Override
    public void insert(T aggregate) {
        checkWritable(aggregate);
        if (aggregate.version() != 1) {
            throw new IllegalArgumentException(table.def.type() + " must be inserted at version 1, not "
                    + aggregate.version());
        }
        T existing = current(aggregate.id().value());
        if (existing != null) {
            throw new CrmConflictException(table.def.type(), aggregate.id().value(), 0, existing.version());
        }
        written().put(aggregate.id().value(), aggregate);
    }

    @Override
    public void update(T aggregate) {
        checkWritable(aggregate);
        T existing = current(aggregate.id().value());
        if (existing == null) {
            throw new CrmNotFoundException(table.def.type(), aggregate.id().value());
        }
        if (aggregate.version() != existing.version() + 1) {
            throw new CrmConflictException(table.def.type(), aggregate.id().value(),
                    aggregate.version() - 1, existing.version());
        }
        written().put(aggregate.id().value(), aggregate);
    }

    @Override
    public boolean delete(I id) {
        if (readOnly) {
            throw new IllegalStateException("read-only transaction");
        }
        if (current(id.value()) == null) {
            return false;
        }
        written().put(id.value(), DELETED);
        return true;
    }

    private void checkWritable(T aggregate) {
        if (readOnly) {
            throw new IllegalStateException("read-only transaction");
        }
        if (!aggregate.tenantId().equals(tenant)) {
            throw new IllegalArgumentException(table.def.type() + " belongs to another tenant than the transaction");
        }
    }

    @Override
    public Page<T> list(PageRequest request) {
        List<T> items = new ArrayList<>(Math.min(request.limit(), 1024));
        long total = 0;
        Iterator<String> ids = mergedIds().iterator();
        while (ids.hasNext()) {
            T row = current(ids.next());
            if (row == null) {
                continue;
            }
            if (total >= request.offset() && items.size() < request.limit()) {
                items.add(row);
            }
            total++;
        }
        return new Page<>(items, request, total);
    }

    private Iterable<String> mergedIds() {
        if (overlay.isEmpty()) {
            return table.order;
        }
        TreeSet<String> ids = new TreeSet<>(table.order);
        ids.addAll(overlay.keySet());
        return ids;
    }

    @Override
    public long count() {
        long count = table.rows.size();
        for (Map.Entry<String, Object> e : overlay.entrySet()) {
            boolean committed = table.rows.containsKey(e.getKey());
            boolean deleted = e.getValue() == DELETED;
            if (committed && deleted) {
                count--;
            } else if (!committed && !deleted) {
                count++;
            }
        }
        return count;
    }

    /**
     * The rows found under a key of an index, as this transaction sees them, ordered by id.
     * Costs O(matches + this transaction's writes), never a scan of the table.
     */
    @SuppressWarnings("unchecked")
    List<T> lookup(IndexDef<T> index, Object key) {
        TreeMap<String, T> found = new TreeMap<>();
        for (String id : table.idsFor(index, key)) {
            if (!overlay.containsKey(id)) {
                found.put(id, table.rows.get(id));
            }
        }
        for (Map.Entry<String, Object> e : overlay.entrySet()) {
            if (e.getValue() != DELETED) {
                T row = (T) e.getValue();
                if (index.keys().apply(row).contains(key)) {
                    found.put(e.getKey(), row);
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** The first row under a key of an index, if any. */
    Optional<T> lookupOne(IndexDef<T> index, Object key) {
        List<T> rows = lookup(index, key);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Applies this transaction's writes to the table. Called under the tenant's write lock. */
    @SuppressWarnings("unchecked")
    void commit() {
        for (Map.Entry<String, Object> e : overlay.entrySet()) {
            if (e.getValue() == DELETED) {
                table.remove(e.getKey());
            } else {
                table.put(e.getKey(), (T) e.getValue());
            }
        }
        overlay = Collections.emptyNavigableMap();
    }
}
