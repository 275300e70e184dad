package dev.rapport.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Actor;
import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.event.AccountUpdated;
import dev.rapport.crm.event.AccountsMerged;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.event.ContactsMerged;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.LifecycleChanged;
import dev.rapport.crm.event.OpportunityUpdated;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoleType;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.NewSubscription;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.spi.IdGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeTest {
    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private final Crm crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential("t"))
            .actor(() -> Actor.user("merger")).build();
    private final List<CrmEvent> events = new ArrayList<>();

    {
        crm.events().subscribe(events::add);
    }

    @Test
    void theSurvivorKeepsItsValuesFillsBlanksAndKeepsTheLosersAddressesAndIdsAsAliases() {
        Contact keep = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example")
                .externalId("shop", "1"));
        Contact drop = crm.contacts().create(NewContact.named("Ada", "King").email("ada.king@acme.example")
                .title("Analyst").phone("+4930123456").externalId("sap", "77"));

        MergeRecord merge = crm.duplicates().mergeContacts(keep.id(), drop.id());

        Contact merged = crm.contacts().get(keep.id());
        assertThat(merged.lastName()).isEqualTo("Lovelace");
        assertThat(merged.title()).isEqualTo("Analyst");
        assertThat(merged.phones()).extracting(p -> p.value()).containsExactly("+4930123456");
        assertThat(merged.emails()).containsExactly(EmailAddress.of("ada@acme.example"),
                EmailAddress.of("ada.king@acme.example"));
        assertThat(merged.version()).isEqualTo(2);
        assertThat(crm.contacts().find(drop.id())).isEmpty();
        assertThat(crm.contacts().findByEmail("ADA.KING@acme.example")).map(Contact::id).contains(keep.id());
        assertThat(crm.contacts().findByExternalId("sap", "77")).map(Contact::id).contains(keep.id());
        assertThat(crm.duplicates().survivorOf(drop.id())).isEqualTo(keep.id());
        assertThat(merge.changedFields()).containsExactly("emails", "externalIds", "phones", "title");
        assertThat(merge.actor()).isEqualTo(Actor.user("merger"));
        assertThat(merge.mergedAt()).isEqualTo(clock.instant());
        assertThat(crm.duplicates().mergesInto(keep.id())).containsExactly(merge);
    }

    @Test
    void aMergePublishesContactsMergedAfterTheRelinkingEvents() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact keep = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Contact drop = crm.contacts().create(NewContact.named("Ada", "L."));
        crm.accounts().setContactRole(acme.id(), ContactRole.primary(drop.id(), ContactRoleType.CHAMPION));
        events.clear();

        MergeRecord merge = crm.duplicates().mergeContacts(keep.id(), drop.id());

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(AccountUpdated.class, e -> {
            assertThat(e.accountId()).isEqualTo(acme.id());
            assertThat(e.changedFields()).containsExactly("contactRoles");
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(ContactsMerged.class, e -> {
            assertThat(e.mergeId()).isEqualTo(merge.id());
            assertThat(e.survivorId()).isEqualTo(keep.id());
            assertThat(e.loserId()).isEqualTo(drop.id());
            assertThat(e.meta().actor()).isEqualTo(Actor.user("merger"));
        });
        assertThat(crm.accounts().get(acme.id()).contactRoles().roles())
                .containsExactly(ContactRole.primary(keep.id(), ContactRoleType.CHAMPION));
        assertThat(merge.relinked()).containsExactly(acme.id());
    }

    @Test
    void aRoleTheSurvivorAlreadyHasIsKeptAndTheLosersDropped() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact keep = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Contact drop = crm.contacts().create(NewContact.named("Ada", "L."));
        crm.accounts().setContactRole(acme.id(), ContactRole.of(keep.id(), ContactRoleType.INFLUENCER));
        crm.accounts().setContactRole(acme.id(), ContactRole.primary(drop.id(), ContactRoleType.DECISION_MAKER));

        crm.duplicates().mergeContacts(keep.id(), drop.id());

        assertThat(crm.accounts().get(acme.id()).contactRoles().roles())
                .containsExactly(ContactRole.of(keep.id(), ContactRoleType.INFLUENCER));
    }

    @Test
    void survivorshipRulesPickPerField() {
        Contact keep = crm.contacts().create(NewContact.named("Ada", "Lovelace").title("Analyst").tag("a"));
        clock.advance(Duration.ofHours(1));
        Contact drop = crm.contacts().create(NewContact.named("Augusta", "King").title("Countess").tag("b"));
        Survivorship<Contact> rules = Survivorship.contactDefaults()
                .with(ContactFields.TITLE, SurvivorshipRule.newest())
                .with(ContactFields.FIRST_NAME, SurvivorshipRule.of((k, d) -> k + " / " + d))
                .with(ContactFields.TAGS, SurvivorshipRule.keepSurvivor());

        crm.duplicates().mergeContacts(keep.id(), drop.id(), rules);

        Contact merged = crm.contacts().get(keep.id());
        assertThat(merged.title()).isEqualTo("Countess");
        assertThat(merged.firstName()).isEqualTo("Ada / Augusta");
        assertThat(merged.lastName()).isEqualTo("Lovelace");
        assertThat(merged.tags()).containsExactly("a");
    }

    @Test
    void theSurvivorTakesTheLifecycleStageFurtherAlong() {
        Contact keep = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Contact drop = crm.contacts().create(NewContact.named("Ada", "L.").lifecycleStage(LifecycleStage.CUSTOMER));
        events.clear();

        crm.duplicates().mergeContacts(keep.id(), drop.id());

        assertThat(crm.contacts().get(keep.id()).lifecycleStage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(events).first().isInstanceOfSatisfying(LifecycleChanged.class,
                e -> assertThat(e.to()).isEqualTo(LifecycleStage.CUSTOMER));
    }

    @Test
    void mergingARecordWithItselfOrAMissingOneIsRefusedAndChangesNothing() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        events.clear();

        assertThatThrownBy(() -> crm.duplicates().mergeContacts(ada.id(), ada.id()))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("loserId"));
        assertThatThrownBy(() -> crm.duplicates().mergeAccounts(acme.id(), acme.id()))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("loserId"));
        assertThatThrownBy(() -> crm.duplicates().mergeContacts(ada.id(), ContactId.of("nobody")))
                .isInstanceOf(CrmNotFoundException.class);
        assertThat(crm.contacts().get(ada.id())).isEqualTo(ada);
        assertThat(events).isEmpty();
    }

    @Test
    void aMergeRefusedForItsMergedValuesChangesNothing() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Account other = crm.accounts().create(NewAccount.named("Other").parent(acme.id()));
        Contact c1 = crm.contacts().create(NewContact.named("Ada", "L").account(acme.id()));
        List<Contact> contactsBefore = crm.contacts().list(PageRequest.first(100)).items();
        List<Account> accountsBefore = crm.accounts().list(PageRequest.first(100)).items();
        events.clear();
        // an owner that is not an active user makes the merged account invalid
        Survivorship<Account> failing = Survivorship.accountDefaults()
                .with(AccountFields.OWNER, SurvivorshipRule.of((k, d) -> dev.rapport.crm.directory.UserId.of("ghost")));

        assertThatThrownBy(() -> crm.duplicates().mergeAccounts(other.id(), acme.id(), failing))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("ownerId"));
        assertThat(crm.contacts().list(PageRequest.first(100)).items()).isEqualTo(contactsBefore);
        assertThat(crm.accounts().list(PageRequest.first(100)).items()).isEqualTo(accountsBefore);
        assertThat(crm.duplicates().survivorOf(acme.id())).isEqualTo(acme.id());
        assertThat(crm.contacts().get(c1.id()).accountId()).isEqualTo(acme.id());
        assertThat(events).isEmpty();
    }

    @Test
    void anAccountMergeMovesContactsSubsidiariesRolesAndIds() {
        Account keep = crm.accounts().create(NewAccount.named("Acme GmbH").externalId("sap", "1"));
        Account drop = crm.accounts().create(NewAccount.named("ACME").domain("acme.example").industry("Tools")
                .externalId("shop", "9"));
        Account child = crm.accounts().create(NewAccount.named("Acme Sub").parent(drop.id()));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "L").account(drop.id()));
        Contact bob = crm.contacts().create(NewContact.named("Bob", "B").account(keep.id()));
        crm.accounts().setContactRole(keep.id(), ContactRole.primary(bob.id(), ContactRoleType.CHAMPION));
        crm.accounts().setContactRole(drop.id(), ContactRole.primary(ada.id(), ContactRoleType.DECISION_MAKER));
        events.clear();

        MergeRecord merge = crm.duplicates().mergeAccounts(keep.id(), drop.id());

        Account merged = crm.accounts().get(keep.id());
        assertThat(merged.name()).isEqualTo("Acme GmbH");
        assertThat(merged.domain()).isEqualTo("acme.example");
        assertThat(merged.industry()).isEqualTo("Tools");
        assertThat(merged.contactRoles().roles()).containsExactly(
                ContactRole.primary(bob.id(), ContactRoleType.CHAMPION),
                ContactRole.of(ada.id(), ContactRoleType.DECISION_MAKER));
        assertThat(crm.accounts().findByExternalId("shop", "9")).map(Account::id).contains(keep.id());
        assertThat(crm.contacts().get(ada.id()).accountId()).isEqualTo(keep.id());
        assertThat(crm.accounts().get(child.id()).parentId()).isEqualTo(keep.id());
        assertThat(crm.accounts().find(drop.id())).isEmpty();
        assertThat(merge.relinked()).containsExactlyInAnyOrder(ada.id(), child.id());
        assertThat(events).filteredOn(ContactUpdated.class::isInstance).hasSize(1);
        assertThat(events).last().isInstanceOfSatisfying(AccountsMerged.class, e -> {
            assertThat(e.survivorId()).isEqualTo(keep.id());
            assertThat(e.changedFields()).contains("domain", "industry", "externalIds", "contactRoles");
        });
    }

    @Test
    void aSubsidiaryMergedWithItsParentTakesTheGrandparent() {
        Account group = crm.accounts().create(NewAccount.named("Group"));
        Account parent = crm.accounts().create(NewAccount.named("Parent").parent(group.id()));
        Account sub = crm.accounts().create(NewAccount.named("Sub").parent(parent.id()));

        crm.duplicates().mergeAccounts(sub.id(), parent.id());

        assertThat(crm.accounts().get(sub.id()).parentId()).isEqualTo(group.id());
    }

    @Test
    void aParentChoiceThatWouldMakeACycleFallsBackToTheSurvivorsParent() {
        Account group = crm.accounts().create(NewAccount.named("Group"));
        Account keep = crm.accounts().create(NewAccount.named("Keep").parent(group.id()));
        Account drop = crm.accounts().create(NewAccount.named("Drop"));
        Account child = crm.accounts().create(NewAccount.named("Child").parent(drop.id()));
        Survivorship<Account> rules = Survivorship.accountDefaults()
                .with(AccountFields.PARENT, SurvivorshipRule.of((k, d) -> child.id()));

        crm.duplicates().mergeAccounts(keep.id(), drop.id(), rules);

        assertThat(crm.accounts().get(keep.id()).parentId()).isEqualTo(group.id());
        assertThat(crm.accounts().get(child.id()).parentId()).isEqualTo(keep.id());
    }

    @Test
    void mergingAnAncestorWithADescendantKeepsTheHierarchyAcyclic() {
        Account top = crm.accounts().create(NewAccount.named("Top"));
        Account middle = crm.accounts().create(NewAccount.named("Middle").parent(top.id()));
        Account bottom = crm.accounts().create(NewAccount.named("Bottom").parent(middle.id()));

        crm.duplicates().mergeAccounts(top.id(), bottom.id());

        assertThat(crm.accounts().get(top.id()).parentId()).isNull();
        assertThat(crm.accounts().get(middle.id()).parentId()).isEqualTo(top.id());
    }

    @Test
    void aStoreFailureAfterRelinkingLeavesEverythingAsItWas() {
        Crm failing = Crm.builder().store(FailingStore.failingOnMergeRecordInsert())
                .idGenerator(IdGenerator.sequential("f")).build();
        List<CrmEvent> seen = new ArrayList<>();
        failing.events().subscribe(seen::add);
        Account keep = failing.accounts().create(NewAccount.named("Keep"));
        Account drop = failing.accounts().create(NewAccount.named("Drop"));
        failing.accounts().create(NewAccount.named("Child").parent(drop.id()));
        failing.contacts().create(NewContact.named("Ada", "L").account(drop.id()));
        List<Contact> contactsBefore = failing.contacts().list(PageRequest.first(100)).items();
        List<Account> accountsBefore = failing.accounts().list(PageRequest.first(100)).items();
        seen.clear();

        assertThatThrownBy(() -> failing.duplicates().mergeAccounts(keep.id(), drop.id()))
                .isInstanceOf(IllegalStateException.class);

        assertThat(failing.contacts().list(PageRequest.first(100)).items()).isEqualTo(contactsBefore);
        assertThat(failing.accounts().list(PageRequest.first(100)).items()).isEqualTo(accountsBefore);
        assertThat(failing.duplicates().survivorOf(drop.id())).isEqualTo(drop.id());
        assertThat(seen).isEmpty();
    }

    @Test
    void opportunitiesAndSubscriptionsFollowTheSurvivor() {
        Account keep = crm.accounts().create(NewAccount.named("Keep"));
        Account drop = crm.accounts().create(NewAccount.named("Drop"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "L").account(drop.id()));
        Contact twin = crm.contacts().create(NewContact.named("Ada", "Lovelace").account(keep.id()));
        Opportunity deal = crm.opportunities().create(NewOpportunity.named("Rollout").account(drop.id()));
        crm.opportunities().setContactRole(deal.id(), ContactRole.primary(ada.id(), ContactRoleType.CHAMPION));
        Subscription plan = crm.subscriptions().start(NewSubscription.of(drop.id(), "Pro", Money.of("100.00", "EUR"))
                .contact(ada.id()));

        MergeRecord accounts = crm.duplicates().mergeAccounts(keep.id(), drop.id());
        events.clear();
        MergeRecord contacts = crm.duplicates().mergeContacts(twin.id(), ada.id());

        Opportunity movedDeal = crm.opportunities().get(deal.id());
        assertThat(movedDeal.accountId()).isEqualTo(keep.id());
        assertThat(movedDeal.contactRoles().contactIds()).containsExactly(twin.id());
        Subscription movedPlan = crm.subscriptions().get(plan.id());
        assertThat(movedPlan.accountId()).isEqualTo(keep.id());
        assertThat(movedPlan.contactId()).isEqualTo(twin.id());
        assertThat(accounts.relinked()).contains(deal.id(), plan.id(), ada.id());
        assertThat(contacts.relinked()).contains(deal.id(), plan.id());
        assertThat(events).filteredOn(OpportunityUpdated.class::isInstance).hasSize(1);
    }

    @Test
    void aMergedAwayIdResolvesThroughMergesOfMerges() {
        Contact a = crm.contacts().create(NewContact.named("A", "One"));
        Contact b = crm.contacts().create(NewContact.named("A", "Two"));
        Contact c = crm.contacts().create(NewContact.named("A", "Three"));

        crm.duplicates().mergeContacts(b.id(), a.id());
        crm.duplicates().mergeContacts(c.id(), b.id());

        assertThat(crm.duplicates().survivorOf(a.id())).isEqualTo(c.id());
        assertThat(crm.duplicates().survivorOf(c.id())).isEqualTo(c.id());
    }

    @Test
    void aMergeNeverReachesIntoAnotherTenant() {
        Contact a = crm.forTenant(TenantId.of("a")).contacts().create(NewContact.named("Ada", "L"));
        Contact b = crm.forTenant(TenantId.of("b")).contacts().create(NewContact.named("Ada", "L"));
        AccountId foreign = crm.forTenant(TenantId.of("a")).accounts().create(NewAccount.named("A")).id();

        assertThatThrownBy(() -> crm.forTenant(TenantId.of("b")).duplicates().mergeContacts(b.id(), a.id()))
                .isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm.forTenant(TenantId.of("b")).duplicates().mergeAccounts(foreign,
                crm.forTenant(TenantId.of("b")).accounts().create(NewAccount.named("B")).id()))
                .isInstanceOf(CrmNotFoundException.class);
        assertThat(crm.forTenant(TenantId.of("a")).contacts().find(a.id())).isPresent();
    }
}
