package dev.rapport.crm.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Purchase;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TaskPriority;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.field.CustomFieldSchema;
import dev.rapport.crm.field.CustomFieldSchemaId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.field.FieldDefinition;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.governance.Consent;
import dev.rapport.crm.governance.ConsentChannel;
import dev.rapport.crm.governance.ConsentEntry;
import dev.rapport.crm.governance.ConsentPurpose;
import dev.rapport.crm.governance.ConsentStatus;
import dev.rapport.crm.governance.ErasedIdentityException;
import dev.rapport.crm.governance.IdentifierKind;
import dev.rapport.crm.governance.PrivacyService;
import dev.rapport.crm.governance.StoreScanner;
import dev.rapport.crm.governance.Tombstone;
import dev.rapport.crm.governance.TombstoneId;
import dev.rapport.crm.identity.MatchKey;
import dev.rapport.crm.identity.MergeRecord;
import dev.rapport.crm.io.ExternalKey;
import dev.rapport.crm.io.ExternalKeyId;
import dev.rapport.crm.lead.ConvertLead;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.Qualification;
import dev.rapport.crm.lifecycle.JourneyStage;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.marketing.Campaign;
import dev.rapport.crm.marketing.CampaignChannel;
import dev.rapport.crm.marketing.CampaignMember;
import dev.rapport.crm.marketing.CampaignMemberId;
import dev.rapport.crm.marketing.CampaignMemberStatus;
import dev.rapport.crm.marketing.CampaignStatus;
import dev.rapport.crm.marketing.NewCampaign;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoleType;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.ExternalId;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.party.PostalAddress;
import dev.rapport.crm.revenue.BillingPeriod;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.NewSubscription;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.revenue.SubscriptionStatus;
import dev.rapport.crm.sales.LineItem;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.NewPipeline;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.Pipeline;
import dev.rapport.crm.sales.ProductId;
import dev.rapport.crm.sales.Stage;
import dev.rapport.crm.sales.StageRequirement;
import dev.rapport.crm.service.NewTicket;
import dev.rapport.crm.service.SlaPolicy;
import dev.rapport.crm.service.SlaTargets;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.service.TicketPriority;
import dev.rapport.crm.service.TicketStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CrmStore} must have, as one suite a store's own test class extends:
 * round trips of every aggregate with every field set, the version contract (insert at 1, update at
 * stored + 1, otherwise a conflict that changes nothing), deletes, paging in id order, every indexed
 * look-up, the visibility of a unit of work's own writes, tenant isolation and atomic rollback.
 *
 * <p>Each test works in tenants of its own (random ids), so a store may keep its data between
 * tests, as a database does.
 *
 * <pre>{@code
 * class MyStoreTest extends CrmStoreContract {
 *     protected CrmStore newStore() {
 *         return new MyStore(...);
 *     }
 * }
 * }</pre>
 */
public abstract class CrmStoreContract {
    /** A fixed instant with nanoseconds: every store gives back exactly the instants it was given. */
    protected static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123456789Z");
    protected static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    protected static final UserId ALICE = UserId.of("alice");
    protected static final UserId BOB = UserId.of("bob");

