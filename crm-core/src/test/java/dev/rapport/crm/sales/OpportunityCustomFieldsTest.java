package dev.rapport.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.field.FieldDefinition;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpportunityCustomFieldsTest {
    private final Crm crm = Crm.builder().build();

    @Test
    void opportunityCustomFieldsAreCheckedAgainstTheSchemaOnCreateAndUpdate() {
        crm.customFields().define(EntityType.OPPORTUNITY, FieldDefinition.of("go_live", FieldType.DATE));
        Opportunity ok = crm.opportunities().create(NewOpportunity.named("Fleet")
                .field("go_live", FieldValue.date(LocalDate.of(2027, 1, 1))));
        List<CrmEvent> events = new ArrayList<>();
        crm.events().subscribe(events::add);

        assertThatThrownBy(() -> crm.opportunities().create(NewOpportunity.named("Bad")
                .field("go_live", FieldValue.number(3))))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("customFields.go_live"));
        assertThatThrownBy(() -> crm.opportunities().update(ok.withCustomFields(
                ok.customFields().with("unknown", FieldValue.text("x")))))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("customFields.unknown"));
        assertThat(crm.opportunities().count()).isEqualTo(1);
        assertThat(crm.opportunities().get(ok.id())).isEqualTo(ok);
        assertThat(events).isEmpty();
    }
}
