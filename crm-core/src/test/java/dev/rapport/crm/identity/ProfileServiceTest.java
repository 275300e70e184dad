package dev.rapport.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.lifecycle.JourneyStage;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoleType;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.NewSubscription;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.spi.IdGenerator;
import org.junit.jupiter.api.Test;

class ProfileServiceTest {
    private final Crm crm = Crm.builder().idGenerator(IdGenerator.sequential("t")).build();

    @Test
    void aContactsProfileShowsItsAccountHierarchyColleaguesDealsAndSubscriptions() {
        Account group = crm.accounts().create(NewAccount.named("Group"));
        Account acme = crm.accounts().create(NewAccount.named("Acme").parent(group.id()));
        Account sub = crm.accounts().create(NewAccount.named("Acme Sub").parent(acme.id()));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").account(acme.id()));
        Contact bob = crm.contacts().create(NewContact.named("Bob", "B").account(acme.id()));
        Opportunity open = crm.opportunities().create(NewOpportunity.named("Open deal").account(acme.id()));
        Opportunity lost = crm.opportunities().create(NewOpportunity.named("Lost deal"));
        crm.opportunities().setContactRole(lost.id(), ContactRole.of(ada.id(), ContactRoleType.INFLUENCER));
        crm.opportunities().closeLost(lost.id(), "budget");
        Subscription plan = crm.subscriptions().start(NewSubscription.of(acme.id(), "Pro", Money.of("50.00", "EUR")));
        crm.contacts().setJourneyStage(ada.id(), JourneyStage.ONBOARDING);

        Customer360 profile = crm.profiles().get(ada.id());

        assertThat(profile.contact().id()).isEqualTo(ada.id());
        assertThat(profile.account().id()).isEqualTo(acme.id());
        assertThat(profile.ancestors()).extracting(Account::id).containsExactly(group.id());
        assertThat(profile.subsidiaries()).extracting(Account::id).containsExactly(sub.id());
        assertThat(profile.contacts()).extracting(Contact::id).containsExactly(ada.id(), bob.id());
        assertThat(profile.openOpportunities()).extracting(Opportunity::id).containsExactly(open.id());
        assertThat(profile.closedOpportunities()).extracting(Opportunity::id).containsExactly(lost.id());
        assertThat(profile.lifecycleStage()).isEqualTo(crm.contacts().get(ada.id()).lifecycleStage());
        assertThat(profile.journeyStage()).isEqualTo(JourneyStage.ONBOARDING);
        assertThat(profile.subscriptions()).extracting(Subscription::id).containsExactly(plan.id());
    }

    @Test
    void anAccountsProfileTakesTheLifecycleStageFurthestAlongAmongItsContacts() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        crm.contacts().create(NewContact.named("Ada", "L").account(acme.id()).lifecycleStage(LifecycleStage.CUSTOMER));
        crm.contacts().create(NewContact.named("Bob", "B").account(acme.id()));

        Customer360 profile = crm.profiles().get(acme.id());

        assertThat(profile.contact()).isNull();
        assertThat(profile.account().id()).isEqualTo(acme.id());
        assertThat(profile.contacts()).hasSize(2);
        assertThat(profile.lifecycleStage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(profile.journeyStage()).isNull();
    }

    @Test
    void aMergedAwayIdOpensTheSurvivorsProfile() {
        Contact keep = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Contact drop = crm.contacts().create(NewContact.named("Ada", "L"));
        crm.duplicates().mergeContacts(keep.id(), drop.id());

        assertThat(crm.profiles().get(drop.id()).contact().id()).isEqualTo(keep.id());
    }

    @Test
    void profilesStayInTheirTenant() {
        Contact ada = crm.forTenant(TenantId.of("a")).contacts().create(NewContact.named("Ada", "L"));
        Account acme = crm.forTenant(TenantId.of("a")).accounts().create(NewAccount.named("Acme"));

        assertThatThrownBy(() -> crm.forTenant(TenantId.of("b")).profiles().get(ada.id()))
                .isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm.forTenant(TenantId.of("b")).profiles().get(acme.id()))
                .isInstanceOf(CrmNotFoundException.class);
    }
}
