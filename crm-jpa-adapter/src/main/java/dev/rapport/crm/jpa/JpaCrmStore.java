package dev.rapport.crm.jpa;

import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.sales.StageRequirement;
import dev.rapport.crm.spi.CrmStore;
import dev.rapport.crm.spi.StoreTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The crm-core store on the host's database through Jakarta Persistence: each aggregate type is a
 * table (package-private entities and mappers; the domain carries no annotations), every row and
 * every query is scoped to one tenant, a stale update fails with
 * {@link dev.rapport.crm.CrmConflictException}, and the events of a unit of work are written to
 * the {@code rapport_outbox} table in the same transaction as the change.
 *
 * <p>The host adds the adapter's mapping file {@value #MAPPING_FILE} to its persistence unit and
 * creates the tables with the scripts under {@code db/migration/{h2,postgresql,mariadb}} (named for
 * Flyway; any migration tool runs them). Two transaction modes:
 * <ul>
 *   <li>{@link #owning(EntityManagerFactory)}: every {@link #write} is its own resource-local
 *       transaction, committed when the work returns and rolled back when it throws;</li>
 *   <li>{@link #joining(Supplier)}: every {@link #write} runs in the transaction the host has open
 *       on the entity manager it supplies (a JTA transaction or a framework's shared
 *       {@code EntityManager}). The store flushes before it returns, so a conflict surfaces at the
 *       call; when the work throws, the store marks a resource-local transaction rollback-only and
 *       the host's transaction manager rolls back on the exception.</li>
 * </ul>
 *
 * <p>Instants read back exactly (a UTC {@code TIMESTAMP(6)} column plus the nanoseconds below the
 * microsecond beside it). Stage requirements are stored by key; custom ones must be registered with
 * {@link Builder#stageRequirement(StageRequirement)} to be written and read back.
 *
 * <pre>{@code
 * EntityManagerFactory emf = Persistence.createEntityManagerFactory("crm");
 * Crm crm = Crm.builder()
 *     .store(JpaCrmStore.owning(emf).build())
 *     .build();
 * }</pre>
 */
public final class JpaCrmStore implements CrmStore {
    /** The ORM mapping file that lists the adapter's entities, for the host's persistence unit. */
    public static final String MAPPING_FILE = "META-INF/rapport-orm.xml";

    private final @Nullable EntityManagerFactory factory;
    private final @Nullable Supplier<EntityManager> joined;
    private final StageRequirements requirements;
    private final @Nullable AggregateCache cache;

    private JpaCrmStore(Builder builder) {
        this.factory = builder.factory;
        this.joined = builder.joined;
        this.requirements = new StageRequirements(builder.requirements);
        this.cache = builder.cacheSize == null ? null
                : new AggregateCache(builder.cacheSize, Objects.requireNonNull(builder.cacheExpiry));
    }

    /**
     * The hit and miss statistics of the cache of pipelines and custom field schemas, if the store
     * has caches.
     *
     * <pre>{@code
     * store.cacheStats().ifPresent(stats -> metrics.gauge("crm.cache.hit-rate", stats.hitRate()));
     * }</pre>
     *
     * @return the statistics, or empty without caches
     */
    public Optional<JpaCacheStats> cacheStats() {
        return cache == null ? Optional.empty() : Optional.of(cache.stats());
    }

    /**
     * The statistics of the cache of contacts by normalized e-mail address, if the store has caches.
     *
     * @return the statistics, or empty without caches
     */
    public Optional<JpaCacheStats> emailCacheStats() {
        return cache == null ? Optional.empty() : Optional.of(cache.emailStats());
    }

    /**
     * The statistics of the cache of accounts by domain, if the store has caches.
     *
     * @return the statistics, or empty without caches
     */
    public Optional<JpaCacheStats> domainCacheStats() {
        return cache == null ? Optional.empty() : Optional.of(cache.domainStats());
    }

    /**
     * A store that owns its transactions: one resource-local transaction per unit of work, on a
     * new entity manager from the factory.
     *
     * <pre>{@code
     * CrmStore store = JpaCrmStore.owning(emf).build();
     * }</pre>
     *
     * @param factory the entity manager factory of a RESOURCE_LOCAL persistence unit
     * @return a builder
     */
    public static Builder owning(EntityManagerFactory factory) {
        return new Builder(Objects.requireNonNull(factory, "factory"), null);
    }

    /**
     * A store that joins the host's transactions: every unit of work uses the entity manager the
     * supplier returns, which must be joined to an active transaction when a write starts.
     *
     * <pre>{@code
     * CrmStore store = JpaCrmStore.joining(() -> sharedEntityManager).build();
     * }</pre>
     *
     * @param current supplies the entity manager of the current transaction
     * @return a builder
     */
    public static Builder joining(Supplier<EntityManager> current) {
        return new Builder(null, Objects.requireNonNull(current, "current"));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException in joining mode, if the entity manager has no active transaction
     */
    @Override
    public <T> T write(TenantId tenant, Function<StoreTransaction, T> work) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(work, "work");
        if (joined != null) {
            return writeJoined(joined.get(), tenant, work);
        }
        EntityManager em = Objects.requireNonNull(factory).createEntityManager();
        try {
            EntityTransaction transaction = em.getTransaction();
            transaction.begin();
            JpaStoreTransaction tx = new JpaStoreTransaction(em, tenant, false, requirements, cache, factory);
            try {
                T result = work.apply(tx);
                em.flush();
                transaction.commit();
                return result;
            } catch (RuntimeException | Error e) {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
                if (e instanceof PersistenceException) {
                    throw conflictOrSelf(tx, (PersistenceException) e);
                }
                throw e;
            } finally {
                if (cache != null) {
                    cache.invalidate(tx.touchedKeys());
                }
            }
        } finally {
            em.close();
        }
    }

    /**
     * The typed conflict when the database refused a unit of work that inserted an id a committed
     * row holds (inserts rely on the primary key rather than a look-up per row); otherwise the
     * database's own error.
     */
    private static RuntimeException conflictOrSelf(JpaStoreTransaction tx, PersistenceException failure) {
        try {
            Optional<CrmConflictException> taken = tx.takenInsert();
            if (taken.isPresent()) {
                taken.get().initCause(failure);
                return taken.get();
            }
        } catch (RuntimeException unreadable) {
            failure.addSuppressed(unreadable);
        }
        return failure;
    }

    private <T> T writeJoined(EntityManager em, TenantId tenant, Function<StoreTransaction, T> work) {
        if (!em.isJoinedToTransaction()) {
            throw new IllegalStateException("the JPA store joins the host's transactions, but none is active");
        }
        try {
            T result = work.apply(new JpaStoreTransaction(em, tenant, false, requirements));
            em.flush();
            return result;
        } catch (RuntimeException | Error e) {
            markRollbackOnly(em);
            throw e;
        }
    }

    private static void markRollbackOnly(EntityManager em) {
        try {
            EntityTransaction transaction = em.getTransaction();
            if (transaction.isActive()) {
                transaction.setRollbackOnly();
            }
        } catch (IllegalStateException jtaOrShared) {
            // A JTA or framework-managed entity manager has no EntityTransaction: the host's
            // transaction manager rolls back on the exception the caller sees.
        }
    }

    @Override
    public <T> T read(TenantId tenant, Function<StoreTransaction, T> work) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(work, "work");
        if (joined != null) {
            return work.apply(new JpaStoreTransaction(joined.get(), tenant, true, requirements));
        }
        EntityManager em = Objects.requireNonNull(factory).createEntityManager();
        try {
            EntityTransaction transaction = em.getTransaction();
            transaction.begin();
            try {
                return work.apply(new JpaStoreTransaction(em, tenant, true, requirements, cache, factory));
            } finally {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            }
        } finally {
            em.close();
        }
    }

    /**
     * Configures a {@link JpaCrmStore}.
     *
     * <pre>{@code
     * CrmStore store = JpaCrmStore.owning(emf)
     *     .stageRequirement(StageRequirement.of("budget", "a budget is required", o -> o.amount() != null))
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private final @Nullable EntityManagerFactory factory;
        private final @Nullable Supplier<EntityManager> joined;
        private final List<StageRequirement> requirements = new ArrayList<>();
        private @Nullable Long cacheSize;
        private @Nullable Duration cacheExpiry;

        private Builder(@Nullable EntityManagerFactory factory, @Nullable Supplier<EntityManager> joined) {
            this.factory = factory;
            this.joined = joined;
        }

        /**
         * Registers a custom stage requirement, so that pipelines whose stages require it can be
         * stored (by its key) and read back. The built-in requirements need no registration.
         *
         * @param requirement the requirement, with a key no other registered requirement has
         * @return this builder
         * @throws IllegalArgumentException if another requirement has the same key
         */
        public Builder stageRequirement(StageRequirement requirement) {
            Objects.requireNonNull(requirement, "requirement");
            for (StageRequirement r : requirements) {
                if (r.key().equals(requirement.key())) {
                    throw new IllegalArgumentException("a stage requirement with the key " + r.key()
                            + " is already registered");
                }
            }
            requirements.add(requirement);
            return this;
        }

        /**
         * Caches pipelines and custom field schemas, which are read far more often than written,
         * and the identity look-ups (contacts by normalized e-mail address, accounts by domain) in
         * this JVM, each cache bounded by {@code maximumSize} entries. A cached look-up sees only
         * committed data; a write through this store
         * invalidates what it wrote when its transaction ends. Writes made by other nodes or behind
         * the store's back are seen once the entry expires, so keep {@code expireAfterWrite} short
         * when several nodes share the database. Only a store that owns its transactions caches.
         *
         * @param maximumSize the most aggregates kept, at least 1
         * @param expireAfterWrite how long an entry may be served, above zero
         * @return this builder
         * @throws IllegalArgumentException if the size or the duration is out of range
         * @throws IllegalStateException if called twice or on a store that joins the host's transactions
         */
        public Builder cache(long maximumSize, Duration expireAfterWrite) {
            if (cacheSize != null) {
                throw new IllegalStateException("the cache was already set to " + cacheSize + " entries");
            }
            if (joined != null) {
                throw new IllegalStateException("a store that joins the host's transactions does not cache:"
                        + " it cannot see when the host commits");
            }
            if (maximumSize < 1) {
                throw new IllegalArgumentException("maximumSize must be at least 1");
            }
            Objects.requireNonNull(expireAfterWrite, "expireAfterWrite");
            if (expireAfterWrite.isNegative() || expireAfterWrite.isZero()) {
                throw new IllegalArgumentException("expireAfterWrite must be above zero");
            }
            cacheSize = maximumSize;
            cacheExpiry = expireAfterWrite;
            return this;
        }

        /**
         * Builds the store.
         *
         * @return the store, immutable and thread-safe
         * @throws IllegalArgumentException if a custom requirement takes a built-in requirement's key
         */
        public JpaCrmStore build() {
            return new JpaCrmStore(this);
        }
    }
}
