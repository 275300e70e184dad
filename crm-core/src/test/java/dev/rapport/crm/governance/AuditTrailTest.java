package dev.rapport.crm.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Actor;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.Opportunity;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
    private final GovernanceFixture f = new GovernanceFixture();

    @Test
    void creatingAContactRecordsWhoWhenAndEveryFieldWithItsNewValue() {
        Contact ada = f.crm.contacts().create(NewContact.named("Ada", "Lovelace").email("Ada@Acme.example"));

        List<AuditEntry> trail = f.crm.privacy().auditTrail("Contact", ada.id().value());

        assertThat(trail).hasSize(1);
        AuditEntry created = trail.get(0);
        assertThat(created.action()).isEqualTo(AuditAction.CREATE);
        assertThat(created.actor()).isEqualTo(Actor.user("sam"));
        assertThat(created.at()).isEqualTo(GovernanceFixture.NOW);
        assertThat(created.changes()).contains(new FieldChange("firstName", null, "Ada"),
                new FieldChange("lastName", null, "Lovelace"), new FieldChange("emails", null, "[ada@acme.example]"));
        assertThat(created.changes()).extracting(FieldChange::field).doesNotContain("version", "createdAt", "id");
    }

    @Test
    void updatingAContactRecordsOnlyTheChangedFieldsWithOldAndNewValues() {
        Contact ada = f.crm.contacts().create(NewContact.named("Ada", "Lovelace").title("Analyst"));

        f.as("kim");
        f.crm.contacts().update(ada.withTitle("Countess"));

        AuditEntry updated = f.crm.privacy().auditTrail("Contact", ada.id().value()).get(1);
        assertThat(updated.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(updated.actor()).isEqualTo(Actor.user("kim"));
        assertThat(updated.changes()).containsExactly(new FieldChange("title", "Analyst", "Countess"));
    }

    @Test
    void aCustomFieldChangeIsAuditedAsThatFieldAlone() {
        f.crm.customFields().define(dev.rapport.crm.field.EntityType.CONTACT,
                dev.rapport.crm.field.FieldDefinition.of("tier", dev.rapport.crm.field.FieldType.TEXT));
        f.crm.customFields().define(dev.rapport.crm.field.EntityType.CONTACT,
                dev.rapport.crm.field.FieldDefinition.of("region", dev.rapport.crm.field.FieldType.TEXT));
        Contact ada = f.crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Contact tiered = f.crm.contacts().update(ada.withCustomFields(dev.rapport.crm.field.CustomFields.empty()
                .with("tier", dev.rapport.crm.field.FieldValue.text("gold"))
                .with("region", dev.rapport.crm.field.FieldValue.text("north"))));

        f.crm.contacts().update(tiered.withCustomFields(tiered.customFields()
                .with("tier", dev.rapport.crm.field.FieldValue.text("platinum")).without("region")));

        List<AuditEntry> trail = f.crm.privacy().auditTrail("Contact", ada.id().value());
        assertThat(trail.get(1).changes()).containsExactly(new FieldChange("customFields.region", null, "north"),
                new FieldChange("customFields.tier", null, "gold"));
        assertThat(trail.get(2).changes()).containsExactly(new FieldChange("customFields.region", "north", null),
                new FieldChange("customFields.tier", "gold", "platinum"));
    }

    @Test
    void changesMadeByAnyServiceAreAuditedWithoutCodeInTheService() {
        Account acme = f.crm.accounts().create(NewAccount.named("Acme GmbH"));
        Opportunity deal = f.crm.opportunities().create(NewOpportunity.named("Rollout").account(acme.id())
                .amount(Money.of("1000.00", "EUR")));

        f.crm.opportunities().update(deal.withAmount(Money.of("1500.00", "EUR")));

        assertThat(f.crm.privacy().auditTrail("Account", acme.id().value()))
                .extracting(AuditEntry::action).containsExactly(AuditAction.CREATE);
        List<AuditEntry> dealTrail = f.crm.privacy().auditTrail("Opportunity", deal.id().value());
        assertThat(dealTrail).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE, AuditAction.UPDATE);
        assertThat(dealTrail.get(1).changes()).contains(new FieldChange("amount", "1000.00 EUR", "1500.00 EUR"));
    }

    @Test
    void aRefusedCommandLeavesNoAuditEntry() {
        f.crm.contacts().create(NewContact.withEmail("ada@acme.example"));
        int before = f.audit().size();

        assertThatThrownBy(() -> f.crm.contacts().create(NewContact.withEmail("ada@acme.example")))
                .isInstanceOf(CrmValidationException.class);

        assertThat(f.audit()).hasSize(before);
    }

    @Test
    void everyChangeOfOneCommandIsAuditedTogether() {
        Account acme = f.crm.accounts().create(NewAccount.named("Acme GmbH"));
        Contact ada = f.crm.contacts().create(NewContact.named("Ada", "Lovelace").account(acme.id()));
        int before = f.audit().size();

        f.crm.opportunities().create(NewOpportunity.named("Rollout").account(acme.id())
                .contactRole(dev.rapport.crm.party.ContactRole.primary(ada.id(),
                        dev.rapport.crm.party.ContactRoleType.DECISION_MAKER)));

        assertThat(f.audit().subList(before, f.audit().size())).extracting(AuditEntry::entityType)
                .contains("Opportunity");
    }

    @Test
    void theAuditTrailOfOneTenantIsInvisibleFromAnother() {
        Contact ada = f.tenant("a").contacts().create(NewContact.named("Ada", "Lovelace"));

        assertThat(f.tenant("a").privacy().auditTrail("Contact", ada.id().value())).hasSize(1);
        assertThat(f.tenant("b").privacy().auditTrail("Contact", ada.id().value())).isEmpty();
    }

    @Test
    void entriesDoNotPrintTheirValues() {
        Contact ada = f.crm.contacts().create(NewContact.named("Ada", "Lovelace"));

        AuditEntry created = f.crm.privacy().auditTrail("Contact", ada.id().value()).get(0);

        assertThat(created.toString()).contains("firstName").doesNotContain("Ada").doesNotContain("Lovelace");
    }
}
