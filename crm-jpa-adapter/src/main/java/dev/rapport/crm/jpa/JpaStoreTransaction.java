package dev.rapport.crm.jpa;

import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.activity.ActivityStore;
import dev.rapport.crm.activity.TaskStore;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.field.CustomFieldSchemaStore;
import dev.rapport.crm.governance.ConsentStore;
import dev.rapport.crm.governance.TombstoneStore;
import dev.rapport.crm.identity.MergeRecordStore;
import dev.rapport.crm.io.ExternalKeyStore;
import dev.rapport.crm.lead.LeadStore;
import dev.rapport.crm.marketing.CampaignMemberStore;
import dev.rapport.crm.marketing.CampaignStore;
import dev.rapport.crm.party.AccountStore;
import dev.rapport.crm.party.ContactStore;
import dev.rapport.crm.revenue.SubscriptionStore;
import dev.rapport.crm.sales.OpportunityStore;
import dev.rapport.crm.sales.PipelineStore;
import dev.rapport.crm.service.TicketStore;
import dev.rapport.crm.spi.StoreTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One unit of work of {@link JpaCrmStore} on one entity manager, for one tenant. */
final class JpaStoreTransaction implements StoreTransaction {
    private final EntityManager em;
    private final TenantId tenant;
    private final boolean readOnly;
    private final StageRequirements requirements;
    private @Nullable JpaContactStore contacts;
    private @Nullable JpaAccountStore accounts;
    private @Nullable JpaPipelineStore pipelines;
    private @Nullable JpaOpportunityStore opportunities;
    private @Nullable JpaLeadStore leads;
    private @Nullable JpaSubscriptionStore subscriptions;
    private @Nullable JpaCustomFieldSchemaStore schemas;
    private @Nullable JpaActivityStore activities;
    private @Nullable JpaTaskStore tasks;
    private @Nullable JpaTicketStore tickets;
    private @Nullable JpaCampaignStore campaigns;
    private @Nullable JpaCampaignMemberStore campaignMembers;
    private @Nullable JpaConsentStore consents;
    private @Nullable JpaTombstoneStore tombstones;
    private @Nullable JpaMergeRecordStore mergeRecords;
    private @Nullable JpaExternalKeyStore externalKeys;

    private final @Nullable AggregateCache cache;
    private final @Nullable EntityManagerFactory factory;
    private final Set<AggregateCache.Key> touched = new HashSet<>();
    private final Map<String, Inserts> inserted = new LinkedHashMap<>();

    JpaStoreTransaction(EntityManager em, TenantId tenant, boolean readOnly, StageRequirements requirements) {
        this(em, tenant, readOnly, requirements, null, null);
    }

    /**
     * A unit of work whose cached look-ups load misses from {@code factory} in a transaction of
     * their own, so that the cache only ever holds committed rows.
     */
    JpaStoreTransaction(EntityManager em, TenantId tenant, boolean readOnly, StageRequirements requirements,
            @Nullable AggregateCache cache, @Nullable EntityManagerFactory factory) {
        this.em = em;
        this.tenant = tenant;
        this.readOnly = readOnly;
        this.requirements = requirements;
        this.cache = cache;
        this.factory = factory;
    }

    /**
     * Whether inserts rely on the primary key to refuse a taken id instead of looking it up first:
     * only when the store owns the transaction, as it can then read the committed rows to name the
     * conflict after the database refused the unit of work ({@link #takenInsert()}).
     */
    boolean checksInsertsByKey() {
        return factory != null;
    }

    /**
     * Records an insert that the primary key checks.
     *
     * @return false if this unit of work already inserted that id
     */
    boolean inserting(String entityName, String typeName, String id) {
        return inserted.computeIfAbsent(entityName, name -> new Inserts(typeName, new LinkedHashSet<>())).ids()
                .add(id);
    }

    /**
     * After the unit of work failed and was rolled back: the conflict of the first id it inserted
     * that a committed row holds, if any, read in a transaction of its own.
     */
    Optional<CrmConflictException> takenInsert() {
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        return readCommitted(other -> {
            for (Map.Entry<String, Inserts> type : inserted.entrySet()) {
                List<String> ids = List.copyOf(type.getValue().ids());
                Map<String, Long> stored = new HashMap<>();
                for (int from = 0; from < ids.size(); from += 500) {
                    for (Object[] row : other.createQuery("select e.id, e.version from " + type.getKey()
                            + " e where e.tenantId = :tenant and e.id in :ids", Object[].class)
                            .setParameter("tenant", tenant.value())
                            .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                            .getResultList()) {
                        stored.put((String) row[0], ((Number) row[1]).longValue());
                    }
                }
                for (String id : ids) {
                    Long version = stored.get(id);
                    if (version != null) {
                        return Optional.of(new CrmConflictException(type.getValue().typeName(), id, 0, version));
                    }
                }
            }
            return Optional.<CrmConflictException>empty();
        });
    }

    /** The ids of one aggregate type this unit of work inserted, in order. */
    private record Inserts(String typeName, Set<String> ids) {
    }

    @Nullable AggregateCache cache() {
        return factory == null ? null : cache;
    }

    boolean touched(AggregateCache.Key key) {
        return touched.contains(key);
    }

    void touch(AggregateCache.Key key) {
        touched.add(key);
    }

    /** The keys this unit of work wrote, to invalidate once it has ended. */
    Set<AggregateCache.Key> touchedKeys() {
        return touched;
    }

