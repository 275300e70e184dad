package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
    private final Fixture f = new Fixture()
            .define(dev.rapport.crm.field.EntityType.CONTACT, "score", FieldType.NUMBER)
            .define(dev.rapport.crm.field.EntityType.CONTACT, "last_order", FieldType.DATE);
    private final Schema schema = Schema.standard()
            .withCustomField(EntityKind.CONTACT, "score", FieldType.NUMBER)
            .withCustomField(EntityKind.CONTACT, "last_order", FieldType.DATE);

    private RuleContext on(Contact c) {
        return new RuleContext(f.crm, EntityKind.CONTACT, c.id(), null, f.clock.instant());
    }

    private boolean holds(Contact c, String path, Operator op, Object value) {
        return Conditions.field(schema, EntityKind.CONTACT, path, op, value).evaluate(on(c)).result();
    }

    @Test
    void everyComparisonWithAMissingValueIsFalse() {
        Contact untitled = f.contact("Ada");

        assertThat(holds(untitled, "title", Operator.EQ, "CTO")).isFalse();
        assertThat(holds(untitled, "title", Operator.NE, "CTO")).isFalse();
        assertThat(holds(untitled, "title", Operator.IN, List.of("CTO"))).isFalse();
        assertThat(holds(untitled, "custom.score", Operator.LT, 10)).isFalse();
        assertThat(holds(untitled, "custom.last_order", Operator.DAYS_SINCE, 1)).isFalse();
    }

    @Test
    void existsTestsForAValueAndNotInverts() {
        Contact untitled = f.contact("Ada");
        Condition isCto = Conditions.field(EntityKind.CONTACT, "title", Operator.EQ, "CTO");

        assertThat(Conditions.field(EntityKind.CONTACT, "title", Operator.EXISTS, null).evaluate(on(untitled)).result())
                .isFalse();
        assertThat(Conditions.not(isCto).evaluate(on(untitled)).result()).isTrue();
    }

    @Test
    void theOperatorsCompareByType() {
        Contact c = f.crm.contacts().create(NewContact.named("Ada", "Byron").title("Chief Technology Officer")
                .field("score", FieldValue.number(42)).field("last_order", FieldValue.date(LocalDate.of(2026, 8, 4)))
                .tag("vip"));

        assertThat(holds(c, "custom.score", Operator.EQ, 42)).isTrue();
        assertThat(holds(c, "custom.score", Operator.NE, 41)).isTrue();
        assertThat(holds(c, "custom.score", Operator.GE, 42)).isTrue();
        assertThat(holds(c, "custom.score", Operator.GT, 42)).isFalse();
        assertThat(holds(c, "custom.score", Operator.BETWEEN, List.of(40, 42))).isTrue();
        assertThat(holds(c, "custom.score", Operator.IN, List.of(1, 42))).isTrue();
        assertThat(holds(c, "title", Operator.CONTAINS, "Technology")).isTrue();
        assertThat(holds(c, "tags", Operator.CONTAINS, "vip")).isTrue();
        assertThat(holds(c, "lifecycleStage", Operator.EQ, "LEAD")).isTrue();
        assertThat(holds(c, "custom.last_order", Operator.LT, "2026-09-01")).isTrue();
        // The clock is at 2026-11-02: 90 days after 2026-08-04.
        assertThat(holds(c, "custom.last_order", Operator.DAYS_SINCE, 90)).isTrue();
        assertThat(holds(c, "custom.last_order", Operator.DAYS_SINCE, 91)).isFalse();
    }

    @Test
    void changedToHoldsOnlyWhenTheTriggeringChangeSetTheField() {
        java.util.List<dev.rapport.crm.event.CrmEvent> events = new java.util.ArrayList<>();
        f.crm.events().subscribe(events::add);
        Contact ada = f.contact("Ada");
        f.crm.contacts().update(ada.withTitle("CEO"));
        Contact now = f.crm.contacts().get(ada.id());
        f.crm.contacts().update(now.withName("Ada", "King"));
        Condition becameCeo = Conditions.field(EntityKind.CONTACT, "title", Operator.CHANGED_TO, "CEO");

        RuleContext titleChange = new RuleContext(f.crm, EntityKind.CONTACT, ada.id(), events.get(1), f.clock.instant());
        RuleContext nameChange = new RuleContext(f.crm, EntityKind.CONTACT, ada.id(), events.get(2), f.clock.instant());

        assertThat(becameCeo.evaluate(titleChange).result()).isTrue();
        assertThat(becameCeo.evaluate(nameChange).result()).isFalse();
    }

    @Test
    void accountFieldsAreTypedToo() {
        Account acme = f.crm.accounts().create(NewAccount.named("Acme").industry("Software").size(800, null));
        RuleContext ctx = new RuleContext(f.crm, EntityKind.ACCOUNT, acme.id(), null, f.clock.instant());

        assertThat(Conditions.field(EntityKind.ACCOUNT, "employees", Operator.GE, 500).evaluate(ctx).result()).isTrue();
        assertThat(Conditions.account("is software", a -> "Software".equals(a.industry())).evaluate(ctx).result())
                .isTrue();
    }

    @Test
    void aJavaFieldConditionIsTypeCheckedWhenBuilt() {
        assertThatThrownBy(() -> Conditions.field(EntityKind.CONTACT, "createdAt", Operator.LT, 5))
                .isInstanceOf(RuleDefinitionException.class)
                .hasMessageContaining("expected an instant");
        assertThatThrownBy(() -> Conditions.field(EntityKind.CONTACT, "shoeSize", Operator.EQ, 5))
                .isInstanceOfSatisfying(RuleDefinitionException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/field"));
        assertThatThrownBy(() -> Conditions.field(EntityKind.CONTACT, "tags", Operator.LT, "x"))
                .isInstanceOfSatisfying(RuleDefinitionException.class, e -> assertThat(e.pointer()).isEqualTo("/op"));
    }
}
