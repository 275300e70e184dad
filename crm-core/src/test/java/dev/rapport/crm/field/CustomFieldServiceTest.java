package dev.rapport.crm.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.CustomFieldSchemaChanged;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.spi.IdGenerator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomFieldServiceTest {
    private final Crm crm = Crm.builder()
            .clock(Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC))
            .idGenerator(IdGenerator.sequential("t")).build();
    private final CustomFieldService fields = crm.customFields();
    private final List<CrmEvent> events = new ArrayList<>();

    @BeforeEach
    void subscribe() {
        crm.events().subscribe(events::add);
    }

    private static void assertRefused(Runnable command, String field, String reason) {
        assertThatThrownBy(command::run).isInstanceOf(CrmValidationException.class)
                .satisfies(e -> {
                    assertThat(((CrmValidationException) e).field()).isEqualTo(field);
                    assertThat(((CrmValidationException) e).reason()).isEqualTo(reason);
                });
    }

    private static CustomFields values(String key, FieldValue value) {
        return CustomFields.of(Map.of(key, value));
    }

    @Test
    void definingTheFirstFieldCreatesTheSchemaAndEmitsAnEvent() {
        CustomFieldSchema schema = fields.define(EntityType.CONTACT, FieldDefinition.of("birthday", FieldType.DATE));

        assertThat(schema.version()).isEqualTo(1);
        assertThat(schema.entityType()).isEqualTo(EntityType.CONTACT);
        assertThat(schema.fields()).extracting(FieldDefinition::key).containsExactly("birthday");
        assertThat(fields.schema(EntityType.CONTACT)).contains(schema);
        assertThat(events).singleElement().isInstanceOfSatisfying(CustomFieldSchemaChanged.class, e -> {
            assertThat(e.entityType()).isEqualTo(EntityType.CONTACT);
            assertThat(e.fieldKey()).isEqualTo("birthday");
            assertThat(e.removed()).isFalse();
            assertThat(e.schemaVersion()).isEqualTo(1);
        });
    }

    @Test
    void moreFieldsAreAppendedInOrderAndBumpTheVersion() {
        fields.define(EntityType.ACCOUNT, FieldDefinition.of("tier", FieldType.ENUM).options("a", "b"));
        CustomFieldSchema schema = fields.define(EntityType.ACCOUNT, FieldDefinition.of("seats", FieldType.NUMBER));

        assertThat(schema.version()).isEqualTo(2);
        assertThat(fields.fields(EntityType.ACCOUNT)).extracting(FieldDefinition::key).containsExactly("tier", "seats");
    }

    @Test
    void redefiningAFieldReplacesItInPlace() {
        fields.define(EntityType.ACCOUNT, FieldDefinition.of("tier", FieldType.ENUM).options("a", "b"));
        fields.define(EntityType.ACCOUNT, FieldDefinition.of("seats", FieldType.NUMBER));

        CustomFieldSchema schema = fields.define(EntityType.ACCOUNT,
                FieldDefinition.of("tier", FieldType.ENUM).options("a", "b", "c").label("Tier"));

        assertThat(schema.fields()).extracting(FieldDefinition::key).containsExactly("tier", "seats");
        assertThat(schema.field("tier").orElseThrow().options()).containsExactly("a", "b", "c");
    }

    @Test
    void definingTheSameFieldAgainChangesNothing() {
        FieldDefinition tier = FieldDefinition.of("tier", FieldType.ENUM).options("a");
        CustomFieldSchema first = fields.define(EntityType.ACCOUNT, tier);
        events.clear();

        assertThat(fields.define(EntityType.ACCOUNT, tier)).isEqualTo(first);
        assertThat(events).isEmpty();
    }

    @Test
    void changingTheTypeOfAFieldIsRefused() {
        CustomFieldSchema schema = fields.define(EntityType.ACCOUNT, FieldDefinition.of("seats", FieldType.NUMBER));
        events.clear();

        assertRefused(() -> fields.define(EntityType.ACCOUNT, FieldDefinition.of("seats", FieldType.TEXT)), "type",
                "cannot change from NUMBER to TEXT; remove the field first");
        assertThat(fields.schema(EntityType.ACCOUNT)).contains(schema);
        assertThat(events).isEmpty();
    }

    @Test
    void anEnumWithoutOptionsIsRefused() {
        assertRefused(() -> fields.define(EntityType.LEAD, FieldDefinition.of("tier", FieldType.ENUM)), "options",
                "an ENUM field needs at least one option");
        assertThat(fields.schema(EntityType.LEAD)).isEmpty();
    }

    @Test
    void aRequiredFieldWithoutDefaultCanBeAddedWhileTheTypeHasNoRecords() {
        CustomFieldSchema schema = fields.define(EntityType.CONTACT,
                FieldDefinition.of("region", FieldType.TEXT).required(true));

        assertThat(schema.field("region").orElseThrow().required()).isTrue();
    }

    @Test
    void aRequiredFieldWithoutDefaultIsRefusedOnceRecordsExist() {
        crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        events.clear();

        assertRefused(() -> fields.define(EntityType.CONTACT, FieldDefinition.of("region", FieldType.TEXT)
                .required(true)), "required", "a required field without a default value cannot be added while"
                        + " CONTACT records exist");
        assertThat(fields.schema(EntityType.CONTACT)).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void makingAnOptionalFieldRequiredIsRefusedOnceRecordsExist() {
        fields.define(EntityType.ACCOUNT, FieldDefinition.of("region", FieldType.TEXT));
        crm.accounts().create(NewAccount.named("Acme"));

        assertRefused(() -> fields.define(EntityType.ACCOUNT, FieldDefinition.of("region", FieldType.TEXT)
                .required(true)), "required", "a required field without a default value cannot be added while"
                        + " ACCOUNT records exist");
    }

    @Test
    void aRequiredFieldWithADefaultCanBeAddedWhenRecordsExistAndTheyReadTheDefault() {
        var acme = crm.accounts().create(NewAccount.named("Acme"));

        CustomFieldSchema schema = fields.define(EntityType.ACCOUNT, FieldDefinition.of("tier", FieldType.ENUM)
                .options("bronze", "gold").required(true).defaultValue(FieldValue.choice("bronze")));

        assertThat(schema.valueOf(acme.customFields(), "tier")).contains(FieldValue.choice("bronze"));
        fields.validate(EntityType.ACCOUNT, CustomFields.empty());
        assertThat(crm.accounts().update(acme.withName("Acme Group")).version()).isEqualTo(2);
    }

    @Test
    void aRequiredTicketFieldWithoutDefaultIsAllowedWhileNoTicketExists() {
        assertThat(fields.define(EntityType.TICKET, FieldDefinition.of("budget", FieldType.MONEY).required(true))
                .fields()).hasSize(1);
        assertThat(fields.define(EntityType.TICKET, FieldDefinition.of("budget", FieldType.MONEY).required(true)
                .defaultValue(FieldValue.money(Money.zero("EUR")))).fields()).hasSize(1);
    }

    @Test
    void removingAFieldDropsItAndEmitsAnEvent() {
        fields.define(EntityType.TICKET, FieldDefinition.of("product", FieldType.TEXT));
        fields.define(EntityType.TICKET, FieldDefinition.of("severity", FieldType.NUMBER));
        events.clear();

        CustomFieldSchema schema = fields.remove(EntityType.TICKET, "product");

        assertThat(schema.version()).isEqualTo(3);
        assertThat(schema.fields()).extracting(FieldDefinition::key).containsExactly("severity");
        assertThat(events).singleElement().isInstanceOfSatisfying(CustomFieldSchemaChanged.class, e -> {
            assertThat(e.fieldKey()).isEqualTo("product");
            assertThat(e.removed()).isTrue();
        });
    }

    @Test
    void removingAFieldThatIsNotDefinedIsRefused() {
        assertRefused(() -> fields.remove(EntityType.TICKET, "product"), "key", "is not a custom field of TICKET");
        fields.define(EntityType.TICKET, FieldDefinition.of("severity", FieldType.NUMBER));
        events.clear();
        assertRefused(() -> fields.remove(EntityType.TICKET, "product"), "key", "is not a custom field of TICKET");
        assertThat(events).isEmpty();
    }

    @Test
    void withoutASchemaEveryCustomFieldIsRefused() {
        fields.validate(EntityType.CAMPAIGN, CustomFields.empty());
        assertRefused(() -> fields.validate(EntityType.CAMPAIGN, values("anything", FieldValue.bool(true))),
                "customFields.anything", "is not a custom field of CAMPAIGN");
    }

    @Test
    void anUnknownFieldIsRefused() {
        fields.define(EntityType.TASK, FieldDefinition.of("effort", FieldType.NUMBER));

        assertRefused(() -> fields.validate(EntityType.TASK, values("efort", FieldValue.number(1))),
                "customFields.efort", "is not a custom field of TASK");
    }

    @Test
    void everyConstraintIsCheckedThroughTheService() {
        fields.define(EntityType.OPPORTUNITY, FieldDefinition.of("code", FieldType.TEXT).maxLength(4));
        fields.define(EntityType.OPPORTUNITY, FieldDefinition.of("seats", FieldType.NUMBER).range(1, 10));
        fields.define(EntityType.OPPORTUNITY, FieldDefinition.of("share", FieldType.DECIMAL)
                .range(BigDecimal.ZERO, BigDecimal.ONE));
        fields.define(EntityType.OPPORTUNITY, FieldDefinition.of("go_live", FieldType.DATE)
                .dateRange(LocalDate.of(2026, 1, 1), null));
        fields.define(EntityType.OPPORTUNITY, FieldDefinition.of("vip", FieldType.BOOLEAN));
        fields.define(EntityType.OPPORTUNITY, FieldDefinition.of("tier", FieldType.ENUM).options("a", "b"));
        fields.define(EntityType.OPPORTUNITY, FieldDefinition.of("budget", FieldType.MONEY).currency("EUR"));

        EntityType t = EntityType.OPPORTUNITY;
        assertRefused(() -> fields.validate(t, values("code", FieldValue.text("abcde"))), "customFields.code",
                "must be at most 4 characters");
        assertRefused(() -> fields.validate(t, values("seats", FieldValue.number(11))), "customFields.seats",
                "must be at most 10");
        assertRefused(() -> fields.validate(t, values("share", FieldValue.decimal(new BigDecimal("-0.1")))),
                "customFields.share", "must be at least 0");
        assertRefused(() -> fields.validate(t, values("go_live", FieldValue.date(LocalDate.of(2025, 6, 1)))),
                "customFields.go_live", "must not be before 2026-01-01");
        assertRefused(() -> fields.validate(t, values("go_live", FieldValue.text("soon"))), "customFields.go_live",
                "expected DATE but was TEXT");
        assertRefused(() -> fields.validate(t, values("vip", FieldValue.choice("yes"))), "customFields.vip",
                "expected BOOLEAN but was ENUM");
        assertRefused(() -> fields.validate(t, values("tier", FieldValue.choice("c"))), "customFields.tier",
                "is not one of the allowed options");
        assertRefused(() -> fields.validate(t, values("budget", FieldValue.money(Money.of("1.00", "USD")))),
                "customFields.budget", "expected currency EUR but was USD");
        fields.validate(t, CustomFields.empty().with("code", FieldValue.text("abcd")).with("seats", FieldValue.number(10))
                .with("share", FieldValue.decimal(BigDecimal.ONE)).with("go_live", FieldValue.date(LocalDate.of(2026, 1, 1)))
                .with("vip", FieldValue.bool(true)).with("tier", FieldValue.choice("b"))
                .with("budget", FieldValue.money(Money.of("1.00", "EUR"))));
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        fields.define(EntityType.CONTACT, FieldDefinition.of("effort", FieldType.NUMBER).required(true));

        assertRefused(() -> fields.validate(EntityType.CONTACT, CustomFields.empty()), "customFields.effort",
                "is required");
        assertRefused(() -> crm.contacts().create(NewContact.named("Ada", "Lovelace")), "customFields.effort",
                "is required");
        assertThat(crm.contacts().count()).isZero();
    }

    @Test
    void schemasOfOneTenantAreInvisibleToAnother() {
        Crm a = crm.forTenant(TenantId.of("a"));
        Crm b = crm.forTenant(TenantId.of("b"));
        a.customFields().define(EntityType.CONTACT, FieldDefinition.of("birthday", FieldType.DATE));

        assertThat(b.customFields().schema(EntityType.CONTACT)).isEmpty();
        assertRefused(() -> b.customFields().validate(EntityType.CONTACT,
                values("birthday", FieldValue.date(LocalDate.of(1990, 1, 1)))), "customFields.birthday",
                "is not a custom field of CONTACT");
        assertRefused(() -> b.customFields().remove(EntityType.CONTACT, "birthday"), "key",
                "is not a custom field of CONTACT");
        a.customFields().validate(EntityType.CONTACT, values("birthday", FieldValue.date(LocalDate.of(1990, 1, 1))));
    }

    @Test
    void aSchemaRefusesARepeatedKey() {
        FieldDefinition f = FieldDefinition.of("x", FieldType.TEXT);
        assertRefused(() -> new CustomFieldSchema(CustomFieldSchemaId.of(EntityType.LEAD), TenantId.DEFAULT, 1,
                EntityType.LEAD, List.of(f, f), Instant.EPOCH, Instant.EPOCH), "fields", "must not define a key twice");
        assertRefused(() -> new CustomFieldSchema(CustomFieldSchemaId.of(EntityType.TASK), TenantId.DEFAULT, 1,
                EntityType.LEAD, List.of(f), Instant.EPOCH, Instant.EPOCH), "id", "must be the id of the entity type");
    }
}
