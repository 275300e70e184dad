package dev.rapport.crm;

import dev.rapport.crm.activity.ActivityService;
import dev.rapport.crm.activity.TaskService;
import dev.rapport.crm.directory.Assignment;
import dev.rapport.crm.directory.Directory;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.event.CrmEvents;
import dev.rapport.crm.field.CustomFieldService;
import dev.rapport.crm.governance.PrivacyService;
import dev.rapport.crm.identity.DuplicateService;
import dev.rapport.crm.identity.ProfileService;
import dev.rapport.crm.internal.EventDispatcher;
import dev.rapport.crm.internal.GovernanceSettings;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.io.ExportService;
import dev.rapport.crm.io.ImportService;
import dev.rapport.crm.lead.LeadService;
import dev.rapport.crm.marketing.CampaignService;
import dev.rapport.crm.memory.InMemoryAuditSink;
import dev.rapport.crm.memory.InMemoryStore;
import dev.rapport.crm.party.AccountService;
import dev.rapport.crm.party.ContactService;
import dev.rapport.crm.revenue.ExchangeRates;
import dev.rapport.crm.revenue.SubscriptionService;
import dev.rapport.crm.sales.OpportunityService;
import dev.rapport.crm.sales.PipelineService;
import dev.rapport.crm.service.TicketService;
import dev.rapport.crm.spi.AccessPolicy;
import dev.rapport.crm.spi.AuditSink;
import dev.rapport.crm.spi.CrmStore;
import dev.rapport.crm.spi.EventPublisher;
import dev.rapport.crm.spi.IdGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The CRM: one service per area, all working on one tenant's data in one store. Built once by
 * the host with {@link #builder()}, thread-safe, and cheap to view for another tenant with
 * {@link #forTenant(TenantId)}.
 *
 * <pre>{@code
 * Crm crm = Crm.builder()                     // in-memory store by default: zero infrastructure
 *     .clock(Clock.systemUTC())
 *     .build();
 *
 * Account acme = crm.accounts().create(NewAccount.named("Acme GmbH").domain("acme.example"));
 * Contact ada  = crm.contacts().create(NewContact.named("Ada", "Lovelace")
 *                     .email("ada@acme.example").account(acme.id()));
 * }</pre>
 */
public final class Crm {
    private final ServiceContext context;
    private final AccountService accounts;
    private final ContactService contacts;
    private final CrmEvents events;

    private final PipelineService pipelines;
    private final OpportunityService opportunities;

    private final LeadService leads;

    private final ActivityService activities;
    private final TaskService tasks;
    private final TicketService tickets;
    private final CampaignService campaigns;

    private final Assignment assignment;
    private final SubscriptionService subscriptions;
    private final CustomFieldService customFields;

    private final DuplicateService duplicates;
    private final ProfileService profiles;

    private final PrivacyService privacy;

    private final ImportService imports;
    private final ExportService exports;

    private Crm(ServiceContext context) {
        this.context = context;
        this.accounts = new AccountService(context);
        this.contacts = new ContactService(context);
        this.events = new CrmEvents(context.dispatcher(), context.tenant());

        this.pipelines = new PipelineService(context);
        this.opportunities = new OpportunityService(context);

        this.leads = new LeadService(context);

        this.activities = new ActivityService(context);
        this.tasks = new TaskService(context);
        this.tickets = new TicketService(context);
        this.campaigns = new CampaignService(context);

        this.assignment = context.shared(Assignment.class, () -> new Assignment(context.directory()));
        this.subscriptions = new SubscriptionService(context);
        this.customFields = new CustomFieldService(context);

        this.duplicates = new DuplicateService(context);
        this.profiles = new ProfileService(context);

        this.privacy = new PrivacyService(context);

        this.imports = new ImportService(context);
        this.exports = new ExportService(context);
    }

    /**
     * A builder for a CRM.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tenant this view works on.
     *
     * @return the tenant
     */
    public TenantId tenant() {
        return context.tenant();
    }

    /**
     * The same CRM (store, clock, configuration, subscribers' dispatcher) working on another
     * tenant's data. Nothing of one tenant is visible through another tenant's view.
     *
     * <pre>{@code
     * Crm tenantA = crm.forTenant(TenantId.of("customer-a"));
     * }</pre>
     *
     * @param tenant the tenant
     * @return the view
     */
    public Crm forTenant(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return tenant.equals(context.tenant()) ? this : new Crm(context.forTenant(tenant));
    }

    /**
     * Accounts (companies).
     *
     * @return the account service
     */
    public AccountService accounts() {
        return accounts;
    }

    /**
     * Contacts (people) and their lifecycle.
     *
     * @return the contact service
     */
    public ContactService contacts() {
        return contacts;
    }

    /**
     * Pipelines and their stages; every tenant gets a standard default pipeline on first use.
     *
     * @return the pipeline service
     */
    public PipelineService pipelines() {
        return pipelines;
    }

    /**
     * Opportunities (deals) moving through pipelines.
     *
     * @return the opportunity service
     */
    public OpportunityService opportunities() {
        return opportunities;
    }

    /**
     * Leads: capture, qualification and conversion into contacts and accounts.
     *
     * <pre>{@code
     * Lead lead = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).email("grace@fleet.example"));
     * }</pre>
     *
     * @return the lead service
     */
    public LeadService leads() {
        return leads;
    }

    /**
     * The timeline: activities linked to contacts, accounts, opportunities and tickets.
     *
     * @return the activity service
     */
    public ActivityService activities() {
        return activities;
    }

    /**
     * Tasks with due dates and assignees.
     *
     * @return the task service
     */
    public TaskService tasks() {
        return tasks;
    }

    /**
     * Support tickets, their lifecycle and SLAs.
     *
     * @return the ticket service
     */
    public TicketService tickets() {
        return tickets;
    }

    /**
     * Marketing campaigns, their members and first- and last-touch attribution.
     *
     * @return the campaign service
     */
    public CampaignService campaigns() {
        return campaigns;
    }

    /**
     * The directory of users, teams and territories the CRM was built with.
     *
     * @return the directory
     */
    public Directory directory() {
        return context.directory();
    }

    /**
     * Assignment of work to users: round-robin over a team, territory owner, least loaded. Its
     * round-robin cursors are shared by every tenant view of this CRM.
     *
     * @return the assignment helper
     */
    public Assignment assignment() {
        return assignment;
    }

    /**
     * Subscriptions and contracts with their recurring revenue.
     *
     * @return the subscription service
     */
    public SubscriptionService subscriptions() {
        return subscriptions;
    }

    /**
     * Custom field schemas per entity type, and validation of custom field values.
     *
     * @return the custom field service
     */
    public CustomFieldService customFields() {
        return customFields;
    }

    /**
     * Duplicates: match rules, candidates, scans and merges of contacts and accounts.
     *
     * @return the duplicate service
     */
    public DuplicateService duplicates() {
        return duplicates;
    }

    /**
     * Unified customer profiles: one contact's or account's {@code Customer360}.
     *
     * @return the profile service
     */
    public ProfileService profiles() {
        return profiles;
    }

    /**
     * Personal data: consent, erasure, export and the audit trail.
     *
     * @return the privacy service
     */
    public PrivacyService privacy() {
        return privacy;
    }

    /**
     * Imports from CSV and JSON: mapping, cleansing, upsert by a match key, a reject report.
     *
     * <pre>{@code
     * ImportResult r = crm.imports().accounts(ImportSource.csv(reader), ImportMapping.create());
     * }</pre>
     *
     * @return the import service
     */
    public ImportService imports() {
        return imports;
    }

    /**
     * Exports to CSV (formula-safe) and JSON.
     *
     * <pre>{@code
     * crm.exports().contacts(writer, ExportFormat.CSV);
     * }</pre>
     *
     * @return the export service
     */
    public ExportService exports() {
        return exports;
    }

    /**
     * Subscriptions to this tenant's events.
     *
     * @return the events
     */
    public CrmEvents events() {
        return events;
    }

    /**
     * The internal context, for Rapport's own modules (workflow, metrics, adapters).
     * Not API: it may change in any release.
     *
     * @return the context
     */
    public ServiceContext internalContext() {
        return context;
    }

    /**
     * Builds a {@link Crm}. Each setting may be given once (a second call fails, naming the value
     * already set); what is not given gets its default when {@link #build()} runs.
     *
     * <pre>{@code
     * Crm crm = Crm.builder()
     *     .clock(Clock.systemUTC())
     *     .store(new InMemoryStore())
     *     .idGenerator(IdGenerator.uuids())
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private @Nullable Clock clock;
        private @Nullable CrmStore store;
        private @Nullable IdGenerator ids;
        private @Nullable Supplier<Actor> actor;
        private @Nullable Directory directory;
        private @Nullable ExchangeRates rates;
        private @Nullable TenantId tenant;
        private final List<EventPublisher> publishers = new ArrayList<>();
        // [governance] builder settings
        private dev.rapport.crm.spi.@Nullable AuditSink auditSink;
        private dev.rapport.crm.spi.@Nullable AccessPolicy accessPolicy;
        private @Nullable Function<Actor, Set<String>> roles;
        private byte @Nullable [] privacySecret;

        private Builder() {
        }

        private static void once(@Nullable Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
        }

        /**
         * The clock all time comes from. Default: {@link Clock#systemUTC()}.
         *
         * @param value the clock
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder clock(Clock value) {
            once(clock, "clock");
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The store. Default: a new {@link InMemoryStore}.
         *
         * @param value the store
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder store(CrmStore value) {
            once(store, "store");
            store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * The id generator. Default: random UUIDs.
         *
         * @param value the generator
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder idGenerator(IdGenerator value) {
            once(ids, "idGenerator");
            ids = Objects.requireNonNull(value, "idGenerator");
            return this;
        }

        /**
         * Who performs changes: asked once per command, e.g. from the host's security context.
         * Default: {@link Actor#SYSTEM}.
         *
         * @param value the supplier of the current actor
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder actor(Supplier<Actor> value) {
            once(actor, "actor");
            actor = Objects.requireNonNull(value, "actor");
            return this;
        }

        /**
         * The directory of users, teams and territories. Default: an empty {@link InMemoryDirectory}.
         *
         * @param value the directory
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder directory(Directory value) {
            once(directory, "directory");
            directory = Objects.requireNonNull(value, "directory");
            return this;
        }

        /**
         * The exchange rates. Default: none, so mixing currencies is refused.
         *
         * @param value the rates
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder exchangeRates(ExchangeRates value) {
            once(rates, "exchangeRates");
            rates = Objects.requireNonNull(value, "exchangeRates");
            return this;
        }

        /**
         * The tenant of the built view. Default: {@link TenantId#DEFAULT}.
         *
         * @param value the tenant
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder tenant(TenantId value) {
            once(tenant, "tenant");
            tenant = Objects.requireNonNull(value, "tenant");
            return this;
        }

        /**
         * Adds a publisher that receives every committed change's events (may be called several
         * times). In-process subscribers of {@link Crm#events()} are served in any case.
         *
         * @param value the publisher
         * @return this builder
         */
        public Builder eventPublisher(EventPublisher value) {
            publishers.add(Objects.requireNonNull(value, "eventPublisher"));
            return this;
        }

        // [governance] builder methods
        /**
         * Where the audit trail goes. Default: a new {@link InMemoryAuditSink}.
         *
         * @param value the sink
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder auditSink(AuditSink value) {
            once(auditSink, "auditSink");
            auditSink = Objects.requireNonNull(value, "auditSink");
            return this;
        }

        /**
         * The role- and field-level access policy. Default: everything allowed.
         *
         * @param value the policy
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder accessPolicy(AccessPolicy value) {
            once(accessPolicy, "accessPolicy");
            accessPolicy = Objects.requireNonNull(value, "accessPolicy");
            return this;
        }

        /**
         * The roles of an actor, for the access policy, e.g. from the host's security context.
         * Default: no roles.
         *
         * @param value the roles of an actor
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder roles(Function<Actor, Set<String>> value) {
            once(roles, "roles");
            roles = Objects.requireNonNull(value, "roles");
            return this;
        }

        /**
         * The installation's secret key for the one-way hashes of erased people's e-mail
         * addresses and phone numbers (HMAC-SHA-256). A host with a durable store must give a
         * stable secret, kept outside the store, so tombstones keep working across restarts.
         * Default: a random secret, valid while this CRM lives.
         *
         * @param value the secret, at least 16 bytes (copied)
         * @return this builder
         * @throws IllegalStateException if already set
         * @throws IllegalArgumentException if shorter than 16 bytes
         */
        public Builder privacySecret(byte[] value) {
            if (privacySecret != null) {
                throw new IllegalStateException("privacySecret was already set");
            }
            if (value.length < 16) {
                throw new IllegalArgumentException("the privacy secret needs at least 16 bytes");
            }
            privacySecret = value.clone();
            return this;
        }

        /**
         * Builds the CRM.
         *
         * @return the CRM, immutable and thread-safe
         */
        public Crm build() {
            ServiceContext context = new ServiceContext(
                    store != null ? store : new InMemoryStore(),
                    tenant != null ? tenant : TenantId.DEFAULT,
                    clock != null ? clock : Clock.systemUTC(),
                    ids != null ? ids : IdGenerator.uuids(),
                    actor != null ? actor : () -> Actor.SYSTEM,
                    directory != null ? directory : new InMemoryDirectory(),
                    rates != null ? rates : ExchangeRates.none(),
                    new EventDispatcher(publishers));
            context.shared(GovernanceSettings.class,
                    () -> new GovernanceSettings(
                            auditSink != null ? auditSink : new InMemoryAuditSink(),
                            accessPolicy != null ? accessPolicy : AccessPolicy.allowAll(),
                            roles != null ? roles : who -> Set.of(),
                            privacySecret != null ? privacySecret
                                    : PrivacyService.randomSecret()));
            return new Crm(context);
        }
    }
}
