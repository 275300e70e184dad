package dev.rapport.crm.jpa;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.spi.AggregateStore;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The store port of one aggregate type on one JPA entity: every query names the tenant, every
 * listing is ordered by id, and a mapper turns rows into domain aggregates and back.
 *
 * @param <I> the id type
 * @param <T> the aggregate type
 * @param <E> the entity type
 */
abstract class JpaAggregateStore<I extends EntityId, T extends Aggregate<I>, E extends AggregateEntity>
        implements AggregateStore<I, T> {
    final JpaStoreTransaction tx;
    private final Class<E> entityType;
    private final String typeName;
    private final String entityName;

    private final boolean cached;

    JpaAggregateStore(JpaStoreTransaction tx, Class<E> entityType, String typeName, String entityName) {
        this(tx, entityType, typeName, entityName, false);
    }

    /**
     * A store port; {@code cached} marks a type read far more often than written, whose look-ups by
     * id go through the store's cache when it has one.
     */
    JpaAggregateStore(JpaStoreTransaction tx, Class<E> entityType, String typeName, String entityName,
            boolean cached) {
        this.tx = tx;
        this.entityType = entityType;
        this.typeName = typeName;
        this.entityName = entityName;
        this.cached = cached;
    }

    /** A new, empty entity. */
    abstract E newEntity();

    /** Copies every field of the aggregate but its key and version into the entity. */
    abstract void copy(T aggregate, E entity);

    /** The aggregate a row holds. */
    abstract T toDomain(E entity);

    /** Called before a row is deleted, while it still holds its values; nothing by default. */
    void removing(E entity) {
    }

    /**
     * Marks an identity look-up key as written by this unit of work: the cache forgets it when the
     * unit of work ends, and until then the look-up reads this transaction's rows.
     */
    final void touchLookup(String kind, @Nullable String value) {
        if (value != null) {
            tx.touch(new AggregateCache.Key(tenant(), kind, value));
        }
    }

    /**
     * An identity look-up through the cache, when the store has one: served from memory on a hit;
     * on a miss loaded from committed rows in a transaction of its own and cached. A key this unit
     * of work wrote is read in this transaction, never from or into the cache.
     */
    final <V> V lookUp(String kind, String value, Class<V> type, java.util.function.Function<EntityManager, V> load) {
        AggregateCache cache = tx.cache();
        AggregateCache.Key key = new AggregateCache.Key(tenant(), kind, value);
        if (cache == null || tx.touched(key)) {
            return load.apply(em());
        }
        Optional<V> hit = cache.get(key, type);
        if (hit.isPresent()) {
            return hit.get();
        }
        long loadedAt = cache.generation();
        V committed = tx.readCommitted(load);
        cache.put(key, committed, loadedAt);
        return committed;
    }

    final EntityManager em() {
        return tx.em();
    }

    final String tenant() {
        return tx.tenant().value();
    }

    @Override
    public Optional<T> find(I id) {
        AggregateCache cache = cached ? tx.cache() : null;
        if (cache == null) {
            E entity = em().find(entityType, new AggregateKey(tenant(), id.value()));
            return entity == null ? Optional.empty() : Optional.of(toDomain(entity));
        }
        AggregateCache.Key key = key(id.value());
        if (tx.touched(key)) {
            E entity = em().find(entityType, new AggregateKey(tenant(), id.value()));
            return entity == null ? Optional.empty() : Optional.of(toDomain(entity));
        }
        Optional<Object> hit = cache.get(key, Object.class);
        if (hit.isPresent()) {
            return Optional.of(cast(hit.get()));
        }
        long loadedAt = cache.generation();
        Optional<T> committed = tx.readCommitted(other -> {
            E entity = other.find(entityType, new AggregateKey(tenant(), id.value()));
            return entity == null ? Optional.<T>empty() : Optional.of(toDomain(entity));
        });
        committed.ifPresent(aggregate -> cache.put(key, aggregate, loadedAt));
        return committed;
    }

    @SuppressWarnings("unchecked")
    private T cast(Object aggregate) {
        return (T) aggregate;
    }

    private AggregateCache.Key key(String id) {
        return new AggregateCache.Key(tenant(), typeName, id);
    }

    private void touch(String id) {
        if (cached) {
            tx.touch(key(id));
        }
    }

    @Override
    public void insert(T aggregate) {
        checkWritable(aggregate);
        if (aggregate.version() != 1) {
            throw new IllegalArgumentException(typeName + " must be inserted at version 1, not "
                    + aggregate.version());
        }
        String id = aggregate.id().value();
        boolean deferred = tx.checksInsertsByKey();
        if (deferred) {
            // No look-up per row: the primary key refuses a taken id when the unit of work
            // flushes, and the store reports that failure as this conflict (JpaCrmStore#write).
            if (!tx.inserting(entityName, typeName, id)) {
                throw new CrmConflictException(typeName, id, 0, 1);
            }
        } else {
            E existing = em().find(entityType, new AggregateKey(tenant(), id));
            if (existing != null) {
                throw new CrmConflictException(typeName, id, 0, existing.version);
            }
        }
        E entity = newEntity();
        entity.tenantId = tenant();
        entity.id = id;
        entity.version = 1;
        copy(aggregate, entity);
        try {
            em().persist(entity);
        } catch (EntityExistsException managedAlready) {
            // This unit of work has already read the row under that id.
            E existing = em().find(entityType, new AggregateKey(tenant(), id));
            CrmConflictException conflict = new CrmConflictException(typeName, id, 0,
                    existing == null ? 1 : existing.version);
            conflict.initCause(managedAlready);
            throw conflict;
        }
        touch(entity.id);
    }

    /**
     * Advances the stored version from the aggregate's version minus one to its version in one
     * conditional UPDATE, so the database decides which of two racing writers wins; then writes the
     * other columns.
     */
    @Override
    public void update(T aggregate) {
        checkWritable(aggregate);
        String id = aggregate.id().value();
        long expected = aggregate.version() - 1;
        em().flush();
        int changed = em().createQuery("update " + entityName + " e set e.version = :next"
                + " where e.tenantId = :tenant and e.id = :id and e.version = :expected")
                .setParameter("next", aggregate.version())
                .setParameter("tenant", tenant())
                .setParameter("id", id)
                .setParameter("expected", expected)
                .executeUpdate();
        if (changed != 1) {
            List<Long> stored = em().createQuery("select e.version from " + entityName
                    + " e where e.tenantId = :tenant and e.id = :id", Long.class)
                    .setParameter("tenant", tenant())
                    .setParameter("id", id)
                    .getResultList();
            if (stored.isEmpty()) {
                throw new CrmNotFoundException(typeName, id);
            }
            throw new CrmConflictException(typeName, id, expected, stored.get(0));
        }
        E entity = em().find(entityType, new AggregateKey(tenant(), id));
        if (entity == null) {
            throw new CrmNotFoundException(typeName, id);
        }
        entity.version = aggregate.version();
        copy(aggregate, entity);
        touch(id);
    }

    @Override
    public boolean delete(I id) {
        tx.checkWritable();
        E entity = em().find(entityType, new AggregateKey(tenant(), id.value()));
        if (entity == null) {
            return false;
        }
        removing(entity);
        em().remove(entity);
        touch(id.value());
        return true;
    }

    @Override
    public Page<T> list(PageRequest request) {
        List<T> items = map(em().createQuery("select e from " + entityName
                + " e where e.tenantId = :tenant order by e.id", entityType)
                .setParameter("tenant", tenant())
                .setFirstResult(request.offset())
                .setMaxResults(request.limit())
                .getResultList());
        return new Page<>(items, request, count());
    }

    @Override
    public long count() {
        return em().createQuery("select count(e) from " + entityName + " e where e.tenantId = :tenant", Long.class)
                .setParameter("tenant", tenant())
                .getSingleResult();
    }

    /**
     * A query over this tenant's rows: {@code where} is the condition after the tenant's, on the
     * alias {@code e}. The SQL has no ORDER BY on purpose: ordered by the primary key (and with a
     * row limit) a planner may walk the key instead of the look-up's index; {@link #map} sorts.
     */
    final TypedQuery<E> where(String where) {
        return em().createQuery("select e from " + entityName + " e where e.tenantId = :tenant and (" + where
                + ")", entityType)
                .setParameter("tenant", tenant());
    }

    /** The aggregates of rows, ordered by id (in Java's string order, as the in-memory store). */
    final List<T> map(List<E> rows) {
        List<E> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((E row) -> row.id));
        List<T> out = new ArrayList<>(sorted.size());
        E previous = null;
        for (E row : sorted) {
            if (row != previous) {
                out.add(toDomain(row));
            }
            previous = row;
        }
        return List.copyOf(out);
    }

    /** The aggregate of the row with the least id, if any. */
    final Optional<T> first(List<E> rows) {
        return rows.stream().min(Comparator.comparing((E row) -> row.id)).map(this::toDomain);
    }

    private void checkWritable(T aggregate) {
        tx.checkWritable();
        if (!aggregate.tenantId().equals(tx.tenant())) {
            throw new IllegalArgumentException(typeName + " belongs to another tenant than the transaction");
        }
    }
}
