package dev.rapport.crm.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Custom field values are checked whenever a contact or account is created or updated. */
class CustomFieldsOnPartyTest {
    private final Crm crm = Crm.builder()
            .clock(Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC))
            .idGenerator(IdGenerator.sequential("t")).build();
    private final List<CrmEvent> events = new ArrayList<>();

    @BeforeEach
    void defineFields() {
        crm.customFields().define(EntityType.CONTACT, FieldDefinition.of("birthday", FieldType.DATE));
        crm.customFields().define(EntityType.ACCOUNT, FieldDefinition.of("tier", FieldType.ENUM).options("a", "b"));
        crm.events().subscribe(events::add);
    }

    private static void assertRefused(Runnable command, String field, String reason) {
        assertThatThrownBy(command::run).isInstanceOf(CrmValidationException.class)
                .satisfies(e -> {
                    assertThat(((CrmValidationException) e).field()).isEqualTo(field);
                    assertThat(((CrmValidationException) e).reason()).isEqualTo(reason);
                });
    }

    @Test
    void aContactWithACustomFieldOfTheWrongTypeIsNotCreated() {
        assertRefused(() -> crm.contacts().create(NewContact.named("Ada", "Lovelace")
                .field("birthday", FieldValue.text("December"))), "customFields.birthday",
                "expected DATE but was TEXT");
        assertThat(crm.contacts().count()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void aContactWithAValidCustomFieldIsCreated() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace")
                .field("birthday", FieldValue.date(LocalDate.of(1815, 12, 10))));

        assertThat(crm.contacts().get(ada.id()).customFields().get("birthday"))
                .contains(FieldValue.date(LocalDate.of(1815, 12, 10)));
    }

    @Test
    void aContactUpdateWithACustomFieldOfTheWrongTypeIsRefusedAndChangesNothing() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        events.clear();

        assertRefused(() -> crm.contacts().update(ada.withCustomFields(
                ada.customFields().with("birthday", FieldValue.number(1815)))), "customFields.birthday",
                "expected DATE but was NUMBER");
        assertThat(crm.contacts().get(ada.id())).isEqualTo(ada);
        assertThat(events).isEmpty();
    }

    @Test
    void aContactUpdateWithAnUnknownCustomFieldIsRefused() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        events.clear();

        assertRefused(() -> crm.contacts().update(ada.withCustomFields(
                ada.customFields().with("shoe_size", FieldValue.number(38)))), "customFields.shoe_size",
                "is not a custom field of CONTACT");
        assertThat(crm.contacts().get(ada.id())).isEqualTo(ada);
        assertThat(events).isEmpty();
    }

    @Test
    void anAccountWithAnOptionThatIsNotAllowedIsNotCreated() {
        assertRefused(() -> crm.accounts().create(NewAccount.named("Acme").field("tier", FieldValue.choice("z"))),
                "customFields.tier", "is not one of the allowed options");
        assertThat(crm.accounts().count()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void anAccountUpdateWithABadCustomFieldIsRefusedAndChangesNothing() {
        Account acme = crm.accounts().create(NewAccount.named("Acme").field("tier", FieldValue.choice("a")));
        events.clear();

        assertRefused(() -> crm.accounts().update(acme.withCustomFields(
                acme.customFields().with("tier", FieldValue.text("a")))), "customFields.tier",
                "expected ENUM but was TEXT");
        assertThat(crm.accounts().get(acme.id())).isEqualTo(acme);
        assertThat(events).isEmpty();
    }

    @Test
    void valuesOfARemovedFieldDoNotBlockEditsThatLeaveTheCustomFieldsAlone() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace")
                .field("birthday", FieldValue.date(LocalDate.of(1815, 12, 10))));
        crm.customFields().remove(EntityType.CONTACT, "birthday");

        Contact retitled = crm.contacts().update(ada.withTitle("Countess"));
        assertThat(retitled.version()).isEqualTo(2);

        events.clear();
        assertRefused(() -> crm.contacts().update(retitled.withCustomFields(
                retitled.customFields().with("birthday", FieldValue.date(LocalDate.of(1815, 12, 11))))),
                "customFields.birthday", "is not a custom field of CONTACT");
        assertThat(events).isEmpty();
        Contact cleaned = crm.contacts().update(retitled.withCustomFields(CustomFields.empty()));
        assertThat(events).singleElement().isInstanceOfSatisfying(ContactUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("customFields"));
        assertThat(cleaned.customFields().isEmpty()).isTrue();
    }

    @Test
    void withoutASchemaAContactCannotCarryCustomFields() {
        Crm fresh = Crm.builder().idGenerator(IdGenerator.sequential("f")).build();

        assertRefused(() -> fresh.contacts().create(NewContact.named("Ada", "Lovelace")
                .field("anything", FieldValue.bool(true))), "customFields.anything",
                "is not a custom field of CONTACT");
        assertThat(fresh.contacts().count()).isZero();
    }
}
