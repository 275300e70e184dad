package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.workflow.spi.Timer;
import dev.rapport.crm.workflow.spi.TimerStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The workflow engine's timers in the host's database (table {@code rapport_timer}, created by the
 * {@code V3__rapport_timers.sql} scripts), so waits, retries, schedules and date triggers survive a
 * restart and are shared by every application node on the database.
 *
 * <p>{@link #takeDue(Instant)} claims the earliest due timers with row locks that skip the rows
 * another node holds ({@code SELECT ... FOR UPDATE SKIP LOCKED}) and deletes them in the same
 * transaction, so two nodes never take the same timer and neither waits for the other. It reads
 * the due index, never the whole table: the cost follows the number due.
 *
 * <p>Two transaction modes, as for {@link JpaCrmStore}:
 * <ul>
 *   <li>{@link #owning(EntityManagerFactory)}: each call is a transaction of its own; a claimed
 *       timer is deleted when {@code takeDue} returns. A node that dies after that and before the
 *       engine has run the timer's steps loses the timer;</li>
 *   <li>{@link #joining(Supplier)}: each call runs in the host's transaction. Run the engine's
 *       {@code tick()} inside a transaction, with the engine's CRM store and
 *       {@link JpaIdempotencyLedger} joining the same one: the claim, the steps' changes and their
 *       ledger rows then commit together or not at all, and a node that dies mid-tick leaves its
 *       timers to the next tick of any node.</li>
 * </ul>
 *
 * <pre>{@code
 * TimerStore timers = JpaTimerStore.owning(emf).build();
 * WorkflowEngine engine = WorkflowEngine.builder(crm).timerStore(timers).build();
 * scheduler.scheduleAtFixedRate(engine::tick, 1, 1, TimeUnit.MINUTES);
 * }</pre>
 */
public final class JpaTimerStore implements TimerStore {
    private static final Comparator<TimerEntity> DUE_ORDER = Comparator.comparing((TimerEntity t) -> t.dueAt)
            .thenComparingInt(t -> t.dueAtNanos).thenComparing(t -> t.id);
    private static final Comparator<Timer> TIMER_ORDER = Comparator.comparing(Timer::dueAt).thenComparing(Timer::id);
    /** The most ids in one {@code IN} list. */
    private static final int CHUNK = 500;

    private final Transactions transactions;
    private final StoreDatabase db;
    private final int batchSize;
    private final int maxPerTake;

    private JpaTimerStore(Builder builder) {
        this.transactions = builder.transactions;
        this.db = new StoreDatabase(builder.database, "JpaTimerStore.Builder#database");
        this.batchSize = builder.batchSize;
        this.maxPerTake = builder.maxPerTake;
    }

    /**
     * A store that owns its transactions: one resource-local transaction per call (and per batch
     * of {@code takeDue}), on a new entity manager from the factory.
     *
     * @param factory the entity manager factory of a RESOURCE_LOCAL persistence unit holding the
     *     adapter's mapping file
     * @return a builder
     */
    public static Builder owning(EntityManagerFactory factory) {
        return new Builder(Transactions.owning(factory));
    }

    /**
     * A store that joins the host's transactions: every call uses the entity manager the supplier
     * returns, which must be joined to an active transaction.
     *
     * @param current supplies the entity manager of the current transaction
     * @return a builder
     */
    public static Builder joining(Supplier<EntityManager> current) {
        return new Builder(Transactions.joining(current));
    }

    @Override
    public void schedule(Timer timer) {
        Objects.requireNonNull(timer, "timer");
        // Two nodes scheduling the same new id at once: one insert fails on the key; the retry
        // then finds the row and replaces it. Only an owned transaction can be retried.
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.run(em -> {
                    TimerEntity row = em.find(TimerEntity.class, timer.id());
                    boolean fresh = row == null;
                    TimerEntity target = fresh ? new TimerEntity(timer.id()) : row;
                    write(target, timer);
                    if (fresh) {
                        em.persist(target);
                    }
                    return null;
                });
                return;
            } catch (PersistenceException e) {
                if (!transactions.owns() || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void cancel(String id) {
        Objects.requireNonNull(id, "id");
        transactions.run(em -> em.createQuery("delete from RapportTimer t where t.id = :id")
                .setParameter("id", id).executeUpdate());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Claims in batches of the builder's batch size; an owning store commits each batch before
     * it claims the next. Timers another node holds at that moment are left to it. At most the
     * builder's {@link Builder#maxPerTake(int) maxPerTake} timers are returned; call again for the
     * rest.
     */
    @Override
    public List<Timer> takeDue(Instant now) {
        Objects.requireNonNull(now, "now");
        List<Timer> taken = new ArrayList<>();
        while (taken.size() < maxPerTake) {
            int want = Math.min(batchSize, maxPerTake - taken.size());
            List<Timer> batch = transactions.run(em -> claim(em, now, want));
            if (batch.isEmpty()) {
                break;
            }
            taken.addAll(batch);
        }
        // Each batch is in due order; with several callers at once a later batch can hold earlier
        // timers that another caller had locked a moment before and then left.
        taken.sort(TIMER_ORDER);
        return taken;
    }

    @Override
    public int size() {
        return transactions.read(em -> Math.toIntExact(
                em.createQuery("select count(t) from RapportTimer t", Long.class).getSingleResult()));
    }

    /** Locks, reads and deletes up to {@code limit} of the earliest due timers no one else holds. */
    private List<Timer> claim(EntityManager em, Instant now, int limit) {
        LocalDateTime at = Values.column(now);
        int nanos = Values.nanos(now);
        List<String> ids = database(em) == DatabaseKind.H2 ? lockH2(em, at, nanos, limit)
                : strings(dueQuery(em, claimSql(limit), at, nanos).getResultList());
        if (ids.isEmpty()) {
            return List.of();
        }
        // The rows are read with the locks already held: a locking read sees the current row, never
        // an older snapshot of the host's transaction. Each is detached, so that a timer scheduled
        // again with its id in the same transaction (a retry) is inserted, not taken for the row
        // deleted here.
        List<TimerEntity> rows = new ArrayList<>(ids.size());
        if (database(em) == DatabaseKind.MARIADB) {
            for (String id : ids) {   // by key, see below
                TimerEntity row = em.find(TimerEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (row != null) {
                    em.detach(row);
                    rows.add(row);
                }
            }
        } else {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                for (TimerEntity row : em.createQuery("select t from RapportTimer t where t.id in :ids",
                        TimerEntity.class).setParameter("ids", chunk).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList()) {
                    em.detach(row);
                    rows.add(row);
                }
            }
        }
        if (database(em) == DatabaseKind.MARIADB) {
            // One key look-up per timer: MariaDB may run a locking read or a delete by a list of
            // keys as a scan, and a scan locks every row it reads, so other nodes would skip them all.
            Query delete = em.createQuery("delete from RapportTimer t where t.id = :id");
            for (String id : ids) {
                delete.setParameter("id", id).executeUpdate();
            }
        } else {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                em.createQuery("delete from RapportTimer t where t.id in :ids")
                        .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))).executeUpdate();
            }
        }
        rows.sort(DUE_ORDER);
        List<Timer> timers = new ArrayList<>(rows.size());
        for (TimerEntity row : rows) {
            timers.add(read(row));
        }
        return timers;
    }

    /** Due at or before the instant of parameters 1 (microseconds) and 2 (nanoseconds below). */
    private static final String DUE = "due_at <= ?1 AND (due_at < ?1 OR due_at_nanos <= ?2)";

    /** The claim on PostgreSQL and MariaDB: the earliest due rows no one holds, along the due index. */
    static String claimSql(int limit) {
        return "SELECT id FROM rapport_timer WHERE " + DUE + " ORDER BY due_at, due_at_nanos, id LIMIT " + limit
                + " FOR UPDATE SKIP LOCKED";
    }

    /** A window of due ids in due order, read without locks (H2). */
    static String candidatesSqlH2(int offset, int limit) {
        return "SELECT id FROM rapport_timer WHERE " + DUE + " ORDER BY due_at, due_at_nanos, id OFFSET " + offset
                + " ROWS FETCH NEXT " + limit + " ROWS ONLY";
    }

    private static Query dueQuery(EntityManager em, String sql, LocalDateTime at, int nanos) {
        return em.createNativeQuery(sql).setParameter(1, at).setParameter(2, nanos);
    }

    /**
     * H2 2.x accepts {@code FOR UPDATE SKIP LOCKED}, but a locking query with a row limit locks every
     * row it reads before the limit, not just those it returns. So the candidates are read without
     * locks, in due order a window at a time, and then locked by id, skipping those held; when
     * another node holds a whole window, the next window is tried.
     */
    private static List<String> lockH2(EntityManager em, LocalDateTime at, int nanos, int limit) {
        for (int offset = 0; ; offset += limit) {
            List<String> candidates = strings(dueQuery(em, candidatesSqlH2(offset, limit), at, nanos).getResultList());
            if (candidates.isEmpty()) {
                return List.of();
            }
            StringBuilder sql = new StringBuilder("SELECT id FROM rapport_timer WHERE " + DUE + " AND id IN (");
            for (int i = 0; i < candidates.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append('?').append(i + 3);
            }
            sql.append(") FOR UPDATE SKIP LOCKED");
            Query lock = dueQuery(em, sql.toString(), at, nanos);
            for (int i = 0; i < candidates.size(); i++) {
                lock.setParameter(i + 3, candidates.get(i));
            }
            List<String> locked = strings(lock.getResultList());
            if (!locked.isEmpty() || candidates.size() < limit) {
                return locked;
            }
        }
    }

    private static List<String> strings(List<?> column) {
        List<String> out = new ArrayList<>(column.size());
        for (Object o : column) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    private DatabaseKind database(EntityManager em) {
        return db.of(em);
    }

    private static void write(TimerEntity row, Timer timer) {
        row.tenantId = timer.tenantId().value();
        row.dueAt = Values.column(timer.dueAt());
        row.dueAtNanos = Values.nanos(timer.dueAt());
        row.kind = timer.kind().name();
        row.ruleId = timer.ruleId();
        row.ruleVersion = timer.ruleVersion();
        row.subject = timer.subject();
        row.triggerId = timer.triggerId();
        row.step = timer.step();
        row.attempt = timer.attempt();
    }

    private static Timer read(TimerEntity row) {
        return new Timer(row.id, TenantId.of(row.tenantId), Values.instant(row.dueAt, row.dueAtNanos),
                Timer.Kind.valueOf(row.kind), row.ruleId, row.ruleVersion, row.subject, row.triggerId, row.step,
                row.attempt);
    }

    /**
     * Configures a {@link JpaTimerStore}.
     *
     * <pre>{@code
     * TimerStore timers = JpaTimerStore.joining(() -> sharedEntityManager)
     *     .database(DatabaseKind.POSTGRESQL)
     *     .maxPerTake(500)
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private final Transactions transactions;
        private @Nullable DatabaseKind database;
        private int batchSize = 200;
        private int maxPerTake = Integer.MAX_VALUE;

        private Builder(Transactions transactions) {
            this.transactions = transactions;
        }

        /**
         * Names the database. Without it, the store reads it from the persistence unit's
         * {@code jakarta.persistence.jdbc.url} property, and fails if there is none.
         *
         * @param value the database
         * @return this builder
         */
        public Builder database(DatabaseKind value) {
            database = Objects.requireNonNull(value, "database");
            return this;
        }

        /**
         * How many timers one claim locks (default 200): smaller batches let several nodes share
         * the due timers more evenly; an owning store commits each batch.
         *
         * @param value at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
            batchSize = value;
            return this;
        }

        /**
         * The most timers one {@code takeDue} returns (default: all that are due), to keep a tick
         * run inside one host transaction bounded. The rest stay for the next call.
         *
         * @param value at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxPerTake(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxPerTake must be at least 1");
            }
            maxPerTake = value;
            return this;
        }

        /**
         * Builds the store.
         *
         * @return the store, thread-safe
         */
        public JpaTimerStore build() {
            return new JpaTimerStore(this);
        }
    }
}
