package dev.rapport.crm.jpa;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.workflow.spi.SegmentStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The members of the workflow engine's dynamic segments in the host's database (table
 * {@code rapport_workflow_segment_member}, created by the {@code V5__rapport_segments.sql}
 * scripts), so that an engine restarted on the database, or another application node sharing it,
 * does not take a member that is still in a segment for a new entry, and fires the segment's left
 * rules when it leaves.
 *
 * <p>{@link #add} and {@link #remove} are atomic across nodes: a member is added with an insert
 * that does nothing when the row is already there ({@code ON CONFLICT DO NOTHING},
 * {@code INSERT IGNORE}, H2's {@code MERGE}) and removed with a delete, and the change is reported
 * only when a row was inserted or deleted, so of two nodes making the same move exactly one sees
 * it. A call that would change nothing (the usual case: a member changed and stays in, or an
 * entity changed and stays out) is a read by primary key and writes nothing. The rows hold the
 * tenant, the segment's name and the entity's id, no personal data.
 *
 * <p>Two transaction modes, as for {@link JpaEnrollmentStore}:
 * <ul>
 *   <li>{@link #owning(EntityManagerFactory)}: each call is a transaction of its own, committed
 *       when it returns (a call that meets a conflict is tried again, at most three times);</li>
 *   <li>{@link #joining(Supplier)}: each call runs in the host's transaction, so a move commits
 *       with the changes of the rules it fired.</li>
 * </ul>
 *
 * <pre>{@code
 * WorkflowEngine engine = WorkflowEngine.builder(crm)
 *     .enrollmentStore(JpaEnrollmentStore.owning(emf).build())
 *     .segmentStore(JpaSegmentStore.owning(emf).build())
 *     .build();
 * }</pre>
 */
public final class JpaSegmentStore implements SegmentStore {
    private static final int ATTEMPTS = 3;
    /** The widths of the table's columns. */
    private static final int SEGMENT_LENGTH = 128;
    private static final int MEMBER_LENGTH = 200;

    private final Transactions transactions;
    private final StoreDatabase db;

    private JpaSegmentStore(Builder builder) {
        this.transactions = builder.transactions;
        this.db = new StoreDatabase(builder.database, "JpaSegmentStore.Builder#database");
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

    /**
     * {@inheritDoc}
     *
     * @throws CrmValidationException if the segment's name or the member is longer than its column
     */
    @Override
    public boolean add(TenantId tenant, String segment, String member) {
        WorkflowSegmentMemberEntity.Key key = key(tenant, segment, member);
        return retried(em -> !present(em, key) && insertUnlessPresent(em, key) == 1);
    }

    /**
     * {@inheritDoc}
     *
     * @throws CrmValidationException if the segment's name or the member is longer than its column
     */
    @Override
    public boolean remove(TenantId tenant, String segment, String member) {
        WorkflowSegmentMemberEntity.Key key = key(tenant, segment, member);
        return retried(em -> present(em, key) && em.createQuery("delete from RapportWorkflowSegmentMember m"
                + " where m.tenantId = :tenant and m.segment = :segment and m.member = :member")
                .setParameter("tenant", key.tenantId).setParameter("segment", key.segment)
                .setParameter("member", key.member).executeUpdate() == 1);
    }

    @Override
    public Set<String> members(TenantId tenant, String segment) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(segment, "segment");
        return transactions.read(em -> Set.copyOf(em.createQuery("select m.member from RapportWorkflowSegmentMember m"
                + " where m.tenantId = :tenant and m.segment = :segment", String.class)
                .setParameter("tenant", tenant.value()).setParameter("segment", segment).getResultList()));
    }

    @Override
    public long count(TenantId tenant, String segment) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(segment, "segment");
        return transactions.read(em -> em.createQuery("select count(m) from RapportWorkflowSegmentMember m"
                + " where m.tenantId = :tenant and m.segment = :segment", Long.class)
                .setParameter("tenant", tenant.value()).setParameter("segment", segment).getSingleResult());
    }

    private static WorkflowSegmentMemberEntity.Key key(TenantId tenant, String segment, String member) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(member, "member");
        if (segment.length() > SEGMENT_LENGTH) {
            throw new CrmValidationException("segment", "must be at most " + SEGMENT_LENGTH + " characters");
        }
        if (member.length() > MEMBER_LENGTH) {
            throw new CrmValidationException("member", "must be at most " + MEMBER_LENGTH + " characters");
        }
        return new WorkflowSegmentMemberEntity.Key(tenant.value(), segment, member);
    }

    /** Whether the row is there, read by primary key (a look-up does not flush the host's changes). */
    private static boolean present(EntityManager em, WorkflowSegmentMemberEntity.Key key) {
        WorkflowSegmentMemberEntity row = em.find(WorkflowSegmentMemberEntity.class, key);
        if (row == null) {
            return false;
        }
        em.detach(row);
        return true;
    }

    /** Runs the work; an owned transaction that meets a conflict (a race on a new key) is run again. */
    private <T> T retried(Function<EntityManager, T> work) {
        return transactions.runRetried(work, ATTEMPTS);
    }

    private int insertUnlessPresent(EntityManager em, WorkflowSegmentMemberEntity.Key key) {
        return em.createNativeQuery(insertSql(database(em)))
                .setParameter(1, key.tenantId)
                .setParameter(2, key.segment)
                .setParameter(3, key.member)
                .executeUpdate();
    }

    private static final String COLUMNS = "tenant_id, segment_name, member_id";

    /** Inserts a row unless the table has it; the count of rows changed says whether it was new. */
    static String insertSql(DatabaseKind database) {
        return switch (database) {
            case POSTGRESQL -> "INSERT INTO rapport_workflow_segment_member (" + COLUMNS + ") VALUES (?1, ?2, ?3)"
                    + " ON CONFLICT (" + COLUMNS + ") DO NOTHING";
            case MARIADB -> "INSERT IGNORE INTO rapport_workflow_segment_member (" + COLUMNS + ") VALUES (?1, ?2, ?3)";
            case H2 -> "MERGE INTO rapport_workflow_segment_member s USING (VALUES (CAST(?1 AS VARCHAR(64)),"
                    + " CAST(?2 AS VARCHAR(128)), CAST(?3 AS VARCHAR(200)))) AS n (" + COLUMNS + ")"
                    + " ON s.tenant_id = n.tenant_id AND s.segment_name = n.segment_name AND s.member_id = n.member_id"
                    + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (n.tenant_id, n.segment_name,"
                    + " n.member_id)";
        };
    }

    private DatabaseKind database(EntityManager em) {
        return db.of(em);
    }

    /**
     * Configures a {@link JpaSegmentStore}.
     *
     * <pre>{@code
     * SegmentStore segments = JpaSegmentStore.joining(() -> sharedEntityManager)
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
        public JpaSegmentStore build() {
            return new JpaSegmentStore(this);
        }
    }
}
