package dev.rapport.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.field.FieldDefinition;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.spi.IdGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadCustomFieldsTest {
    private final Crm crm = Crm.builder().clock(TestClock.at("2026-03-01T09:00:00Z"))
            .idGenerator(IdGenerator.sequential("t")).build();
    private final List<CrmEvent> events = new ArrayList<>();

    {
        crm.customFields().define(EntityType.LEAD, FieldDefinition.of("employees", FieldType.NUMBER));
        crm.events().subscribe(events::add);
    }

    private static NewLead grace() {
        return NewLead.from(LeadSource.WEB_FORM).email("grace@fleet.example");
    }

    @Test
    void aLeadCarriesValuesOfItsSchema() {
        Lead lead = crm.leads().capture(grace().field("employees", FieldValue.number(250)));

        assertThat(crm.leads().get(lead.id()).customFields().get("employees")).contains(FieldValue.number(250));
    }

    @Test
    void captureRefusesAFieldTheLeadSchemaDoesNotHave() {
        assertThatThrownBy(() -> crm.leads().capture(grace().field("budget", FieldValue.number(5))))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("customFields.budget"));
        assertThat(crm.leads().count()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void captureRefusesAValueOfTheWrongType() {
        assertThatThrownBy(() -> crm.leads().capture(grace().field("employees", FieldValue.text("many"))))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("customFields.employees"));
        assertThat(crm.leads().count()).isZero();
    }

    @Test
    void updateChecksChangedValuesAgainstTheSchema() {
        Lead lead = crm.leads().capture(grace());
        events.clear();

        assertThatThrownBy(() -> crm.leads().update(
                lead.withCustomFields(lead.customFields().with("employees", FieldValue.bool(true)))))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("customFields.employees"));
        assertThat(crm.leads().get(lead.id())).isEqualTo(lead);
        assertThat(events).isEmpty();

        Lead updated = crm.leads().update(lead.withCustomFields(lead.customFields().with("employees",
                FieldValue.number(12))));
        assertThat(updated.customFields().get("employees")).contains(FieldValue.number(12));
    }
}
