package dev.rapport.crm.jpa;

import dev.rapport.crm.workflow.spi.IdempotencyLedger;
import dev.rapport.crm.workflow.spi.StepKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The workflow engine's idempotency ledger in the host's database (table
 * {@code rapport_workflow_step}, created by the {@code V3__rapport_timers.sql} scripts): the steps
 * the engine has run, so that a step does not run again after a restart or on another node.
 *
 * <p>What "once" means depends on the transactions:
 * <ul>
 *   <li>{@link #joining(Supplier)}, with the engine driven inside the host's transaction (events
 *       delivered from {@link JpaOutbox#joining(Supplier)}, {@code tick()} with a joining
 *       {@link JpaTimerStore}) and the step's own changes made in that transaction: the change and
 *       its ledger row commit together, so the step happens exactly once;</li>
 *   <li>{@link #owning(EntityManagerFactory)}: the row is committed right after the step returned;
 *       a process that dies between the two runs the step again on redelivery (at least once).</li>
 * </ul>
 *
 * <pre>{@code
 * WorkflowEngine engine = WorkflowEngine.builder(crm)
 *     .ledger(JpaIdempotencyLedger.owning(emf).build())
 *     .timerStore(JpaTimerStore.owning(emf).build())
 *     .build();
 * }</pre>
 */
public final class JpaIdempotencyLedger implements IdempotencyLedger {
    private final Transactions transactions;
    private final StoreDatabase db;
    private final Clock clock;

    private JpaIdempotencyLedger(Builder builder) {
        this.transactions = builder.transactions;
        this.db = new StoreDatabase(builder.database, "JpaIdempotencyLedger.Builder#database");
        this.clock = builder.clock;
    }

    /**
     * A ledger that owns its transactions: each call is a resource-local transaction of its own.
     *
     * @param factory the entity manager factory of a RESOURCE_LOCAL persistence unit holding the
     *     adapter's mapping file
     * @return a builder
     */
    public static Builder owning(EntityManagerFactory factory) {
        return new Builder(Transactions.owning(factory));
    }

    /**
     * A ledger that joins the host's transactions: every call uses the entity manager the supplier
     * returns, which must be joined to an active transaction for {@link #markDone(StepKey)}.
     *
     * @param current supplies the entity manager of the current transaction
     * @return a builder
     */
    public static Builder joining(Supplier<EntityManager> current) {
        return new Builder(Transactions.joining(current));
    }

    @Override
    public boolean isDone(StepKey step) {
        String key = Objects.requireNonNull(step, "key").value();
        // A look-up by key: unlike a query, it does not flush the host's pending changes first.
        return transactions.read(em -> em.find(WorkflowStepEntity.class, key) != null);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Recording a key twice, also from two nodes at once, keeps one row.
     */
    @Override
    public void markDone(StepKey step) {
        String key = Objects.requireNonNull(step, "key").value();
        Instant now = clock.instant();
        String tenant = step.tenant().value();
        transactions.run(em -> em.createNativeQuery(insertUnlessPresent(database(em)))
                .setParameter(1, key)
                .setParameter(2, tenant)
                .setParameter(3, Values.column(now))
                .setParameter(4, Values.nanos(now))
                .executeUpdate());
    }

    private static String insertUnlessPresent(DatabaseKind database) {
        return switch (database) {
            case POSTGRESQL -> "INSERT INTO rapport_workflow_step (step_key, tenant_id, done_at, done_at_nanos)"
                    + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (step_key) DO NOTHING";
            case MARIADB -> "INSERT INTO rapport_workflow_step (step_key, tenant_id, done_at, done_at_nanos)"
                    + " VALUES (?1, ?2, ?3, ?4) ON DUPLICATE KEY UPDATE step_key = step_key";
            case H2 -> "MERGE INTO rapport_workflow_step s USING (VALUES (CAST(?1 AS VARCHAR(700)),"
                    + " CAST(?2 AS VARCHAR(64)), CAST(?3 AS TIMESTAMP(6)), CAST(?4 AS INTEGER)))"
                    + " AS n (step_key, tenant_id, done_at, done_at_nanos) ON s.step_key = n.step_key"
                    + " WHEN NOT MATCHED THEN INSERT (step_key, tenant_id, done_at, done_at_nanos)"
                    + " VALUES (n.step_key, n.tenant_id, n.done_at, n.done_at_nanos)";
        };
    }

    private DatabaseKind database(EntityManager em) {
        return db.of(em);
    }

    /**
     * Configures a {@link JpaIdempotencyLedger}.
     *
     * <pre>{@code
     * IdempotencyLedger ledger = JpaIdempotencyLedger.joining(() -> sharedEntityManager)
     *     .database(DatabaseKind.MARIADB)
     *     .clock(clock)
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private final Transactions transactions;
        private @Nullable DatabaseKind database;
        private Clock clock = Clock.systemUTC();

        private Builder(Transactions transactions) {
            this.transactions = transactions;
        }

        /**
         * Names the database. Without it, the ledger reads it from the persistence unit's
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
         * The clock of the {@code done_at} column (default: the system clock, UTC); give it the
         * CRM's clock.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Builds the ledger.
         *
         * @return the ledger, thread-safe
         */
        public JpaIdempotencyLedger build() {
            return new JpaIdempotencyLedger(this);
        }
    }
}
