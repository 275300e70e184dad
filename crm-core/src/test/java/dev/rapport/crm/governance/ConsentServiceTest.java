package dev.rapport.crm.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Actor;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.event.ConsentChanged;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.NewContact;
import org.junit.jupiter.api.Test;

class ConsentServiceTest {
    private final GovernanceFixture f = new GovernanceFixture();
    private final ConsentService consents = f.crm.privacy().consents();
    private final Contact ada = f.crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));

    @Test
    void aContactNeverAskedMayNotBeContactedAndTheAnswerSaysSo() {
        ConsentDecision decision = consents.check(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL);

        assertThat(decision).isEqualTo(new ConsentDecision.NotAsked(ConsentPurpose.MARKETING, ConsentChannel.EMAIL));
        assertThat(decision.allowed()).isFalse();
    }

    @Test
    void aGrantAllowsThatPurposeOnThatChannelOnly() {
        consents.grant(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "web-form");

        ConsentDecision email = consents.check(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL);
        assertThat(email).isInstanceOf(ConsentDecision.Granted.class);
        assertThat(email.allowed()).isTrue();
        ConsentEntry why = ((ConsentDecision.Granted) email).entry();
        assertThat(why.source()).isEqualTo("web-form");
        assertThat(why.at()).isEqualTo(GovernanceFixture.NOW);
        assertThat(why.actor()).isEqualTo(Actor.user("sam"));
        assertThat(consents.check(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.SMS).allowed()).isFalse();
        assertThat(consents.check(ada.id(), ConsentPurpose.PROFILING, ConsentChannel.EMAIL).allowed()).isFalse();
    }

    @Test
    void aWithdrawalRefusesAndSaysWhenAndWhere() {
        consents.grant(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "web-form");
        consents.withdraw(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "unsubscribe-link");

        ConsentDecision decision = consents.check(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL);

        assertThat(decision).isInstanceOf(ConsentDecision.Refused.class);
        ConsentEntry why = ((ConsentDecision.Refused) decision).entry();
        assertThat(why.status()).isEqualTo(ConsentStatus.WITHDRAWN);
        assertThat(why.source()).isEqualTo("unsubscribe-link");
    }

    @Test
    void theHistoryKeepsEveryDecisionInOrder() {
        consents.grant(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "web-form");
        consents.withdraw(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "unsubscribe-link");
        consents.grant(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "trade-fair");
        consents.record(ada.id(), ConsentPurpose.SALES, ConsentChannel.PHONE, ConsentStatus.DENIED, "call-centre");

        assertThat(consents.history(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL))
                .extracting(ConsentEntry::status, ConsentEntry::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ConsentStatus.GRANTED, "web-form"),
                        org.assertj.core.groups.Tuple.tuple(ConsentStatus.WITHDRAWN, "unsubscribe-link"),
                        org.assertj.core.groups.Tuple.tuple(ConsentStatus.GRANTED, "trade-fair"));
        Consent record = consents.find(ada.id()).orElseThrow();
        assertThat(record.history()).hasSize(4);
        assertThat(record.entries()).hasSize(2);
        assertThat(record.version()).isEqualTo(4);
    }

    @Test
    void eachDecisionEmitsAnEventAndIsAudited() {
        f.events.clear();

        consents.grant(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "web-form");

        assertThat(f.events).singleElement().isInstanceOfSatisfying(ConsentChanged.class, e -> {
            assertThat(e.contactId()).isEqualTo(ada.id());
            assertThat(e.status()).isEqualTo(ConsentStatus.GRANTED);
        });
        assertThat(f.crm.privacy().auditTrail("Consent", ada.id().value()))
                .extracting(AuditEntry::action).containsExactly(AuditAction.CREATE);
    }

    @Test
    void withdrawingAConsentNeverGrantedIsRefusedAndChangesNothing() {
        f.events.clear();

        assertThatThrownBy(() -> consents.withdraw(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "x"))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("status"));

        assertThat(consents.find(ada.id())).isEmpty();
        assertThat(f.events).isEmpty();
    }

    @Test
    void aBlankSourceIsRefused() {
        assertThatThrownBy(() -> consents.grant(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, " "))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("source"));
        assertThat(consents.find(ada.id())).isEmpty();
    }

    @Test
    void consentOfAnUnknownContactIsRefused() {
        assertThatThrownBy(() -> consents.grant(ContactId.of("nobody"), ConsentPurpose.MARKETING,
                ConsentChannel.EMAIL, "web-form")).isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> consents.check(ContactId.of("nobody"), ConsentPurpose.MARKETING,
                ConsentChannel.EMAIL)).isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void consentOfOneTenantIsInvisibleFromAnother() {
        Contact grace = f.tenant("a").contacts().create(NewContact.named("Grace", "Hopper"));
        f.tenant("a").privacy().consents().grant(grace.id(), ConsentPurpose.SERVICE, ConsentChannel.PHONE, "form");

        assertThat(f.tenant("a").privacy().consents().find(grace.id())).isPresent();
        assertThat(f.tenant("b").privacy().consents().find(grace.id())).isEmpty();
    }
}