    protected CrmStore store;
    protected TenantId tenant;
    protected TenantId other;
    protected Crm crm;
    protected final List<CrmEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * The store under test. Called before every test; may return the same store every time.
     *
     * @return the store
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpContract() {
        store = newStore();
        String run = UUID.randomUUID().toString().substring(0, 13);
        tenant = TenantId.of("a-" + run);
        other = TenantId.of("b-" + run);
        InMemoryDirectory directory = new InMemoryDirectory().addUser(User.of(ALICE)).addUser(User.of(BOB));
        crm = Crm.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).idGenerator(IdGenerator.sequential("t"))
                .directory(directory).store(store).tenant(tenant).build();
        crm.events().subscribe(events::add);
    }

    protected <T> T write(Function<StoreTransaction, T> work) {
        return store.write(tenant, work);
    }

    protected <T> T read(Function<StoreTransaction, T> work) {
        return store.read(tenant, work);
    }

    private Contact richContact(Account account) {
        crm.customFields().define(EntityType.CONTACT, FieldDefinition.of("shoe_size", FieldType.NUMBER));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example")
                .email("ADA.L@Other.Example").phone("+44 20 7946 0958 ext. 12").phone("0301234567").title("CTO")
                .account(account.id()).owner(ALICE)
                .address(new PostalAddress("1 Main St", "London", "N1 9GU", "Greater \"London\"", "GB"))
                .tag("vip").tag("beta \u00e9\u00e8 \\ tester").field("shoe_size", FieldValue.number(42)));
        crm.contacts().advanceLifecycle(ada.id(), LifecycleStage.SALES_QUALIFIED);
        crm.contacts().overrideLifecycle(ada.id(), LifecycleStage.LEAD, "re-qualify\nnext quarter");
        return crm.contacts().setJourneyStage(ada.id(), JourneyStage.ADOPTION);
    }

    /** A contact with only a name, for tests that call the ports directly. */
    protected static Contact bareContact(TenantId tenant, ContactId id, long version) {
        return new Contact(id, tenant, version, "Bare", null, List.of(), List.of(), null, null, null, null,
                LifecycleStage.LEAD, List.of(), null, Set.of(), CustomFields.empty(),
                dev.rapport.crm.party.ExternalIds.none(), NOW, NOW);
    }

    /** The aggregates sorted by id, as every listing and look-up returns them. */
    protected static <T extends dev.rapport.crm.Aggregate<?>> List<T> byId(List<T> aggregates) {
        return aggregates.stream().sorted(java.util.Comparator.comparing(a -> a.id().value())).toList();
    }

    // ---- round trips ---------------------------------------------------------------------------

    @Test
    public void aContactWithEveryFieldSetReadsBackEqual() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact ada = richContact(acme);

        assertThat(ada.version()).isEqualTo(4);
        assertThat(read((StoreTransaction tx) -> tx.contacts().find(ada.id()))).contains(ada);
        assertThat(crm.contacts().get(ada.id())).isEqualTo(ada);
    }

    @Test
    public void anAccountWithEveryFieldSetReadsBackEqual() {
        crm.customFields().define(EntityType.ACCOUNT, FieldDefinition.of("tier", FieldType.ENUM).options("gold", "silver"));
        crm.customFields().define(EntityType.ACCOUNT, FieldDefinition.of("budget", FieldType.MONEY).currency("EUR"));
        Account parent = crm.accounts().create(NewAccount.named("Acme Holding").domain("acme.example"));
        Account acme = crm.accounts().create(NewAccount.named("Acme GmbH").domain("https://www.Acme-De.example/x")
                .industry("Machinery").size(250, Money.of("12500000.50", "EUR")).parent(parent.id()).owner(BOB)
                .address(PostalAddress.country("de")).tag("key-account")
                .field("tier", FieldValue.choice("gold")).field("budget", FieldValue.money(Money.of("10.05", "EUR"))));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Contact bob = crm.contacts().create(NewContact.named("Bob", "Builder"));
        crm.accounts().setContactRole(acme.id(), ContactRole.of(ada.id(), ContactRoleType.INFLUENCER));
        Account withRoles = crm.accounts().setContactRole(acme.id(),
                ContactRole.primary(bob.id(), ContactRoleType.DECISION_MAKER));

        assertThat(withRoles.contactRoles().roles()).hasSize(2);
        assertThat(read((StoreTransaction tx) -> tx.accounts().find(acme.id()))).contains(withRoles);
        assertThat(read((StoreTransaction tx) -> tx.accounts().find(parent.id()))).contains(parent);
    }

    @Test
    public void pipelinesWithEveryKindOfStageReadBackEqual() {
        Pipeline standard = crm.pipelines().defaultPipeline();
        Pipeline renewals = crm.pipelines().create(NewPipeline.named("Renewals")
                .stage(Stage.open("upcoming", "Upcoming \u2192 soon", new BigDecimal("0.35"),
                        dev.rapport.crm.sales.ForecastCategory.COMMIT)
                        .requiring(StageRequirement.amountRequired())
                        .requiring(StageRequirement.primaryContactRequired()))
                .stage(Stage.won("renewed", "Renewed").requiring(StageRequirement.closeDateRequired()))
                .stage(Stage.lost("churned", "Churned")));

        assertThat(read((StoreTransaction tx) -> tx.pipelines().find(standard.id()))).contains(standard);
        assertThat(read((StoreTransaction tx) -> tx.pipelines().find(renewals.id()))).contains(renewals);
    }

    @Test
    public void anOpportunityThroughItsLifeReadsBackEqualAtEveryStep() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        crm.customFields().define(EntityType.OPPORTUNITY,
                FieldDefinition.of("ratio", FieldType.DECIMAL).range(BigDecimal.ZERO, BigDecimal.TEN));
        Opportunity deal = crm.opportunities().create(NewOpportunity.named("Fleet rollout").account(acme.id())
                .owner(ALICE).closeDate(TODAY.plusDays(30))
                .lineItem(new LineItem(ProductId.of("p-1"), new BigDecimal("2.5"), Money.of("100.10", "EUR"),
                        new BigDecimal("12.5")))
                .lineItem(LineItem.of(ProductId.of("p-2"), 3, Money.of("0.99", "EUR")))
                .contactRole(ContactRole.primary(ada.id(), ContactRoleType.CHAMPION))
                .source(LeadSource.PARTNER).tag("q4")
                .field("ratio", FieldValue.decimal(new BigDecimal("3.14159"))));
        assertThat(read((StoreTransaction tx) -> tx.opportunities().find(deal.id()))).contains(deal);

        Opportunity moved = crm.opportunities().moveToStage(deal.id(), "proposal");
        assertThat(read((StoreTransaction tx) -> tx.opportunities().find(deal.id()))).contains(moved);

        Opportunity won = crm.opportunities().closeWon(deal.id(), "best fit");
        assertThat(won.closedAt()).isEqualTo(NOW);
        assertThat(read((StoreTransaction tx) -> tx.opportunities().find(deal.id()))).contains(won);
    }

    @Test
    public void aSubscriptionWithItsHistoryReadsBackEqual() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Subscription sub = crm.subscriptions().start(NewSubscription.of(acme.id(), "Pro", Money.of("100.00", "EUR"))
                .contact(ada.id()).billing(BillingPeriod.ANNUAL).contractValue(Money.of("1200.00", "EUR")));
        crm.subscriptions().changeMrr(sub.id(), Money.of("150.00", "EUR"));
        crm.subscriptions().pause(sub.id());
        Subscription cancelled = crm.subscriptions().cancel(sub.id(), "budget \"cuts\"");

        assertThat(cancelled.history()).hasSize(4);
        assertThat(read((StoreTransaction tx) -> tx.subscriptions().find(sub.id()))).contains(cancelled);
    }

    @Test
    public void aCustomFieldSchemaWithEveryTypeAndConstraintReadsBackEqual() {
        crm.customFields().define(EntityType.LEAD, FieldDefinition.of("note", FieldType.TEXT).label("Note \u00fc")
                .maxLength(300).required(true).defaultValue(FieldValue.text("n/a")));
        crm.customFields().define(EntityType.LEAD, FieldDefinition.of("seats", FieldType.NUMBER).range(1, 500));
        crm.customFields().define(EntityType.LEAD, FieldDefinition.of("share", FieldType.DECIMAL)
                .range(new BigDecimal("0.001"), new BigDecimal("99.999")));
        crm.customFields().define(EntityType.LEAD, FieldDefinition.of("since", FieldType.DATE)
                .dateRange(LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31)));
        crm.customFields().define(EntityType.LEAD, FieldDefinition.of("vip", FieldType.BOOLEAN)
                .defaultValue(FieldValue.bool(false)));
        crm.customFields().define(EntityType.LEAD, FieldDefinition.of("tier", FieldType.ENUM).options("a", "b"));
        CustomFieldSchema schema = crm.customFields().define(EntityType.LEAD,
                FieldDefinition.of("budget", FieldType.MONEY).currency("JPY")
                        .defaultValue(FieldValue.money(Money.of("1000", "JPY"))));

        assertThat(schema.fields()).hasSize(7);
        assertThat(read((StoreTransaction tx) -> tx.customFieldSchemas().findByEntityType(EntityType.LEAD))).contains(schema);
        assertThat(read((StoreTransaction tx) -> tx.customFieldSchemas().find(CustomFieldSchemaId.of(EntityType.LEAD))))
                .contains(schema);
        assertThat(read((StoreTransaction tx) -> tx.customFieldSchemas().findByEntityType(EntityType.TICKET))).isEmpty();
    }

    @Test
    public void aLeadThroughCaptureQualificationAndConversionReadsBackEqualAtEveryStep() {
        Lead lead = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).name("Grace", "Hopper")
                .email("Grace@Fleet.example").phone("+1 555 0100 x 7").company("Fleet Ltd").domain("fleet.example")
                .title("CIO").country("us").score(15).owner(ALICE).tag("event"));
        assertThat(read((StoreTransaction tx) -> tx.leads().find(lead.id()))).contains(lead);

        Lead qualified = crm.leads().qualify(lead.id(),
                Qualification.bant(true, false, true, false).withNote("budget \"approved\""));
        assertThat(read((StoreTransaction tx) -> tx.leads().find(lead.id()))).contains(qualified);

        crm.leads().convert(lead.id(), ConvertLead.withOpportunity("Fleet rollout", Money.of("120000.00", "EUR")));
        Lead converted = crm.leads().get(lead.id());
        assertThat(converted.conversion()).isNotNull();
        assertThat(read((StoreTransaction tx) -> tx.leads().find(lead.id()))).contains(converted);

        Lead other = crm.leads().capture(NewLead.from(LeadSource.REFERRAL).name("Alan", "Turing").company("Bletchley"));
        Lead disqualified = crm.leads().disqualify(other.id(), "no fit");
        assertThat(read((StoreTransaction tx) -> tx.leads().find(other.id()))).contains(disqualified);
    }

    // ---- the version contract ------------------------------------------------------------------

    @Test
    public void insertingATakenIdIsAConflictAndKeepsTheStoredAggregate() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));

        assertThatThrownBy(() -> write((StoreTransaction tx) -> {
            tx.contacts().insert(ada.withTitle("CEO"));
            return null;
        })).isInstanceOf(CrmConflictException.class);
        assertThat(read((StoreTransaction tx) -> tx.contacts().find(ada.id()))).contains(ada);
    }

    @Test
    public void insertingAtAnotherVersionThanOneIsRefused() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Contact fresh = ada.withVersion(2);

        assertThatThrownBy(() -> write((StoreTransaction tx) -> {
            tx.contacts().delete(ada.id());
            tx.contacts().insert(fresh);
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(read((StoreTransaction tx) -> tx.contacts().find(ada.id()))).contains(ada);
    }

    @Test
    public void aStaleUpdateIsAConflictThatChangesNothing() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Contact cto = crm.contacts().update(ada.withTitle("CTO"));
        events.clear();

        assertThatThrownBy(() -> crm.contacts().update(ada.withTitle("CEO")))
                .isInstanceOf(CrmConflictException.class);
        CrmConflictException conflict = (CrmConflictException) org.assertj.core.api.Assertions.catchThrowable(
                () -> write((StoreTransaction tx) -> {
                    tx.contacts().update(ada.withTitle("CEO").withVersion(2));
                    return null;
                }));
        assertThat(conflict.expectedVersion()).isEqualTo(1);
        assertThat(conflict.actualVersion()).isEqualTo(2);
        assertThat(read((StoreTransaction tx) -> tx.contacts().find(ada.id()))).contains(cto);
        assertThat(events).isEmpty();
    }

    @Test
    public void anUpdateThatSkipsAVersionIsAConflict() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));

        assertThatThrownBy(() -> write((StoreTransaction tx) -> {
            tx.accounts().update(acme.withName("Acme 2").withVersion(3));
            return null;
        })).isInstanceOf(CrmConflictException.class);
        assertThat(read((StoreTransaction tx) -> tx.accounts().find(acme.id()))).contains(acme);
    }

    @Test
    public void updatingWhatIsNotStoredIsNotFound() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        write((StoreTransaction tx) -> tx.contacts().delete(ada.id()));

        assertThatThrownBy(() -> write((StoreTransaction tx) -> {
            tx.contacts().update(ada.withVersion(2));
            return null;
        })).isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    public void anUpdateThatChangesNoFieldStillAdvancesTheVersion() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        write((StoreTransaction tx) -> {
            tx.contacts().update(ada.withVersion(2));
            return null;
        });
        write((StoreTransaction tx) -> {
            tx.contacts().update(ada.withVersion(3));
            tx.contacts().update(ada.withVersion(4));
            return null;
        });

        assertThat(read((StoreTransaction tx) -> tx.contacts().find(ada.id()))).contains(ada.withVersion(4));
        assertThatThrownBy(() -> write((StoreTransaction tx) -> {
            tx.contacts().update(ada.withVersion(4));
            return null;
        })).isInstanceOf(CrmConflictException.class);
    }

    @Test
    public void severalUpdatesInOneUnitOfWorkEachAdvanceTheVersion() {
        Opportunity deal = crm.opportunities().create(NewOpportunity.named("Deal"));
        Opportunity last = write((StoreTransaction tx) -> {
            Opportunity v2 = deal.withName("Deal 2").withVersion(2);
            tx.opportunities().update(v2);
            Opportunity v3 = v2.withOwner(ALICE).withVersion(3);
            tx.opportunities().update(v3);
            return v3;
        });

        assertThat(read((StoreTransaction tx) -> tx.opportunities().find(deal.id()))).contains(last);
        assertThat(read((StoreTransaction tx) -> tx.opportunities().findByOwner(ALICE))).containsExactly(last);
    }

    @Test
    public void ofCommandsRacingFromTheSameVersionExactlyOneWinsAndTheOthersConflict() throws Exception {
        Opportunity deal = crm.opportunities().create(NewOpportunity.named("Deal"));
        events.clear();
        int writers = 6;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<String>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "Deal " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        crm.opportunities().update(deal.withName(name));
                        return name;
                    } catch (CrmConflictException e) {
                        return "";
                    }
                }));
            }
            start.countDown();
            List<String> winners = new ArrayList<>();
            for (java.util.concurrent.Future<String> result : results) {
                String name = result.get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (!name.isEmpty()) {
                    winners.add(name);
                }
            }

            assertThat(winners).hasSize(1);
            Opportunity stored = crm.opportunities().get(deal.id());
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.name()).isEqualTo(winners.get(0));
            assertThat(events).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- delete, list, count -------------------------------------------------------------------

    @Test
    public void deleteRemovesTheAggregateAndItsLookUpsAndSaysWhetherItRemovedSomething() {
        Account acme = crm.accounts().create(NewAccount.named("Acme").domain("acme.example"));
        Contact ada = crm.contacts().create(NewContact.withEmail("ada@acme.example").account(acme.id()));
        crm.accounts().setContactRole(acme.id(), ContactRole.primary(ada.id(), ContactRoleType.CHAMPION));

        assertThat(write((StoreTransaction tx) -> tx.contacts().delete(ada.id()))).isTrue();
        assertThat(write((StoreTransaction tx) -> tx.contacts().delete(ada.id()))).isFalse();
        assertThat(write((StoreTransaction tx) -> tx.accounts().delete(acme.id()))).isTrue();

        assertThat(read((StoreTransaction tx) -> tx.contacts().find(ada.id()))).isEmpty();
        assertThat(read((StoreTransaction tx) -> tx.contacts().findByEmail(EmailAddress.of("ada@acme.example")))).isEmpty();
        assertThat(read((StoreTransaction tx) -> tx.contacts().findByAccount(acme.id()))).isEmpty();
        assertThat(read((StoreTransaction tx) -> tx.accounts().findByDomain("acme.example"))).isEmpty();
        assertThat(read((StoreTransaction tx) -> tx.contacts().count())).isZero();
    }

    @Test
    public void listingPagesThroughAllAggregatesInIdOrderWithTheTotal() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(crm.accounts().create(NewAccount.named("Account " + i)).id().value());
        }
        List<String> sorted = ids.stream().sorted().toList();
        assertThat(sorted).isNotEqualTo(ids);

        Page<Account> first = read((StoreTransaction tx) -> tx.accounts().list(PageRequest.first(5)));
        Page<Account> third = read((StoreTransaction tx) -> tx.accounts().list(new PageRequest(10, 5)));

        assertThat(first.total()).isEqualTo(12);
        assertThat(first.items()).extracting(a -> a.id().value()).containsExactlyElementsOf(sorted.subList(0, 5));
        assertThat(first.hasNext()).isTrue();
        assertThat(third.items()).extracting(a -> a.id().value()).containsExactlyElementsOf(sorted.subList(10, 12));
        assertThat(third.hasNext()).isFalse();
        assertThat(read((StoreTransaction tx) -> tx.accounts().list(new PageRequest(20, 5))).items()).isEmpty();
        assertThat(read((StoreTransaction tx) -> tx.accounts().count())).isEqualTo(12);
    }

    // ---- indexed look-ups ----------------------------------------------------------------------

    @Test
    public void contactsAreFoundByAnyOfTheirAddressesByAccountAndByOwner() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact ada = crm.contacts().create(NewContact.withEmail("ada@acme.example").email("al@acme.example")
                .account(acme.id()).owner(ALICE));
        Contact bob = crm.contacts().create(NewContact.withEmail("bob@acme.example").account(acme.id()));
        crm.contacts().create(NewContact.named("Eve", "Other").owner(BOB));

        assertThat(read((StoreTransaction tx) -> tx.contacts().findByEmail(EmailAddress.of("al@acme.example")))).contains(ada);
        assertThat(read((StoreTransaction tx) -> tx.contacts().findByEmail(EmailAddress.of("ada@acme.example")))).contains(ada);
        assertThat(read((StoreTransaction tx) -> tx.contacts().findByEmail(EmailAddress.of("nobody@acme.example")))).isEmpty();
        assertThat(read((StoreTransaction tx) -> tx.contacts().findByAccount(acme.id()))).containsExactlyElementsOf(byId(List.of(ada, bob)));
        assertThat(read((StoreTransaction tx) -> tx.contacts().findByOwner(ALICE))).containsExactly(ada);
        assertThat(crm.contacts().findByEmail("AL@acme.example")).contains(ada);
    }

    @Test
    public void anAddressMovedToAnotherContactInOneUnitOfWorkIsFoundOnTheNewContact() {
        Contact ada = crm.contacts().create(NewContact.withEmail("ada@acme.example").email("shared@acme.example"));
        Contact bob = crm.contacts().create(NewContact.withEmail("bob@acme.example"));
        write((StoreTransaction tx) -> {
            tx.contacts().update(ada.withEmails(List.of(EmailAddress.of("ada@acme.example"))).withVersion(2));
            tx.contacts().update(bob.withEmails(List.of(EmailAddress.of("shared@acme.example"),
                    EmailAddress.of("bob@acme.example"))).withVersion(2));
            return null;
        });

        Contact moved = read((StoreTransaction tx) -> tx.contacts().findByEmail(EmailAddress.of("shared@acme.example"))).orElseThrow();
        assertThat(moved.id()).isEqualTo(bob.id());
        assertThat(moved.emails()).extracting(EmailAddress::value)
                .containsExactly("shared@acme.example", "bob@acme.example");
        assertThat(read((StoreTransaction tx) -> tx.contacts().find(ada.id())).orElseThrow().emails()).hasSize(1);
    }

    @Test
    public void accountsAreFoundByDomainParentAndOwner() {
        Account holding = crm.accounts().create(NewAccount.named("Holding").domain("acme.example").owner(ALICE));
        Account de = crm.accounts().create(NewAccount.named("DE").domain("acme.example").parent(holding.id()));
        Account fr = crm.accounts().create(NewAccount.named("FR").parent(holding.id()).owner(ALICE));
        crm.accounts().create(NewAccount.named("Other").domain("other.example"));

        assertThat(read((StoreTransaction tx) -> tx.accounts().findByDomain("acme.example"))).containsExactlyElementsOf(byId(List.of(holding, de)));
        assertThat(read((StoreTransaction tx) -> tx.accounts().findChildren(holding.id()))).containsExactlyElementsOf(byId(List.of(de, fr)));
        assertThat(read((StoreTransaction tx) -> tx.accounts().findByOwner(ALICE))).containsExactlyElementsOf(byId(List.of(holding, fr)));
        assertThat(read((StoreTransaction tx) -> tx.accounts().findByDomain("nobody.example"))).isEmpty();
    }

    @Test
    public void leadsAreFoundByAddressOwnerAndStatus() {
        Lead web = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).email("grace@fleet.example").owner(ALICE));
        Lead again = crm.leads().capture(NewLead.from(LeadSource.EVENT).email("grace@fleet.example"));
        Lead call = crm.leads().capture(NewLead.from(LeadSource.OUTBOUND).phone("+44 20 7946 0958").owner(ALICE));
        Lead working = crm.leads().startWorking(call.id());

        assertThat(read((StoreTransaction tx) -> tx.leads().findByEmail(EmailAddress.of("GRACE@fleet.example"))))
                .containsExactlyElementsOf(byId(List.of(web, again)));
        assertThat(read((StoreTransaction tx) -> tx.leads().findByOwner(ALICE)))
                .containsExactlyElementsOf(byId(List.of(web, working)));
        assertThat(read((StoreTransaction tx) -> tx.leads().findByStatus(working.status()))).containsExactly(working);
        assertThat(read((StoreTransaction tx) -> tx.leads().findByStatus(web.status())))
                .containsExactlyElementsOf(byId(List.of(web, again)));
        assertThat(store.read(other, (StoreTransaction tx) -> tx.leads().findByEmail(
                EmailAddress.of("grace@fleet.example")))).isEmpty();
        assertThat(store.read(other, (StoreTransaction tx) -> tx.leads().count())).isZero();
    }

    @Test
    public void aContactsAddressesKeepTheirNewOrderWhenTheyAreReordered() {
        Contact ada = crm.contacts().create(NewContact.withEmail("a@acme.example").email("b@acme.example")
                .email("c@acme.example"));
        Contact reordered = crm.contacts().update(ada.withEmails(List.of(EmailAddress.of("c@acme.example"),
                EmailAddress.of("a@acme.example"), EmailAddress.of("b@acme.example"))));
        Contact shrunk = crm.contacts().update(reordered.withEmails(List.of(EmailAddress.of("b@acme.example"))));

        assertThat(reordered.primaryEmail()).contains(EmailAddress.of("c@acme.example"));
        assertThat(read((StoreTransaction tx) -> tx.contacts().find(ada.id()))).contains(shrunk);
        assertThat(read((StoreTransaction tx) -> tx.contacts().findByEmail(EmailAddress.of("c@acme.example"))))
                .isEmpty();
    }

    @Test
    public void theDefaultPipelineIsFoundAndMovesWithTheFlag() {
        assertThat(read((StoreTransaction tx) -> tx.pipelines().findDefault())).isEmpty();
        Pipeline standard = crm.pipelines().defaultPipeline();
        Pipeline other = crm.pipelines().create(NewPipeline.named("Other")
                .stage(Stage.open("open", "Open", new BigDecimal("0.5"), dev.rapport.crm.sales.ForecastCategory.PIPELINE))
                .stage(Stage.won("won", "Won")).stage(Stage.lost("lost", "Lost")));

        assertThat(read((StoreTransaction tx) -> tx.pipelines().findDefault())).contains(standard);
        Pipeline now = crm.pipelines().makeDefault(other.id());
        assertThat(read((StoreTransaction tx) -> tx.pipelines().findDefault())).contains(now);
    }

    @Test
    public void opportunitiesAreFoundByAccountOwnerContactAndOpenStage() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Pipeline pipeline = crm.pipelines().defaultPipeline();
        String first = pipeline.firstOpenStage().key();
        Opportunity a = crm.opportunities().create(NewOpportunity.named("A").account(acme.id()).owner(ALICE)
                .contactRole(ContactRole.of(ada.id(), ContactRoleType.INFLUENCER)));
        Opportunity b = crm.opportunities().create(NewOpportunity.named("B").account(acme.id()));
        Opportunity c = crm.opportunities().create(NewOpportunity.named("C").owner(ALICE));
        crm.opportunities().setContactRole(c.id(), ContactRole.primary(ada.id(), ContactRoleType.DECISION_MAKER));
        Opportunity lost = crm.opportunities().closeLost(b.id(), "no budget");

        Opportunity a1 = crm.opportunities().get(a.id());
        Opportunity c1 = crm.opportunities().get(c.id());
        assertThat(read((StoreTransaction tx) -> tx.opportunities().findByAccount(acme.id()))).containsExactlyElementsOf(byId(List.of(a1, lost)));
        assertThat(read((StoreTransaction tx) -> tx.opportunities().findByOwner(ALICE))).containsExactlyElementsOf(byId(List.of(a1, c1)));
        assertThat(read((StoreTransaction tx) -> tx.opportunities().findByContact(ada.id()))).containsExactlyElementsOf(byId(List.of(a1, c1)));
        assertThat(read((StoreTransaction tx) -> tx.opportunities().findOpenInStage(pipeline.id(), first))).containsExactlyElementsOf(byId(List.of(a1, c1)));
        assertThat(read((StoreTransaction tx) -> tx.opportunities().countInStage(pipeline.id(), first))).isEqualTo(2);
        assertThat(read((StoreTransaction tx) -> tx.opportunities().countInStage(pipeline.id(), lost.stage()))).isEqualTo(1);
        assertThat(read((StoreTransaction tx) -> tx.opportunities().findOpenInStage(pipeline.id(), lost.stage()))).isEmpty();
    }

    @Test
    public void subscriptionsAreFoundByAccountStatusAndRenewalDateInDateOrder() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Account other = crm.accounts().create(NewAccount.named("Other"));
        Subscription late = crm.subscriptions().start(NewSubscription.of(acme.id(), "Pro", Money.of("10.00", "EUR"))
                .renewingOn(TODAY.plusDays(20)));
        Subscription early = crm.subscriptions().start(NewSubscription.of(other.id(), "Pro", Money.of("10.00", "EUR"))
                .renewingOn(TODAY.plusDays(5)));
        Subscription trial = crm.subscriptions().start(NewSubscription.of(acme.id(), "Trial", Money.of("0.00", "EUR"))
                .inTrial().renewingOn(TODAY.plusDays(10)));
        Subscription ended = crm.subscriptions().start(NewSubscription.of(acme.id(), "Old", Money.of("5.00", "EUR"))
                .renewingOn(TODAY.plusDays(7)));
        Subscription cancelled = crm.subscriptions().cancel(ended.id(), "moved");

        assertThat(read((StoreTransaction tx) -> tx.subscriptions().findByAccount(acme.id()))).containsExactlyElementsOf(byId(List.of(late, trial, cancelled)));
        assertThat(read((StoreTransaction tx) -> tx.subscriptions().findByStatus(SubscriptionStatus.TRIAL))).containsExactly(trial);
        assertThat(read((StoreTransaction tx) -> tx.subscriptions().findByStatus(SubscriptionStatus.CANCELLED)))
                .containsExactly(cancelled);
        assertThat(read((StoreTransaction tx) -> tx.subscriptions().findRenewalsBetween(TODAY, TODAY.plusDays(30))))
                .containsExactly(early, trial, late);
        assertThat(read((StoreTransaction tx) -> tx.subscriptions().findRenewalsBetween(TODAY.plusDays(10), TODAY.plusDays(20))))
                .containsExactly(trial, late);
    }

    @Test
    public void lookUpsSeeTheWritesOfTheirOwnUnitOfWork() {
        Account acme = crm.accounts().create(NewAccount.named("Acme").domain("acme.example"));
        Contact ada = crm.contacts().create(NewContact.withEmail("ada@acme.example"));
        Contact gone = crm.contacts().create(NewContact.withEmail("x@acme.example"));
        List<Object> seen = write((StoreTransaction tx) -> {
            tx.contacts().update(ada.withAccount(acme.id()).withOwner(BOB).withVersion(2));
            tx.accounts().update(acme.withDomain("new.example").withVersion(2));
            tx.contacts().delete(gone.id());
            return List.of(tx.contacts().findByAccount(acme.id()).size(), tx.contacts().findByOwner(BOB).size(),
                    tx.accounts().findByDomain("new.example").size(), tx.accounts().findByDomain("acme.example").size(),
                    tx.contacts().count());
        });

        assertThat(seen).containsExactly(1, 1, 1, 0, 1L);
    }

    // ---- tenants and atomicity -----------------------------------------------------------------

    @Test
    public void noPortSeesOrChangesAnotherTenantsAggregates() {
        Account acme = crm.accounts().create(NewAccount.named("Acme").domain("acme.example").owner(ALICE));
        Contact ada = crm.contacts().create(NewContact.withEmail("ada@acme.example").account(acme.id()).owner(ALICE));
        Opportunity deal = crm.opportunities().create(NewOpportunity.named("Deal").account(acme.id()).owner(ALICE)
                .contactRole(ContactRole.of(ada.id(), ContactRoleType.CHAMPION)));
        Subscription sub = crm.subscriptions().start(NewSubscription.of(acme.id(), "Pro", Money.of("1.00", "EUR")));
        crm.customFields().define(EntityType.CONTACT, FieldDefinition.of("x", FieldType.TEXT));
        Contact stored = crm.contacts().get(ada.id());

        store.read(other, (StoreTransaction tx) -> {
            assertThat(tx.contacts().find(ada.id())).isEmpty();
            assertThat(tx.contacts().findByEmail(EmailAddress.of("ada@acme.example"))).isEmpty();
            assertThat(tx.contacts().findByAccount(acme.id())).isEmpty();
            assertThat(tx.contacts().findByOwner(ALICE)).isEmpty();
            assertThat(tx.accounts().find(acme.id())).isEmpty();
            assertThat(tx.accounts().findByDomain("acme.example")).isEmpty();
            assertThat(tx.accounts().findByOwner(ALICE)).isEmpty();
            assertThat(tx.opportunities().find(deal.id())).isEmpty();
            assertThat(tx.opportunities().findByContact(ada.id())).isEmpty();
            assertThat(tx.opportunities().findOpenInStage(deal.pipelineId(), deal.stage())).isEmpty();
            assertThat(tx.opportunities().countInStage(deal.pipelineId(), deal.stage())).isZero();
            assertThat(tx.pipelines().findDefault()).isEmpty();
            assertThat(tx.subscriptions().find(sub.id())).isEmpty();
            assertThat(tx.subscriptions().findRenewalsBetween(TODAY, TODAY.plusYears(2))).isEmpty();
            assertThat(tx.customFieldSchemas().findByEntityType(EntityType.CONTACT)).isEmpty();
            assertThat(tx.contacts().count() + tx.accounts().count() + tx.opportunities().count()
                    + tx.subscriptions().count() + tx.pipelines().count()).isZero();
            assertThat(tx.accounts().list(PageRequest.first(10)).items()).isEmpty();
            return null;
        });
        assertThatThrownBy(() -> store.write(other, (StoreTransaction tx) -> {
            tx.contacts().update(bareContact(other, ada.id(), 2));
            return null;
        })).isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> store.write(other, (StoreTransaction tx) -> {
            tx.contacts().insert(ada);
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.write(other, (StoreTransaction tx) -> tx.contacts().delete(ada.id()))).isFalse();
        assertThat(crm.contacts().get(ada.id())).isEqualTo(stored);
    }

    @Test
    public void theSameIdsAndAddressesMayExistOnceInEachTenant() {
        Contact inA = crm.contacts().create(NewContact.withEmail("ada@acme.example"));
        Crm b = crm.forTenant(other);
        Contact inB = b.contacts().create(NewContact.withEmail("ada@acme.example").title("B"));

        assertThat(inB.id()).isNotEqualTo(inA.id());
        Contact sameId = bareContact(other, inA.id(), 1);
        store.write(other, (StoreTransaction tx) -> {
            tx.contacts().insert(sameId);
            return null;
        });
        assertThat(store.read(other, (StoreTransaction tx) -> tx.contacts().find(inA.id()))).contains(sameId);
        assertThat(read((StoreTransaction tx) -> tx.contacts().find(inA.id()))).contains(inA);
        assertThat(b.contacts().findByEmail("ada@acme.example")).contains(inB);
        assertThat(crm.contacts().findByEmail("ada@acme.example")).contains(inA);
    }

    @Test
    public void aUnitOfWorkThatThrowsLeavesTheStoreExactlyAsItWas() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact ada = crm.contacts().create(NewContact.withEmail("ada@acme.example"));

        assertThatThrownBy(() -> write((StoreTransaction tx) -> {
            tx.accounts().update(acme.withName("Renamed").withVersion(2));
            tx.contacts().delete(ada.id());
            tx.contacts().insert(new Contact(dev.rapport.crm.party.ContactId.of("new"), tenant, 1, "New", null,
                    List.of(EmailAddress.of("new@acme.example")), List.of(), null, null, null, null,
                    LifecycleStage.LEAD, List.of(), null, Set.of(), CustomFields.empty(),
                    dev.rapport.crm.party.ExternalIds.none(), NOW, NOW));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(read((StoreTransaction tx) -> tx.accounts().find(acme.id()))).contains(acme);
        assertThat(read((StoreTransaction tx) -> tx.contacts().find(ada.id()))).contains(ada);
        assertThat(read((StoreTransaction tx) -> tx.contacts().findByEmail(EmailAddress.of("new@acme.example")))).isEmpty();
        assertThat(read((StoreTransaction tx) -> tx.contacts().count())).isEqualTo(1);
    }

    @Test
    public void aRefusedCommandThroughTheFacadeStoresNothingAndPublishesNothing() {
        Contact ada = crm.contacts().create(NewContact.withEmail("ada@acme.example"));
        events.clear();

        assertThatThrownBy(() -> crm.contacts().create(NewContact.withEmail("ada@acme.example")))
                .isInstanceOf(dev.rapport.crm.CrmValidationException.class);
        assertThat(read((StoreTransaction tx) -> tx.contacts().count())).isEqualTo(1);
        assertThat(events).isEmpty();
        assertThat(crm.contacts().findByEmail("ada@acme.example")).contains(ada);
    }

    @Test
    public void aReadOnlyUnitOfWorkRefusesEveryWrite() {
        Contact ada = crm.contacts().create(NewContact.withEmail("ada@acme.example"));

        assertThatThrownBy(() -> read((StoreTransaction tx) -> {
            tx.contacts().update(ada.withVersion(2));
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> read((StoreTransaction tx) -> tx.contacts().delete(ada.id()))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> read((StoreTransaction tx) -> {
            tx.append(List.of());
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(read((StoreTransaction tx) -> tx.contacts().find(ada.id()))).contains(ada);
    }

    @Test
    public void eventsOfACommittedCommandArePublishedOnceAfterCommit() {
        Contact ada = crm.contacts().create(NewContact.withEmail("ada@acme.example"));

        assertThat(events).hasSize(1);
        assertThat(events.get(0)).isInstanceOf(dev.rapport.crm.event.ContactCreated.class);
        assertThat(events.get(0).subjects()).contains(ada.id());
    }

    // ---- engagement, governance and identity ---------------------------------------------------

    /**
     * Where the store still holds any of the values (compared ignoring case), for the erasure tests:
     * a description of each place, empty if none. The default walks every aggregate of the tenant
     * readable through the store ports, field by field; a store that keeps more (rows, index keys,
     * events) overrides it to search all of it, e.g. every table and column of a database.
     *
     * @param tenant the tenant whose data is searched
     * @param values the values, at least one
     * @return the places holding one of them
     */
    protected List<String> placesHolding(TenantId tenant, List<String> values) {
        List<Object> all = store.read(tenant, (StoreTransaction tx) -> {
            List<Object> found = new ArrayList<>();
            for (AggregateStore<?, ?> port : List.of(tx.contacts(), tx.accounts(), tx.pipelines(), tx.opportunities(),
                    tx.leads(), tx.activities(), tx.tasks(), tx.tickets(), tx.campaigns(), tx.campaignMembers(),
                    tx.subscriptions(), tx.customFieldSchemas(), tx.mergeRecords(), tx.consents(), tx.tombstones(),
                    tx.externalKeys())) {
                found.addAll(port.list(new PageRequest(0, PageRequest.MAX_LIMIT)).items());
            }
            return found;
        });
        List<String> places = new ArrayList<>();
        for (String held : StoreScanner.strings(all)) {
            for (String value : values) {
                if (held.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))) {
                    places.add(value);
                }
            }
        }
        return places;
    }

    private static Instant ago(long seconds) {
        return NOW.minusSeconds(seconds);
    }

    @Test
    public void activitiesReadBackEqualAndATimelinePagesNewestFirstWithTheTotal() {
        crm.customFields().define(EntityType.ACTIVITY, FieldDefinition.of("mood", FieldType.TEXT));
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").account(acme.id()));
        Activity call = crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE)
                .direction(Direction.OUTBOUND).occurredAt(ago(300)).byUser(ALICE).subject("Intro \"call\"")
                .body("Talked about\nthe rollout \u00e9").duration(Duration.ofSeconds(754, 5))
                .contact(ada.id()).account(acme.id()).field("mood", FieldValue.text("good")));
        Activity purchase = crm.activities().log(NewActivity.of(ActivityType.PURCHASE, Channel.WEB).byCustomer()
                .occurredAt(ago(100)).contact(ada.id()).purchase(new Purchase("order-1", Money.of("49.90", "EUR"))));
        Activity sameTimeA = crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.EMAIL).byUser(ALICE).occurredAt(ago(200))
                .contact(ada.id()).subject("a"));
        Activity sameTimeB = crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.EMAIL).byUser(ALICE).occurredAt(ago(200))
                .contact(ada.id()).subject("b"));
        Activity accountOnly = crm.activities().log(NewActivity.of(ActivityType.MEETING, Channel.IN_PERSON).byUser(ALICE)
                .occurredAt(ago(50)).account(acme.id()));

        assertThat(read((StoreTransaction tx) -> tx.activities().find(call.id()))).contains(call);
        assertThat(read((StoreTransaction tx) -> tx.activities().find(purchase.id()))).contains(purchase);
        List<Activity> newestFirst = new ArrayList<>(List.of(purchase, sameTimeA, sameTimeB, call));
        newestFirst.sort(Comparator.comparing(Activity::occurredAt)
                .thenComparing((Activity a) -> a.id().value()).reversed());
        assertThat(newestFirst.get(0)).isEqualTo(purchase);
        Page<Activity> first = read((StoreTransaction tx) -> tx.activities().timeline(ada.id(), PageRequest.first(3)));
        Page<Activity> second = read((StoreTransaction tx) -> tx.activities().timeline(ada.id(), new PageRequest(3, 3)));
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.items()).containsExactlyElementsOf(newestFirst.subList(0, 3));
        assertThat(second.items()).containsExactly(call);
        assertThat(read((StoreTransaction tx) -> tx.activities().timeline(acme.id(), PageRequest.first(10))).items())
                .containsExactly(accountOnly, call);
        assertThat(read((StoreTransaction tx) -> tx.activities().timeline(ALICE, PageRequest.first(10))).total()).isZero();
        assertThat(store.read(other, (StoreTransaction tx) -> tx.activities().timeline(ada.id(), PageRequest.first(10))
                .total())).isZero();
        assertThat(read((StoreTransaction tx) -> tx.activities().count())).isEqualTo(5);
    }

    @Test
    public void tasksReadBackEqualAndAreFoundByOpenAssigneeAndByLink() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Task call = crm.tasks().create(NewTask.titled("Call Ada").description("about \"the\" deal").dueOn(TODAY.plusDays(2))
                .assignee(ALICE).priority(TaskPriority.NORMAL).contact(ada.id()).account(acme.id()));
        Task started = crm.tasks().start(crm.tasks().create(NewTask.titled("Prepare").assignee(ALICE)
                .account(acme.id())).id());
        Task done = crm.tasks().complete(crm.tasks().create(NewTask.titled("Done").assignee(ALICE)
                .contact(ada.id())).id());
        Task bobs = crm.tasks().create(NewTask.titled("Bob's").assignee(BOB));

        assertThat(done.completedAt()).isEqualTo(NOW);
        assertThat(read((StoreTransaction tx) -> tx.tasks().find(call.id()))).contains(call);
        assertThat(read((StoreTransaction tx) -> tx.tasks().find(done.id()))).contains(done);
        assertThat(read((StoreTransaction tx) -> tx.tasks().find(bobs.id()))).contains(bobs);
        assertThat(read((StoreTransaction tx) -> tx.tasks().findOpenByAssignee(ALICE)))
                .containsExactlyElementsOf(byId(List.of(call, started)));
        assertThat(read((StoreTransaction tx) -> tx.tasks().findByLink(ada.id())))
                .containsExactlyElementsOf(byId(List.of(call, done)));
        assertThat(read((StoreTransaction tx) -> tx.tasks().findByLink(acme.id())))
                .containsExactlyElementsOf(byId(List.of(call, started)));
        assertThat(read((StoreTransaction tx) -> tx.tasks().findByLink(ALICE))).isEmpty();
        assertThat(store.read(other, (StoreTransaction tx) -> tx.tasks().findOpenByAssignee(ALICE))).isEmpty();
    }

    @Test
    public void manyTasksUnderOneKeyAreFoundInIdOrderAndLeaveTheIndexWhenClosed() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        List<Task> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tasks.add(crm.tasks().create(NewTask.titled("Call " + i).assignee(ALICE).contact(ada.id())));
        }
        assertThat(read((StoreTransaction tx) -> tx.tasks().findByLink(ada.id()))).containsExactlyElementsOf(byId(tasks));
        List<Task> open = new java.util.ArrayList<>(tasks);
        for (int i = 0; i < 40; i += 3) {
            crm.tasks().complete(tasks.get(i).id());
            open.remove(tasks.get(i));
        }
        assertThat(read((StoreTransaction tx) -> tx.tasks().findOpenByAssignee(ALICE))).containsExactlyElementsOf(
                byId(open));
        assertThat(read((StoreTransaction tx) -> tx.tasks().findByLink(ada.id()))).hasSize(40);
    }

    @Test
    public void ticketsReadBackEqualThroughTheirLifeAndAreFoundByAssigneeContactAccountAndStatus() {
        crm.customFields().define(EntityType.TICKET, FieldDefinition.of("product", FieldType.TEXT));
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").account(acme.id()));
        SlaPolicy policy = new SlaPolicy(Map.of(TicketPriority.URGENT, SlaTargets.hours(1, 2),
                TicketPriority.HIGH, new SlaTargets(Duration.ofMinutes(90), Duration.ofHours(30)),
                TicketPriority.NORMAL, SlaTargets.hours(8, 72), TicketPriority.LOW, SlaTargets.hours(24, 120)));
        Ticket login = crm.tickets().open(NewTicket.about(ada.id(), "Cannot log in").description("since \"Monday\"")
                .account(acme.id()).priority(TicketPriority.HIGH).assignee(ALICE).channel(Channel.CHAT)
                .slaPolicy(policy).field("product", FieldValue.text("console")));
        assertThat(read((StoreTransaction tx) -> tx.tickets().find(login.id()))).contains(login);
        Ticket responded = crm.tickets().respond(login.id());
        assertThat(read((StoreTransaction tx) -> tx.tickets().find(login.id()))).contains(responded);
        Ticket closed = crm.tickets().close(crm.tickets().resolve(login.id()).id());
        assertThat(closed.closedAt()).isNotNull();
        assertThat(read((StoreTransaction tx) -> tx.tickets().find(login.id()))).contains(closed);

        Ticket billing = crm.tickets().open(NewTicket.forAccount(acme.id(), "Invoice").assignee(ALICE));
        Ticket other = crm.tickets().open(NewTicket.about(ada.id(), "Other").assignee(BOB));
        assertThat(read((StoreTransaction tx) -> tx.tickets().findActiveByAssignee(ALICE))).containsExactly(billing);
        assertThat(read((StoreTransaction tx) -> tx.tickets().findByContact(ada.id())))
                .containsExactlyElementsOf(byId(List.of(closed, other)));
        assertThat(read((StoreTransaction tx) -> tx.tickets().findByAccount(acme.id())))
                .containsExactlyElementsOf(byId(List.of(closed, billing)));
        assertThat(read((StoreTransaction tx) -> tx.tickets().findByStatus(TicketStatus.CLOSED))).containsExactly(closed);
        assertThat(read((StoreTransaction tx) -> tx.tickets().findByStatus(TicketStatus.NEW)))
                .containsExactlyElementsOf(byId(List.of(billing, other)));
        assertThat(store.read(this.other, (StoreTransaction tx) -> tx.tickets().findByContact(ada.id()))).isEmpty();
    }

    @Test
    public void campaignsAndMembershipsReadBackEqualAndMembersPageInJoinOrder() {
        Campaign launch = crm.campaigns().create(NewCampaign.named("Launch \"2027\"", CampaignChannel.WEBINAR)
                .period(TODAY, TODAY.plusDays(30)).budget(Money.of("5000.00", "EUR")));
        Campaign costed = crm.campaigns().recordCost(launch.id(), Money.of("1200.50", "EUR"));
        Campaign mail = crm.campaigns().create(NewCampaign.named("Mailing", CampaignChannel.EMAIL).budget(Money.of("100.00", "EUR")));
        Campaign active = crm.campaigns().changeStatus(mail.id(), CampaignStatus.ACTIVE);
        assertThat(read((StoreTransaction tx) -> tx.campaigns().find(launch.id()))).contains(costed);
        assertThat(read((StoreTransaction tx) -> tx.campaigns().findByStatus(CampaignStatus.ACTIVE))).containsExactly(active);
        assertThat(read((StoreTransaction tx) -> tx.campaigns().findByChannel(CampaignChannel.WEBINAR))).containsExactly(costed);

        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Lead grace = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).name("Grace", "Hopper").company("Navy"));
        CampaignMember adaMember = crm.campaigns().addMember(launch.id(), ada.id());
        crm.campaigns().touch(launch.id(), ada.id(), ago(60));
        CampaignMember responded = crm.campaigns().recordResponse(launch.id(), ada.id(), CampaignMemberStatus.REGISTERED,
                ago(30));
        CampaignMember graceMember = crm.campaigns().addMember(launch.id(), grace.id());
        CampaignMember graceInMail = crm.campaigns().addMember(mail.id(), grace.id());

        assertThat(responded.touches()).isEqualTo(2);
        assertThat(read((StoreTransaction tx) -> tx.campaignMembers().find(adaMember.id()))).contains(responded);
        assertThat(read((StoreTransaction tx) -> tx.campaignMembers().findMembership(launch.id(), grace.id())))
                .contains(graceMember);
        assertThat(read((StoreTransaction tx) -> tx.campaignMembers().findMembership(mail.id(), ada.id()))).isEmpty();
        assertThat(read((StoreTransaction tx) -> tx.campaignMembers().findByCampaign(launch.id())))
                .containsExactlyElementsOf(byId(List.of(responded, graceMember)));
        assertThat(read((StoreTransaction tx) -> tx.campaignMembers().findByMember(grace.id())))
                .containsExactlyElementsOf(byId(List.of(graceMember, graceInMail)));
        assertThat(read((StoreTransaction tx) -> tx.campaignMembers().findByMember(
                LeadId.of(ada.id().value())))).isEmpty();

        List<CampaignMember> joined = new ArrayList<>();
        write((StoreTransaction tx) -> {
            for (int i = 0; i < 5; i++) {
                Instant at = ago(1000 - (i % 3) * 100);
                CampaignMember m = new CampaignMember(CampaignMemberId.of("m-" + (9 - i)), tenant,
                        1, mail.id(), ContactId.of("c-" + i), CampaignMemberStatus.SENT, at, null, null, null, 0, at);
                tx.campaignMembers().insert(m);
                joined.add(m);
            }
            return null;
        });
        joined.add(graceInMail);
        joined.sort(Comparator.comparing(CampaignMember::joinedAt).thenComparing(m -> m.id().value()));
        Page<CampaignMember> page = read((StoreTransaction tx) -> tx.campaignMembers().pageByCampaign(mail.id(),
                new PageRequest(2, 3)));
        assertThat(page.total()).isEqualTo(6);
        assertThat(page.items()).containsExactlyElementsOf(joined.subList(2, 5));
        assertThat(crm.campaigns().members(mail.id(), PageRequest.first(10)).items()).containsExactlyElementsOf(joined);
    }

    @Test
    public void aConsentRecordKeepsEveryDecisionInItsHistory() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        crm.privacy().consents().grant(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "web-form");
        crm.privacy().consents().withdraw(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "unsubscribe \"link\"");
        Consent consent = crm.privacy().consents().grant(ada.id(), ConsentPurpose.SALES, ConsentChannel.PHONE, "call");

        assertThat(consent.history()).hasSize(3);
        assertThat(consent.entries()).hasSize(2);
        assertThat(read((StoreTransaction tx) -> tx.consents().find(consent.id()))).contains(consent);
        assertThat(crm.privacy().consents().history(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL))
                .extracting(ConsentEntry::status).containsExactly(ConsentStatus.GRANTED, ConsentStatus.WITHDRAWN);
        assertThat(store.read(other, (StoreTransaction tx) -> tx.consents().find(consent.id()))).isEmpty();
    }

    @Test
    public void tombstonesAndExternalKeysRoundTripPageAndConflictLikeEveryAggregate() {
        List<Tombstone> stones = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stones.add(new Tombstone(TombstoneId.of("email:h" + (7 - i)), tenant, 1, IdentifierKind.EMAIL, ago(i), ago(i)));
        }
        ExternalKey key = new ExternalKey(ExternalKeyId.of("account", "ERP-1042"), tenant, 1, "account", "ERP-1042",
                "a-1", NOW);
        String longKey = "K".repeat(400);
        ExternalKey hashed = new ExternalKey(ExternalKeyId.of("contact", longKey), tenant, 1, "contact", longKey, "c-1",
                ago(5));
        write((StoreTransaction tx) -> {
            stones.forEach(tx.tombstones()::insert);
            tx.externalKeys().insert(key);
            tx.externalKeys().insert(hashed);
            return null;
        });

        assertThat(read((StoreTransaction tx) -> tx.tombstones().find(stones.get(3).id()))).contains(stones.get(3));
        assertThat(read((StoreTransaction tx) -> tx.tombstones().list(new PageRequest(2, 3)).items()))
                .containsExactlyElementsOf(byId(stones).subList(2, 5));
        assertThat(read((StoreTransaction tx) -> tx.externalKeys().find(ExternalKeyId.of("account", "ERP-1042"))))
                .contains(key);
        assertThat(read((StoreTransaction tx) -> tx.externalKeys().find(hashed.id()))).contains(hashed);
        assertThatThrownBy(() -> write((StoreTransaction tx) -> {
            tx.externalKeys().insert(key);
            return null;
        })).isInstanceOf(CrmConflictException.class);
        assertThatThrownBy(() -> write((StoreTransaction tx) -> {
            tx.tombstones().update(new Tombstone(stones.get(0).id(), tenant, 3, IdentifierKind.PHONE, NOW, NOW));
            return null;
        })).isInstanceOf(CrmConflictException.class);
        assertThat(write((StoreTransaction tx) -> tx.externalKeys().delete(key.id()))).isTrue();
        assertThat(read((StoreTransaction tx) -> tx.externalKeys().count())).isEqualTo(1);
        assertThat(read((StoreTransaction tx) -> tx.tombstones().find(stones.get(0).id()))).contains(stones.get(0));
        assertThat(store.read(other, (StoreTransaction tx) -> tx.tombstones().count() + tx.externalKeys().count())).isZero();
    }

    private static Activity version(Activity a, long v) {
        return new Activity(a.id(), a.tenantId(), v, a.type(), a.channel(), a.direction(), a.occurredAt(), a.actor(),
                a.subject(), a.body(), a.duration(), a.links(), a.purchase(), a.createdAt(), a.updatedAt(),
                a.customFields());
    }

    private static Task version(Task t, long v) {
        return new Task(t.id(), t.tenantId(), v, t.title(), t.description(), t.dueOn(), t.assigneeId(), t.status(),
                t.priority(), t.links(), t.createdAt(), t.updatedAt(), t.completedAt(), t.customFields());
    }

    private static Ticket version(Ticket t, long v) {
        return new Ticket(t.id(), t.tenantId(), v, t.subject(), t.description(), t.contactId(), t.accountId(),
                t.priority(), t.status(), t.assigneeId(), t.channel(), t.slaPolicy(), t.createdAt(), t.updatedAt(),
                t.firstResponseAt(), t.resolvedAt(), t.closedAt(), t.customFields());
    }

    private static Campaign version(Campaign c, long v) {
        return new Campaign(c.id(), c.tenantId(), v, c.name(), c.channel(), c.status(), c.startDate(), c.endDate(),
                c.budget(), c.actualCost(), c.createdAt(), c.updatedAt(), c.customFields());
    }

    private static CampaignMember version(CampaignMember m, long v) {
        return new CampaignMember(m.id(), m.tenantId(), v, m.campaignId(), m.memberId(), m.status(), m.joinedAt(),
                m.respondedAt(), m.firstTouchAt(), m.lastTouchAt(), m.touches(), m.updatedAt());
    }

    @Test
    public void everyNewAggregateRefusesAStaleUpdateWithTheSameConflictAndKeepsWhatIsStored() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Activity note = crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.EMAIL).byUser(ALICE).contact(ada.id()).body("x"));
        Task task = crm.tasks().create(NewTask.titled("Call").contact(ada.id()).assignee(ALICE));
        Ticket ticket = crm.tickets().open(NewTicket.about(ada.id(), "Help"));
        Campaign campaign = crm.campaigns().create(NewCampaign.named("C", CampaignChannel.EMAIL).budget(Money.of("100.00", "EUR")));
        CampaignMember member = crm.campaigns().addMember(campaign.id(), ada.id());
        Consent consent = crm.privacy().consents().grant(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "form");
        crm.activities().correct(note.withContent("corrected", "y"));
        crm.tasks().update(task.withDetails("Call back", null));
        crm.tickets().update(ticket.withDetails("Help!", null));
        crm.campaigns().update(campaign.withName("C2"));
        crm.campaigns().touch(campaign.id(), ada.id(), null);
        crm.privacy().consents().withdraw(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "form");

        List<Function<StoreTransaction, Object>> staleWrites = List.of(
                tx -> { tx.activities().update(version(note.withContent("stale", null), 2)); return ""; },
                tx -> { tx.tasks().update(version(task.withDetails("stale", null), 2)); return ""; },
                tx -> { tx.tickets().update(version(ticket.withDetails("stale", null), 2)); return ""; },
                tx -> { tx.campaigns().update(version(campaign.withName("stale"), 2)); return ""; },
                tx -> { tx.campaignMembers().update(version(member, 2)); return ""; },
                tx -> { tx.consents().update(consent.withVersion(2)); return ""; });
        for (Function<StoreTransaction, Object> stale : staleWrites) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> write(stale)))
                    .isInstanceOfSatisfying(CrmConflictException.class, c -> {
                        assertThat(c.expectedVersion()).isEqualTo(1);
                        assertThat(c.actualVersion()).isEqualTo(2);
                    });
        }
        assertThat(crm.activities().get(note.id()).subject()).isEqualTo("corrected");
        assertThat(crm.tasks().get(task.id()).title()).isEqualTo("Call back");
        assertThat(crm.tickets().get(ticket.id()).subject()).isEqualTo("Help!");
        assertThat(crm.campaigns().get(campaign.id()).name()).isEqualTo("C2");
        assertThat(read((StoreTransaction tx) -> tx.campaignMembers().find(member.id())).orElseThrow().touches())
                .isEqualTo(1);
        assertThat(crm.privacy().consents().find(ada.id()).orElseThrow().history()).hasSize(2);
    }

    @Test
    public void contactsAndAccountsAreFoundByExternalIdMatchKeyAndContactRole() {
        Account acme = crm.accounts().create(NewAccount.named("Acme Rockets GmbH").externalId("erp", "A-1"));
        Account other = crm.accounts().create(NewAccount.named("Rockets Inc"));
        Contact ada = crm.contacts().create(NewContact.withEmail("ada+news@acme.example").phone("+44 20 7946 0958")
                .externalId("erp", "C-1").externalId("shop", "42"));
        Contact ada2 = crm.contacts().create(NewContact.withEmail("ada@acme.example"));
        Contact bob = crm.contacts().create(NewContact.withEmail("bob@other.example"));
        crm.accounts().setContactRole(acme.id(), ContactRole.of(ada.id(), ContactRoleType.INFLUENCER));
        Account withRole = crm.accounts().setContactRole(other.id(), ContactRole.primary(ada.id(), ContactRoleType.CHAMPION));
        Account acmeNow = crm.accounts().get(acme.id());

        assertThat(read((StoreTransaction tx) -> tx.contacts().find(ada.id())).orElseThrow().externalIds().ids())
                .extracting(ExternalId::system).containsExactly("erp", "shop");
        assertThat(read((StoreTransaction tx) -> tx.contacts().findByExternalId(
                ExternalId.of("shop", "42")))).contains(ada);
        assertThat(read((StoreTransaction tx) -> tx.contacts().findByExternalId(
                ExternalId.of("erp", "42")))).isEmpty();
        assertThat(read((StoreTransaction tx) -> tx.accounts().findByExternalId(
                ExternalId.of("erp", "A-1")))).contains(acmeNow);
        for (MatchKey key : MatchKey.of(ada)) {
            assertThat(read((StoreTransaction tx) -> tx.contacts().findByMatchKey(key))).as(key.toString()).contains(ada);
        }
        MatchKey base = new MatchKey(
                MatchKey.Kind.EMAIL_BASE, "ada@acme.example");
        assertThat(read((StoreTransaction tx) -> tx.contacts().findByMatchKey(base)))
                .containsExactlyElementsOf(byId(List.of(ada, ada2)));
        assertThat(read((StoreTransaction tx) -> tx.contacts().findByMatchKey(new MatchKey(
                MatchKey.Kind.EMAIL_DOMAIN, "acme.example"))))
                .containsExactlyElementsOf(byId(List.of(ada, ada2)));
        assertThat(read((StoreTransaction tx) -> tx.accounts().findByMatchKey(new MatchKey(
                MatchKey.Kind.NAME_TOKEN, "rockets"))))
                .containsExactlyElementsOf(byId(List.of(acmeNow, withRole)));
        assertThat(read((StoreTransaction tx) -> tx.accounts().findByContactRole(ada.id())))
                .containsExactlyElementsOf(byId(List.of(acmeNow, withRole)));
        assertThat(read((StoreTransaction tx) -> tx.accounts().findByContactRole(bob.id()))).isEmpty();

        Contact moved = crm.contacts().update(crm.contacts().get(ada.id())
                .withEmails(List.of(EmailAddress.of("ada@new.example"))));
        assertThat(read((StoreTransaction tx) -> tx.contacts().findByMatchKey(base))).containsExactly(ada2);
        assertThat(read((StoreTransaction tx) -> tx.contacts().findByMatchKey(new MatchKey(
                MatchKey.Kind.EMAIL_BASE, "ada@new.example")))).containsExactly(moved);
        assertThat(store.read(this.other, (StoreTransaction tx) -> tx.contacts().findByMatchKey(base))).isEmpty();
        assertThat(store.read(this.other, (StoreTransaction tx) -> tx.accounts().findByContactRole(ada.id()))).isEmpty();
    }

    @Test
    public void aMergeMovesTheLosersRecordsToTheSurvivorAndIsFoundBySurvivorAndLoser() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));
        Contact dup = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada+crm@acme.example")
                .title("CTO").externalId("erp", "C-9"));
        Activity call = crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE).byUser(ALICE).contact(dup.id()));
        Task task = crm.tasks().create(NewTask.titled("Follow up").contact(dup.id()).assignee(ALICE));
        Ticket ticket = crm.tickets().open(NewTicket.about(dup.id(), "Help"));
        Campaign campaign = crm.campaigns().create(NewCampaign.named("C", CampaignChannel.EMAIL).budget(Money.of("100.00", "EUR")));
        crm.campaigns().addMember(campaign.id(), dup.id());
        crm.privacy().consents().grant(dup.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "form");

        assertThat(crm.duplicates().candidates(ada.id())).extracting(c -> c.id()).contains(dup.id());
        MergeRecord merge = crm.duplicates().mergeContacts(ada.id(), dup.id());

        assertThat(read((StoreTransaction tx) -> tx.mergeRecords().find(merge.id()))).contains(merge);
        assertThat(read((StoreTransaction tx) -> tx.mergeRecords().findByLoser(dup.id()))).contains(merge);
        assertThat(read((StoreTransaction tx) -> tx.mergeRecords().findByLoser(ada.id()))).isEmpty();
        assertThat(read((StoreTransaction tx) -> tx.mergeRecords().findBySurvivor(ada.id()))).containsExactly(merge);
        assertThat(merge.relinked()).contains(call.id(), task.id(), ticket.id());
        assertThat(crm.duplicates().survivorOf(dup.id())).isEqualTo(ada.id());
        assertThat(read((StoreTransaction tx) -> tx.contacts().find(dup.id()))).isEmpty();
        Contact survivor = crm.contacts().get(ada.id());
        assertThat(survivor.emails()).hasSize(2);
        assertThat(read((StoreTransaction tx) -> tx.contacts().findByExternalId(
                ExternalId.of("erp", "C-9")))).contains(survivor);
        assertThat(read((StoreTransaction tx) -> tx.activities().timeline(ada.id(), PageRequest.first(10)).items()))
                .extracting(Activity::id).containsExactly(call.id());
        assertThat(read((StoreTransaction tx) -> tx.tasks().findByLink(ada.id()))).extracting(Task::id)
                .containsExactly(task.id());
        assertThat(read((StoreTransaction tx) -> tx.tickets().findByContact(ada.id()))).extracting(Ticket::id)
                .containsExactly(ticket.id());
        assertThat(read((StoreTransaction tx) -> tx.campaignMembers().findMembership(campaign.id(), ada.id()))).isPresent();
        assertThat(crm.privacy().consents().find(ada.id())).isPresent();
        assertThat(store.read(other, (StoreTransaction tx) -> tx.mergeRecords().findByLoser(dup.id()))).isEmpty();
    }

    @Test
    public void anErasureLeavesNoneOfThePersonsDataAnywhereInTheStore() {
        crm.customFields().define(EntityType.CONTACT, FieldDefinition.of("nickname", FieldType.TEXT));
        Account acme = crm.accounts().create(NewAccount.named("Acme GmbH"));
        Contact ada = crm.contacts().create(NewContact.named("Augusta", "Byronsdaughter")
                .email("augusta.byron@analytical.example").phone("+44 20 7946 0958").title("Countess")
                .account(acme.id()).tag("difference-engine").externalId("erp", "Ada-ERP-77")
                .address(new PostalAddress("12 St James Square", "Marylebone", "W1", null, "GB"))
                .field("nickname", FieldValue.text("Enchantress")));
        crm.privacy().consents().grant(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "Marylebone fair");
        Contact twin = crm.contacts().create(NewContact.named("Augusta", "Byronsdaughter")
                .email("augusta.byron+twin@analytical.example"));
        crm.duplicates().mergeContacts(ada.id(), twin.id());
        crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).name("Augusta", "Byronsdaughter")
                .email("augusta.byron@analytical.example").company("Byronsdaughter Analytics"));
        crm.activities().log(NewActivity.of(ActivityType.EMAIL, Channel.EMAIL).byUser(ALICE).contact(ada.id())
                .subject("Byronsdaughter on the engine").body("Dear Countess, greetings from Marylebone"));
        Ticket ticket = crm.tickets().open(NewTicket.about(ada.id(), "Byronsdaughter cannot log in")
                .description("The Countess says the console fails"));
        crm.tasks().create(NewTask.titled("Call Byronsdaughter back").contact(ada.id()).assignee(ALICE)
                .description("Countess"));
        crm.tasks().create(NewTask.titled("Check the ticket").ticket(ticket.id()).assignee(ALICE)
                .description("for the Enchantress"));
        Campaign campaign = crm.campaigns().create(NewCampaign.named("Launch", CampaignChannel.EMAIL).budget(Money.of("100.00", "EUR")));
        crm.campaigns().addMember(campaign.id(), ada.id());
        List<String> personal = List.of("Augusta", "Byronsdaughter", "analytical.example", "7946", "Countess",
                "difference-engine", "Enchantress", "St James", "Marylebone", "Ada-ERP-77");
        for (String value : personal) {
            assertThat(placesHolding(tenant, List.of(value))).as(value).isNotEmpty();
        }

        crm.privacy().erase(ada.id(), "request 2026-118");

        assertThat(placesHolding(tenant, personal)).isEmpty();
        assertThat(crm.contacts().get(ada.id()).lastName()).isEqualTo(PrivacyService.ERASED_NAME);
        assertThat(crm.contacts().get(ada.id()).accountId()).isEqualTo(acme.id());
        assertThat(crm.privacy().consents().find(ada.id())).isEmpty();
        assertThat(read((StoreTransaction tx) -> tx.tombstones().count())).isEqualTo(3);
        assertThatThrownBy(() -> crm.contacts().create(NewContact.withEmail("Augusta.Byron@analytical.example")))
                .isInstanceOf(ErasedIdentityException.class);
        assertThat(read((StoreTransaction tx) -> tx.campaignMembers().findMembership(campaign.id(), ada.id()))).isPresent();
    }
}
