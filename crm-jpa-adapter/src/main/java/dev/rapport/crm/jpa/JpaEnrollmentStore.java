package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.workflow.spi.EnrollmentKey;
import dev.rapport.crm.workflow.spi.EnrollmentState;
import dev.rapport.crm.workflow.spi.EnrollmentStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The workflow engine's enrollments and edge memory in the host's database (tables
 * {@code rapport_workflow_enrollment} and {@code rapport_workflow_edge}, created by the
 * {@code V4__rapport_enrollments.sql} scripts), so that an entity enrolled once is not enrolled
 * again after a restart, an edge-triggered rule keeps the last result of its condition, and two
 * application nodes on the database never both start an enrollment of one rule for one entity.
 *
 * <p>{@link #update(EnrollmentKey, UnaryOperator)} is atomic across nodes: a new key is created with an
 * insert that does nothing when another node created the row first ({@code ON CONFLICT DO
 * NOTHING}, {@code INSERT IGNORE}, H2's {@code MERGE}), and an existing row is changed under its
 * row lock ({@code SELECT ... FOR UPDATE}), the change function applied to the row as locked. The
 * rows hold tenant, rule and entity ids and flags, no personal data.
 *
 * <p>Two transaction modes, as for {@link JpaTimerStore}:
 * <ul>
 *   <li>{@link #owning(EntityManagerFactory)}: each call is a transaction of its own, committed
 *       when it returns (a call that meets a conflict is tried again, at most three times);</li>
 *   <li>{@link #joining(Supplier)}: each call runs in the host's transaction, so an enrollment
 *       commits with the steps' changes, the ledger rows and the timers of the same transaction.
 *       Row locks are then held until the host commits.</li>
 * </ul>
 *
 * <pre>{@code
 * WorkflowEngine engine = WorkflowEngine.builder(crm)
 *     .timerStore(JpaTimerStore.owning(emf).build())
 *     .ledger(JpaIdempotencyLedger.owning(emf).build())
 *     .enrollmentStore(JpaEnrollmentStore.owning(emf).build())
 *     .build();
 * }</pre>
 */
public final class JpaEnrollmentStore implements EnrollmentStore {
    private static final int ATTEMPTS = 3;

    private final Transactions transactions;
    private final StoreDatabase db;

    private JpaEnrollmentStore(Builder builder) {
        this.transactions = builder.transactions;
        this.db = new StoreDatabase(builder.database, "JpaEnrollmentStore.Builder#database");
    }

    /**
     * A store that owns its transactions: each call is a resource-local transaction of its own, on
     * a new entity manager from the factory.
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
    public @Nullable EnrollmentState find(EnrollmentKey enrollment) {
        String key = Objects.requireNonNull(enrollment, "key").value();
        // A look-up by key: unlike a query, it does not flush the host's pending changes first.
        return transactions.read(em -> {
            WorkflowEnrollmentEntity row = em.find(WorkflowEnrollmentEntity.class, key);
            if (row == null) {
                return null;
            }
            em.detach(row);
            return read(row);
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>The function runs on the state as read under the row's lock (or on null for a key without
     * a row): once, or again after another node created the row first.
     */
    @Override
    public @Nullable EnrollmentState update(EnrollmentKey enrollment, UnaryOperator<@Nullable EnrollmentState> change) {
        String key = Objects.requireNonNull(enrollment, "key").value();
        Objects.requireNonNull(change, "change");
        return retried(em -> change(em, key, change));
    }

    private @Nullable EnrollmentState change(EntityManager em, String key,
            UnaryOperator<@Nullable EnrollmentState> change) {
        EnrollmentState created = change.apply(null);
        if (created == null) {
            // Nothing to create: a key without a row stays so, and needs no lock.
            WorkflowEnrollmentEntity seen = em.find(WorkflowEnrollmentEntity.class, key);
            if (seen == null) {
                return null;
            }
            em.detach(seen);   // read again under the lock below, never from this first look
        } else if (insertUnlessPresent(em, key, created) == 1) {
            return created;
        }
        WorkflowEnrollmentEntity row = em.find(WorkflowEnrollmentEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            // The row another node had was removed meanwhile (rows are only removed by clean-up).
            throw new PersistenceException("the enrollment row changed while it was being updated");
        }
        try {
            EnrollmentState current = read(row);
            EnrollmentState next = change.apply(current);
            if (next == null || next.equals(current)) {
                return current;
            }
            write(row, next);
            em.flush();
            return next;
        } finally {
            em.detach(row);
        }
    }

    @Override
    public Set<String> unarmedRules(TenantId tenant, String subject) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subject, "subject");
        return transactions.read(em -> Set.copyOf(em.createQuery("select e.ruleId from RapportWorkflowEnrollment e"
                + " where e.tenantId = :tenant and e.subject = :subject and e.armed = false", String.class)
                .setParameter("tenant", tenant.value()).setParameter("subject", subject).getResultList()));
    }

    @Override
    public @Nullable Boolean swapCondition(EnrollmentKey enrollment, boolean result) {
        String key = Objects.requireNonNull(enrollment, "key").value();
        TenantId tenant = enrollment.tenant();
        return retried(em -> {
            WorkflowEdgeEntity seen = em.find(WorkflowEdgeEntity.class, key);
            if (seen != null) {
                em.detach(seen);
                if (seen.lastResult == result) {
                    return result;   // recording the same result again changes nothing
                }
            } else if (insertEdgeUnlessPresent(em, key, tenant, result) == 1) {
                return null;
            }
            WorkflowEdgeEntity row = em.find(WorkflowEdgeEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (row == null) {
                throw new PersistenceException("the edge row changed while it was being updated");
            }
            try {
                boolean before = row.lastResult;
                if (before != result) {
                    row.lastResult = result;
                    em.flush();
                }
                return before;
            } finally {
                em.detach(row);
            }
        });
    }

    /** Runs the work; an owned transaction that meets a conflict (a race on a new key) is run again. */
    private <T> T retried(Function<EntityManager, T> work) {
        return transactions.runRetried(work, ATTEMPTS);
    }

    private int insertUnlessPresent(EntityManager em, String key, EnrollmentState state) {
        String subject = state.subject();
        Query insert = em.createNativeQuery(insertEnrollmentSql(database(em), subject != null))
                .setParameter(1, key)
                .setParameter(2, state.tenantId().value())
                .setParameter(3, state.ruleId())
                .setParameter(4, state.ruleVersion())
                .setParameter(6, state.triggerId())
                .setParameter(7, state.active())
                .setParameter(8, state.armed());
        if (subject != null) {
            insert.setParameter(5, subject);
        }
        return insert.executeUpdate();
    }

    private static final String ENROLLMENT_COLUMNS = "enrollment_key, tenant_id, rule_id, rule_version, subject,"
            + " trigger_id, is_active, is_armed";

    /** Inserts a row unless the key has one; a null subject is written as a literal (no typed null to bind). */
    static String insertEnrollmentSql(DatabaseKind database, boolean withSubject) {
        String subject = withSubject ? "?5" : "NULL";
        return switch (database) {
            case POSTGRESQL -> "INSERT INTO rapport_workflow_enrollment (" + ENROLLMENT_COLUMNS + ") VALUES (?1, ?2, ?3,"
                    + " ?4, " + subject + ", ?6, ?7, ?8) ON CONFLICT (enrollment_key) DO NOTHING";
            case MARIADB -> "INSERT IGNORE INTO rapport_workflow_enrollment (" + ENROLLMENT_COLUMNS + ") VALUES (?1, ?2,"
                    + " ?3, ?4, " + subject + ", ?6, ?7, ?8)";
            case H2 -> "MERGE INTO rapport_workflow_enrollment e USING (VALUES (CAST(?1 AS VARCHAR(512)),"
                    + " CAST(?2 AS VARCHAR(64)), CAST(?3 AS VARCHAR(128)), CAST(?4 AS INTEGER), CAST(" + subject
                    + " AS VARCHAR(200)), CAST(?6 AS VARCHAR(256)), CAST(?7 AS BOOLEAN), CAST(?8 AS BOOLEAN)))"
                    + " AS n (" + ENROLLMENT_COLUMNS + ") ON e.enrollment_key = n.enrollment_key"
                    + " WHEN NOT MATCHED THEN INSERT (" + ENROLLMENT_COLUMNS + ") VALUES (n.enrollment_key,"
                    + " n.tenant_id, n.rule_id, n.rule_version, n.subject, n.trigger_id, n.is_active, n.is_armed)";
        };
    }

    private int insertEdgeUnlessPresent(EntityManager em, String key, TenantId tenant, boolean result) {
        return em.createNativeQuery(insertEdgeSql(database(em)))
                .setParameter(1, key)
                .setParameter(2, tenant.value())
                .setParameter(3, result)
                .executeUpdate();
    }

    static String insertEdgeSql(DatabaseKind database) {
        return switch (database) {
            case POSTGRESQL -> "INSERT INTO rapport_workflow_edge (edge_key, tenant_id, last_result) VALUES (?1, ?2, ?3)"
                    + " ON CONFLICT (edge_key) DO NOTHING";
            case MARIADB -> "INSERT IGNORE INTO rapport_workflow_edge (edge_key, tenant_id, last_result)"
                    + " VALUES (?1, ?2, ?3)";
            case H2 -> "MERGE INTO rapport_workflow_edge e USING (VALUES (CAST(?1 AS VARCHAR(512)),"
                    + " CAST(?2 AS VARCHAR(64)), CAST(?3 AS BOOLEAN))) AS n (edge_key, tenant_id, last_result)"
                    + " ON e.edge_key = n.edge_key WHEN NOT MATCHED THEN INSERT (edge_key, tenant_id, last_result)"
                    + " VALUES (n.edge_key, n.tenant_id, n.last_result)";
        };
    }

    private static EnrollmentState read(WorkflowEnrollmentEntity row) {
        return new EnrollmentState(TenantId.of(row.tenantId), row.ruleId, row.ruleVersion, row.subject,
                row.triggerId, row.active, row.armed);
    }

    private static void write(WorkflowEnrollmentEntity row, EnrollmentState state) {
        row.tenantId = state.tenantId().value();
        row.ruleId = state.ruleId();
        row.ruleVersion = state.ruleVersion();
        row.subject = state.subject();
        row.triggerId = state.triggerId();
        row.active = state.active();
        row.armed = state.armed();
    }

    private DatabaseKind database(EntityManager em) {
        return db.of(em);
    }

    /**
     * Configures a {@link JpaEnrollmentStore}.
     *
     * <pre>{@code
     * EnrollmentStore enrollments = JpaEnrollmentStore.joining(() -> sharedEntityManager)
     *     .database(DatabaseKind.POSTGRESQL)
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private final Transactions transactions;
        private @Nullable DatabaseKind database;

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
         * Builds the store.
         *
         * @return the store, thread-safe
         */
        public JpaEnrollmentStore build() {
            return new JpaEnrollmentStore(this);
        }
    }
}
