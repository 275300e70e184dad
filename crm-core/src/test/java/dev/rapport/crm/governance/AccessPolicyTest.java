package dev.rapport.crm.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmAccessDeniedException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.Opportunity;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private final GovernanceFixture f = new GovernanceFixture(RoleFieldPolicy.builder()
            .hide("support", "Opportunity", "amount")
            .readOnly("support", "Contact", "title")
            .build(),
            Map.of("sue", Set.of("support"), "sam", Set.of("sales"), "max", Set.of("support", "sales")));
    private final Account acme = f.crm.accounts().create(NewAccount.named("Acme GmbH"));
    private final Opportunity deal = f.crm.opportunities().create(NewOpportunity.named("Rollout").account(acme.id())
            .amount(Money.of("5000.00", "EUR")));

    @Test
    void aSupportRoleDoesNotSeeOpportunityAmounts() {
        f.as("sue");

        assertThat(f.crm.opportunities().get(deal.id()).amount()).isNull();
        assertThat(f.crm.opportunities().find(deal.id()).orElseThrow().amount()).isNull();
        assertThat(f.crm.opportunities().list(PageRequest.first(10)).items()).allMatch(o -> o.amount() == null);
        assertThat(f.crm.opportunities().findByAccount(acme.id())).allMatch(o -> o.amount() == null);
        assertThat(f.crm.opportunities().get(deal.id()).name()).isEqualTo("Rollout");
    }

    @Test
    void otherRolesAndActorsWithoutRolesSeeTheAmount() {
        f.as("sam");
        assertThat(f.crm.opportunities().get(deal.id()).amount()).isEqualTo(Money.of("5000.00", "EUR"));
        f.as("max");
        assertThat(f.crm.opportunities().get(deal.id()).amount()).isEqualTo(Money.of("5000.00", "EUR"));
        f.as("nobody");
        assertThat(f.crm.opportunities().get(deal.id()).amount()).isEqualTo(Money.of("5000.00", "EUR"));
    }

    @Test
    void writingAFieldTheRoleMayNotChangeIsRefusedNamingEntityAndFieldAndChangesNothing() {
        f.as("sue");
        f.events.clear();

        assertThatThrownBy(() -> f.crm.opportunities().update(deal.withAmount(Money.of("1.00", "EUR"))))
                .isInstanceOfSatisfying(CrmAccessDeniedException.class, e -> {
                    assertThat(e.entityType()).isEqualTo("Opportunity");
                    assertThat(e.field()).isEqualTo("amount");
                    assertThat(e.write()).isTrue();
                });

        f.as("sam");
        assertThat(f.crm.opportunities().get(deal.id())).isEqualTo(deal);
        assertThat(f.events).isEmpty();
    }

    @Test
    void aRefusedWriteIsAudited() {
        f.as("sue");

        assertThatThrownBy(() -> f.crm.opportunities().update(deal.withAmount(Money.of("1.00", "EUR"))))
                .isInstanceOf(CrmAccessDeniedException.class);

        AuditEntry refusal = f.crm.privacy().auditTrail("Opportunity", deal.id().value()).get(1);
        assertThat(refusal.action()).isEqualTo(AuditAction.ACCESS_DENIED);
        assertThat(refusal.changes()).extracting(FieldChange::field).containsExactly("amount");
        assertThat(refusal.actor().id()).isEqualTo("sue");
    }

    @Test
    void creatingWithAFieldTheRoleMayNotSetIsRefused() {
        f.as("sue");
        long before = f.crm.opportunities().count();

        assertThatThrownBy(() -> f.crm.opportunities().create(NewOpportunity.named("Other").account(acme.id())
                .amount(Money.of("9.00", "EUR")))).isInstanceOf(CrmAccessDeniedException.class);
        assertThat(f.crm.opportunities().count()).isEqualTo(before);
        assertThat(f.crm.opportunities().create(NewOpportunity.named("Other").account(acme.id())).amount()).isNull();
    }

    @Test
    void aReadOnlyFieldIsSeenButNotChanged() {
        Contact ada = f.crm.contacts().create(NewContact.named("Ada", "Lovelace").title("Analyst"));
        f.as("sue");

        Contact seen = f.crm.contacts().get(ada.id());
        assertThat(seen.title()).isEqualTo("Analyst");
        assertThatThrownBy(() -> f.crm.contacts().update(seen.withTitle("Countess")))
                .isInstanceOfSatisfying(CrmAccessDeniedException.class, e -> assertThat(e.field()).isEqualTo("title"));
        assertThat(f.crm.contacts().update(seen.withName("Ada", "King")).lastName()).isEqualTo("King");
    }

    @Test
    void editingARedactedRecordKeepsWhatTheEditorCouldNotSee() {
        f.as("sue");
        Opportunity seen = f.crm.opportunities().get(deal.id());

        f.crm.opportunities().update(seen.withName("Rollout phase 1"));

        f.as("sam");
        Opportunity stored = f.crm.opportunities().get(deal.id());
        assertThat(stored.name()).isEqualTo("Rollout phase 1");
        assertThat(stored.amount()).isEqualTo(Money.of("5000.00", "EUR"));
    }
}
