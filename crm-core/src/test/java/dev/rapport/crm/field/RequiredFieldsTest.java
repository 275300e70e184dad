package dev.rapport.crm.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.sales.NewOpportunity;
import org.junit.jupiter.api.Test;

/** A required field without a default may be added only while no record of the type exists. */
class RequiredFieldsTest {
    private final Crm crm = Crm.builder().build();

    @Test
    void aRequiredLeadFieldWithoutDefaultIsRefusedOnceLeadsExist() {
        crm.customFields().define(EntityType.LEAD, FieldDefinition.of("budget_code", FieldType.TEXT).required(true));
        crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).email("a@b.example")
                .field("budget_code", FieldValue.text("B1")));

        assertThatThrownBy(() -> crm.customFields().define(EntityType.LEAD,
                FieldDefinition.of("region_code", FieldType.TEXT).required(true)))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("required"));
    }

    @Test
    void aRequiredOpportunityFieldWithoutDefaultIsAllowedWhileNoOpportunityExists() {
        crm.customFields().define(EntityType.OPPORTUNITY, FieldDefinition.of("segment", FieldType.TEXT).required(true));
        assertThatThrownBy(() -> crm.opportunities().create(NewOpportunity.named("No segment")))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("customFields.segment"));
        assertThat(crm.opportunities().count()).isZero();
    }
}
