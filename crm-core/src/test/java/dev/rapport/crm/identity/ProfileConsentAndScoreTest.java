package dev.rapport.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.governance.ConsentChannel;
import dev.rapport.crm.governance.ConsentPurpose;
import dev.rapport.crm.governance.ConsentStatus;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import org.junit.jupiter.api.Test;

class ProfileConsentAndScoreTest {
    private final Crm crm = Crm.builder().build();

    @Test
    void aContactsProfileShowsItsConsentsAndItsLeadsScores() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));
        crm.privacy().consents().grant(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "web form");
        Lead first = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).email("ADA@acme.example"));
        Lead second = crm.leads().capture(NewLead.from(LeadSource.EVENT).email("ada@acme.example"));
        crm.leads().addScore(first.id(), 15);
        crm.leads().addScore(second.id(), 40);
        crm.leads().capture(NewLead.from(LeadSource.EVENT).email("someone.else@acme.example"));

        Customer360 profile = crm.profiles().get(ada.id());

        assertThat(profile.consent()).isNotNull();
        assertThat(profile.consent().current(ConsentPurpose.MARKETING, ConsentChannel.EMAIL))
                .map(e -> e.status()).contains(ConsentStatus.GRANTED);
        assertThat(profile.leads()).extracting(Lead::id).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(profile.leadScore()).hasValue(40);
    }

    @Test
    void aPersonWithoutConsentsOrLeadsHasNone() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact bob = crm.contacts().create(NewContact.named("Bob", "Builder").account(acme.id()));

        assertThat(crm.profiles().get(bob.id()).consent()).isNull();
        assertThat(crm.profiles().get(bob.id()).leadScore()).isEmpty();
        assertThat(crm.profiles().get(acme.id()).leads()).isEmpty();
    }
}
