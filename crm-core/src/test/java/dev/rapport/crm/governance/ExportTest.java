package dev.rapport.crm.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoleType;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.NewOpportunity;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GovernanceFixture f = new GovernanceFixture(RoleFieldPolicy.builder()
            .hide("support", "Opportunity", "amount").build(),
            Map.of("sue", Set.of("support"), "sam", Set.of("sales")));
    private final Account acme = f.crm.accounts().create(NewAccount.named("Acme GmbH"));
    private final Contact ada = f.crm.contacts().create(NewContact.named("Ada", "Lovelace")
            .email("ada@acme.example").phone("+49 30 1234567").account(acme.id()));

    ExportTest() {
        f.crm.privacy().consents().grant(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "web-form");
        f.crm.opportunities().create(NewOpportunity.named("Rollout").account(acme.id())
                .amount(Money.of("5000.00", "EUR"))
                .contactRole(ContactRole.primary(ada.id(), ContactRoleType.DECISION_MAKER)));
    }

    private JsonNode export() throws Exception {
        return JSON.readTree(f.crm.privacy().export(ada.id()));
    }

    @Test
    void theExportHoldsTheContactItsConsentDealsAndAuditTrailAsOneJsonDocument() throws Exception {
        JsonNode doc = export();

        assertThat(doc.path("format").asText()).isEqualTo("rapport-personal-data");
        assertThat(doc.path("contact").path("id").asText()).isEqualTo(ada.id().value());
        assertThat(doc.path("contact").path("firstName").asText()).isEqualTo("Ada");
        assertThat(doc.path("contact").path("emails").get(0).path("value").asText()).isEqualTo("ada@acme.example");
        assertThat(doc.path("contact").path("phones").get(0).path("value").asText()).isEqualTo("+49301234567");
        assertThat(doc.path("consent").path("history").get(0).path("source").asText()).isEqualTo("web-form");
        assertThat(doc.path("consent").path("history").get(0).path("status").asText()).isEqualTo("GRANTED");
        assertThat(doc.path("opportunities").get(0).path("amount").path("amount").asText()).isEqualTo("5000.00");
        assertThat(doc.path("auditTrail").size()).isGreaterThanOrEqualTo(2);
        assertThat(doc.path("redacted").size()).isZero();
    }

    @Test
    void theExportIsAudited() {
        f.crm.privacy().export(ada.id());

        assertThat(f.crm.privacy().auditTrail("Contact", ada.id().value()))
                .extracting(AuditEntry::action).contains(AuditAction.EXPORT);
    }

    @Test
    void anExportLeavesOutWhatTheRoleMayNotSeeAndSaysSo() throws Exception {
        f.as("sue");

        JsonNode doc = export();

        assertThat(doc.path("opportunities").get(0).has("amount")).isFalse();
        assertThat(doc.path("opportunities").get(0).path("name").asText()).isEqualTo("Rollout");
        assertThat(doc.path("redacted").get(0).asText()).isEqualTo("Opportunity.amount");
    }

    @Test
    void anUnknownContactCannotBeExported() {
        assertThatThrownBy(() -> f.crm.privacy().export(ContactId.of("nobody")))
                .isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void aContactOfOneTenantCannotBeExportedFromAnother() {
        assertThatThrownBy(() -> f.tenant("b").privacy().export(ada.id())).isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void theExportHoldsThePersonsTicketsTasksAndActivities() throws Exception {
        dev.rapport.crm.service.Ticket ticket = f.crm.tickets().open(
                dev.rapport.crm.service.NewTicket.about(ada.id(), "Cannot log in").description("since Monday"));
        f.crm.activities().log(dev.rapport.crm.activity.NewActivity.of(dev.rapport.crm.activity.ActivityType.NOTE,
                dev.rapport.crm.activity.Channel.PHONE).ticket(ticket.id()).body("called back"));
        f.crm.tasks().create(dev.rapport.crm.activity.NewTask.titled("Follow up").contact(ada.id()));

        JsonNode doc = export();

        assertThat(doc.path("tickets").get(0).path("description").asText()).isEqualTo("since Monday");
        assertThat(doc.path("activities").get(0).path("body").asText()).isEqualTo("called back");
        assertThat(doc.path("tasks").get(0).path("title").asText()).isEqualTo("Follow up");
    }
}
