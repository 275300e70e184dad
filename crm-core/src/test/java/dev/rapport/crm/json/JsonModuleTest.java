package dev.rapport.crm.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.event.AccountCreated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.spi.IdGenerator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonModuleTest {
    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    private final Crm crm = Crm.builder()
            .clock(TestClock.at("2026-01-15T09:00:00Z"))
            .idGenerator(IdGenerator.sequential("t"))
            .build();

    @Test
    void findAndRegisterModulesFindsTheRapportModule() {
        assertThat(mapper.getRegisteredModuleIds()).contains(RapportModule.class.getName());
    }

    @Test
    void idsAreTextMoneyIsAnExactAmountWithItsCurrencyAndTimesAreIso() throws Exception {
        Account acme = crm.accounts().create(NewAccount.named("Acme").domain("acme.example")
                .size(12, Money.of("1200000.50", "EUR")));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(acme));

        assertThat(json.get("id").asText()).isEqualTo(acme.id().value());
        assertThat(json.get("tenantId").asText()).isEqualTo("default");
        assertThat(json.get("annualRevenue").get("amount").asText()).isEqualTo("1200000.50");
        assertThat(json.get("annualRevenue").get("currency").asText()).isEqualTo("EUR");
        assertThat(json.get("createdAt").asText()).isEqualTo("2026-01-15T09:00:00Z");
        assertThat(mapper.readValue(mapper.writeValueAsString(acme), Account.class)).isEqualTo(acme);
    }

    @Test
    void derivedAccessorsAreNotWritten() throws Exception {
        JsonNode money = mapper.readTree(mapper.writeValueAsString(Money.of("0", "EUR")));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").phone("+49 30 123456"));
        JsonNode phone = mapper.readTree(mapper.writeValueAsString(ada.phones().get(0)));

        assertThat(money.has("zero")).isFalse();
        assertThat(phone.has("e164")).isFalse();
        assertThat(mapper.readValue(mapper.writeValueAsString(ada), Contact.class)).isEqualTo(ada);
    }

    @Test
    void eventsCarryTheirTypeAndReadBackAsTheSameEvent() throws Exception {
        List<CrmEvent> events = new ArrayList<>();
        crm.events().subscribe(events::add);
        crm.accounts().create(NewAccount.named("Acme"));

        String json = mapper.writeValueAsString(events.get(0));

        assertThat(mapper.readTree(json).get("type").asText()).isEqualTo("AccountCreated");
        assertThat(mapper.readValue(json, CrmEvent.class)).isEqualTo(events.get(0))
                .isInstanceOf(AccountCreated.class);
    }

    @Test
    void customFieldValuesKeepTheirType() throws Exception {
        CustomFields fields = CustomFields.empty()
                .with("tier", FieldValue.choice("gold"))
                .with("seats", FieldValue.number(25))
                .with("ratio", FieldValue.decimal(new BigDecimal("0.50")))
                .with("since", FieldValue.date(LocalDate.of(2020, 2, 29)))
                .with("vip", FieldValue.bool(true))
                .with("note", FieldValue.text("hello"))
                .with("budget", FieldValue.money(Money.of("10", "JPY")));

        String json = mapper.writeValueAsString(fields);

        assertThat(mapper.readTree(json).get("ratio").get("value").asText()).isEqualTo("0.50");
        assertThat(mapper.readValue(json, CustomFields.class)).isEqualTo(fields);
    }

    @Test
    void invalidIdsAndUnknownEventTypesAreRefusedWhenRead() {
        assertThatThrownBy(() -> mapper.readValue("\"  \"", AccountId.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"Nope\"}", CrmEvent.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.InvalidTypeIdException.class);
    }

    /** A holder whose ids may be of any kind. */
    record Links(java.util.List<dev.rapport.crm.EntityId> ids) {
    }

    @Test
    void idsOfMixedKindsCarryTheirKindAndOnlyRapportIdsCanBeNamed() throws Exception {
        Links links = new Links(java.util.List.of(AccountId.of("a-1"), dev.rapport.crm.party.ContactId.of("c-1")));

        String json = mapper.writeValueAsString(links);

        assertThat(mapper.readTree(json).get("ids").get(0).get("kind").asText()).isEqualTo("party.AccountId");
        assertThat(mapper.readValue(json, Links.class)).isEqualTo(links);
        assertThatThrownBy(() -> mapper.readValue("{\"ids\":[{\"kind\":\"io.ImportService\",\"value\":\"x\"}]}",
                Links.class)).isInstanceOf(com.fasterxml.jackson.databind.exc.InvalidFormatException.class);
    }

    @Test
    void anAuditedChangeFromTheTrailIsWrittenWithItsValuesAsTextAndReadBackEqual() throws Exception {
        Crm crm = Crm.builder().clock(new TestClock(java.time.Instant.parse("2026-01-01T00:00:00Z")))
                .idGenerator(IdGenerator.sequential("j")).build();
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").title("Analyst"));
        crm.contacts().update(ada.withTitle("Countess").withTags(java.util.Set.of("b", "a")));
        dev.rapport.crm.governance.AuditEntry update = crm.privacy().auditTrail("Contact", ada.id().value()).get(1);
        String json = mapper.writeValueAsString(update.changes());
        assertThat(json).contains("{\"field\":\"title\",\"oldValue\":\"Analyst\",\"newValue\":\"Countess\"}")
                .contains("{\"field\":\"tags\",\"oldValue\":\"[]\",\"newValue\":\"[a, b]\"}");
        dev.rapport.crm.governance.FieldChange[] back =
                mapper.readValue(json, dev.rapport.crm.governance.FieldChange[].class);
        assertThat(back).containsExactlyElementsOf(update.changes());
        assertThatThrownBy(() -> mapper.readValue("{\"oldValue\": \"x\"}", dev.rapport.crm.governance.FieldChange.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("field");
    }
}