    /** Runs a read on a new entity manager in a transaction of its own: it sees committed rows only. */
    <R> R readCommitted(Function<EntityManager, R> read) {
        EntityManager other = Objects.requireNonNull(factory).createEntityManager();
        try {
            EntityTransaction transaction = other.getTransaction();
            transaction.begin();
            try {
                return read.apply(other);
            } finally {
                transaction.rollback();
            }
        } finally {
            other.close();
        }
    }

    EntityManager em() {
        return em;
    }

    StageRequirements requirements() {
        return requirements;
    }

    void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("read-only transaction");
        }
    }

    @Override
    public TenantId tenant() {
        return tenant;
    }

    @Override
    public ContactStore contacts() {
        JpaContactStore s = contacts;
        return s != null ? s : (contacts = new JpaContactStore(this));
    }

    @Override
    public AccountStore accounts() {
        JpaAccountStore s = accounts;
        return s != null ? s : (accounts = new JpaAccountStore(this));
    }

    @Override
    public PipelineStore pipelines() {
        JpaPipelineStore s = pipelines;
        return s != null ? s : (pipelines = new JpaPipelineStore(this));
    }

    @Override
    public OpportunityStore opportunities() {
        JpaOpportunityStore s = opportunities;
        return s != null ? s : (opportunities = new JpaOpportunityStore(this));
    }

    @Override
    public LeadStore leads() {
        JpaLeadStore s = leads;
        return s != null ? s : (leads = new JpaLeadStore(this));
    }

    @Override
    public SubscriptionStore subscriptions() {
        JpaSubscriptionStore s = subscriptions;
        return s != null ? s : (subscriptions = new JpaSubscriptionStore(this));
    }

    @Override
    public CustomFieldSchemaStore customFieldSchemas() {
        JpaCustomFieldSchemaStore s = schemas;
        return s != null ? s : (schemas = new JpaCustomFieldSchemaStore(this));
    }

    @Override
    public ActivityStore activities() {
        JpaActivityStore s = activities;
        return s != null ? s : (activities = new JpaActivityStore(this));
    }

    @Override
    public TaskStore tasks() {
        JpaTaskStore s = tasks;
        return s != null ? s : (tasks = new JpaTaskStore(this));
    }

    @Override
    public TicketStore tickets() {
        JpaTicketStore s = tickets;
        return s != null ? s : (tickets = new JpaTicketStore(this));
    }

    @Override
    public CampaignStore campaigns() {
        JpaCampaignStore s = campaigns;
        return s != null ? s : (campaigns = new JpaCampaignStore(this));
    }

    @Override
    public CampaignMemberStore campaignMembers() {
        JpaCampaignMemberStore s = campaignMembers;
        return s != null ? s : (campaignMembers = new JpaCampaignMemberStore(this));
    }

    @Override
    public ConsentStore consents() {
        JpaConsentStore s = consents;
        return s != null ? s : (consents = new JpaConsentStore(this));
    }

    @Override
    public TombstoneStore tombstones() {
        JpaTombstoneStore s = tombstones;
        return s != null ? s : (tombstones = new JpaTombstoneStore(this));
    }

    @Override
    public MergeRecordStore mergeRecords() {
        JpaMergeRecordStore s = mergeRecords;
        return s != null ? s : (mergeRecords = new JpaMergeRecordStore(this));
    }

    @Override
    public ExternalKeyStore externalKeys() {
        JpaExternalKeyStore s = externalKeys;
        return s != null ? s : (externalKeys = new JpaExternalKeyStore(this));
    }

    /**
     * Deletes from the outbox, in this transaction, the undelivered events of which one of the
     * subjects is a subject. Candidates are the rows whose first subject or JSON payload names one of
     * the ids; each is decoded and kept unless its subjects (compared with their types) include one.
     */
    @Override
    public int forgetEvents(Collection<? extends EntityId> subjects) {
        checkWritable();
        Set<EntityId> ids = Set.copyOf(subjects);
        if (ids.isEmpty()) {
            return 0;
        }
        em.flush();
        List<String> values = ids.stream().map(EntityId::value).distinct().sorted().toList();
        StringBuilder jpql = new StringBuilder("select o from RapportOutboxEvent o where o.tenantId = :tenant"
                + " and (o.subjectId in :values");
        for (int i = 0; i < values.size(); i++) {
            jpql.append(" or o.payload like :p").append(i).append(" escape '!'");
        }
        jpql.append(')');
        TypedQuery<OutboxEntity> query = em.createQuery(jpql.toString(), OutboxEntity.class)
                .setParameter("tenant", tenant.value())
                .setParameter("values", values);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter("p" + i, "%" + likeLiteral(Json.write(values.get(i))) + "%");
        }
        int forgotten = 0;
        for (OutboxEntity row : query.getResultList()) {
            CrmEvent event = EventCodec.decode(row.eventType, row.payload);
            if (event.subjects().stream().anyMatch(ids::contains)) {
                em.remove(row);
                forgotten++;
            }
        }
        return forgotten;
    }

    /** The text with the LIKE wildcards and the escape character escaped by {@code !}. */
    private static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Writes the events to the outbox table, in order, in this transaction. */
    @Override
    public void append(List<CrmEvent> events) {
        checkWritable();
        for (CrmEvent event : events) {
            if (!event.meta().tenantId().equals(tenant)) {
                throw new IllegalArgumentException("an event of another tenant than the transaction's");
            }
            List<EntityId> subjects = event.subjects();
            em.persist(new OutboxEntity(tenant.value(), event.meta().id().value(), event.getClass().getSimpleName(),
                    subjects.isEmpty() ? null : subjects.get(0).value(), Values.column(event.meta().occurredAt()),
                    EventCodec.encode(event)));
        }
    }
}
