package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRulesTest {
    private final Fixture f = new Fixture()
            .define(dev.rapport.crm.field.EntityType.CONTACT, "score", FieldType.NUMBER);
    private final JsonRules parser = JsonRules.parser()
            .schema(Schema.standard().withCustomField(EntityKind.CONTACT, "score", FieldType.NUMBER)
                    .withCustomField(EntityKind.ACCOUNT, "renewal_date", FieldType.DATE));

    private static String rules(String... rules) {
        return "{\"rules\": [" + String.join(",", rules) + "]}";
    }

    private RuleDefinitionException failure(String json) {
        try {
            parser.parse(json);
        } catch (RuleDefinitionException e) {
            return e;
        }
        throw new AssertionError("expected a RuleDefinitionException");
    }

    @Test
    void aJsonRuleLoadsIntoTheSameRuleObjectsAndRuns() {
        RuleSet set = parser.parse(rules("""
                {"id": "welcome", "version": 2, "priority": 10, "entity": "contact",
                 "trigger": {"event": "ContactCreated"},
                 "condition": {"all": [{"field": "title", "op": "exists"},
                                       {"not": {"field": "tags", "op": "contains", "value": "no-mail"}}]},
                 "actions": [{"type": "sendMessage", "template": "welcome", "parameters": {"tone": "warm"}},
                             {"type": "wait", "days": 3},
                             {"type": "addTag", "tag": "welcomed"}]}
                """));
        Rule rule = set.rules().get(0);
        assertThat(rule.id()).isEqualTo("welcome");
        assertThat(rule.version()).isEqualTo(2);
        assertThat(rule.priority()).isEqualTo(10);
        assertThat(rule.trigger()).isInstanceOfSatisfying(EventTrigger.class,
                t -> assertThat(t.type()).isEqualTo(ContactCreated.class));
        assertThat(rule.actions()).extracting(Action::type).containsExactly("sendMessage", "wait", "addTag");
        WorkflowEngine engine = f.engine().rules(set).build();

        Contact ada = f.crm.contacts().create(NewContact.named("Ada", "Byron").title("CTO"));
        f.clock.advance(Duration.ofDays(3));
        engine.tick();

        assertThat(f.sent).singleElement().satisfies(m -> assertThat(m.parameters()).containsEntry("tone", "warm"));
        assertThat(f.crm.contacts().get(ada.id()).tags()).containsExactly("welcomed");
    }

    @Test
    void everyTriggerKindLoads() {
        RuleSet set = parser.parse(rules(
                """
                {"id": "a", "trigger": {"propertyChange": {"field": "custom.score", "op": ">=", "value": 50}},
                 "actions": [{"type": "setLifecycleStage", "stage": "MARKETING_QUALIFIED"}]}""",
                """
                {"id": "b", "trigger": {"inactivity": {"days": 90, "activities": ["PURCHASE"]}},
                 "actions": [{"type": "sendMessage", "template": "discount"}]}""",
                """
                {"id": "c", "entity": "account",
                 "trigger": {"dateOffset": {"field": "custom.renewal_date", "days": -30, "at": "09:00", "zone": "UTC"}},
                 "actions": [{"type": "addTag", "tag": "renewal-due"}]}""",
                """
                {"id": "d", "trigger": {"schedule": {"daily": "09:00", "zone": "Europe/Berlin"}},
                 "actions": [{"type": "wait", "until": "2027-01-01T09:00", "zone": "UTC"}]}"""));

        assertThat(set.rules()).extracting(r -> r.trigger().describe()).containsExactly(
                "becomes custom.score >= 50", "no [PURCHASE] for PT2160H",
                "30 days before custom.renewal_date at 09:00 UTC", "daily at 09:00 Europe/Berlin");
    }

    @Test
    void anUnknownFieldIsReportedWithItsJsonPointer() {
        RuleDefinitionException e = failure(rules(
                "{\"id\": \"ok\", \"trigger\": {\"event\": \"ContactCreated\"}, \"actions\": [{\"type\": \"addTag\", \"tag\": \"x\"}]}",
                "{\"id\": \"bad\", \"trigger\": {\"event\": \"ContactCreated\"}, "
                        + "\"condition\": {\"all\": [{\"field\": \"title\", \"op\": \"exists\"}, "
                        + "{\"field\": \"shoeSize\", \"op\": \"=\", \"value\": 42}]}, "
                        + "\"actions\": [{\"type\": \"addTag\", \"tag\": \"x\"}]}"));

        assertThat(e.pointer()).isEqualTo("/rules/1/condition/all/1/field");
        assertThat(e.getMessage()).startsWith("/rules/1/condition/all/1/field: unknown field 'shoeSize' on contact");
    }

    @Test
    void aDateComparedWithANumberIsRefused() {
        RuleDefinitionException e = failure(rules("""
                {"id": "r", "entity": "account", "trigger": {"event": "AccountCreated"},
                 "condition": {"field": "custom.renewal_date", "op": "<", "value": 30},
                 "actions": [{"type": "addTag", "tag": "x"}]}"""));

        assertThat(e.pointer()).isEqualTo("/rules/0/condition/value");
        assertThat(e.reason()).isEqualTo("expected a date (yyyy-mm-dd) for field 'custom.renewal_date'");
    }

    @Test
    void anUnknownOperatorIsRefused() {
        RuleDefinitionException e = failure(rules("""
                {"id": "r", "trigger": {"event": "ContactCreated"},
                 "condition": {"field": "title", "op": "like", "value": "C%"},
                 "actions": [{"type": "addTag", "tag": "x"}]}"""));

        assertThat(e.pointer()).isEqualTo("/rules/0/condition/op");
        assertThat(e.reason()).startsWith("unknown operator");
    }

    @Test
    void anOperatorThatDoesNotFitTheTypeIsRefused() {
        RuleDefinitionException e = failure(rules("""
                {"id": "r", "trigger": {"event": "ContactCreated"},
                 "condition": {"any": [{"field": "tags", "op": ">", "value": "a"}]},
                 "actions": [{"type": "addTag", "tag": "x"}]}"""));

        assertThat(e.pointer()).isEqualTo("/rules/0/condition/any/0/op");
        assertThat(e.reason()).isEqualTo("operator '>' does not apply to TAGS field 'tags'");
    }

    @Test
    void anOptionOutsideAChoiceIsRefused() {
        RuleDefinitionException e = failure(rules("""
                {"id": "r", "trigger": {"event": "ContactCreated"},
                 "condition": {"field": "lifecycleStage", "op": "in", "value": ["LEAD", "KING"]},
                 "actions": [{"type": "addTag", "tag": "x"}]}"""));

        assertThat(e.pointer()).isEqualTo("/rules/0/condition/value/1");
    }

    @Test
    void aMissingActionTypeIsNamed() {
        RuleDefinitionException e = failure(rules("""
                {"id": "r", "trigger": {"event": "ContactCreated"}, "actions": [{"type": "notify-slack"}]}"""));

        assertThat(e.pointer()).isEqualTo("/rules/0/actions/0/type");
        assertThat(e.reason()).startsWith("no action type 'notify-slack' is installed");
    }

    @Test
    void aClassNameIsNotAnEventTypeSoJsonCannotReachCode() {
        RuleDefinitionException e = failure(rules("""
                {"id": "r", "trigger": {"event": "java.lang.Runtime"}, "actions": [{"type": "addTag", "tag": "x"}]}"""));

        assertThat(e.pointer()).isEqualTo("/rules/0/trigger/event");
        assertThat(e.reason()).startsWith("unknown event type");
    }

    @Test
    void unknownKeysAndBadShapesAreRefused() {
        assertThat(failure(rules("""
                {"id": "r", "trigger": {"event": "ContactCreated"}, "script": "rm -rf",
                 "actions": [{"type": "addTag", "tag": "x"}]}""")).pointer()).isEqualTo("/rules/0/script");
        assertThat(failure(rules("""
                {"id": "r", "trigger": {"event": "ContactCreated"}, "actions": [{"type": "addTag"}]}""")).pointer())
                .isEqualTo("/rules/0/actions/0/tag");
        assertThat(failure(rules("""
                {"id": "r", "trigger": {"event": "ContactCreated"}, "actions": []}""")).pointer())
                .isEqualTo("/rules/0/actions");
        assertThat(failure("{\"rules\": [").reason()).startsWith("not valid JSON");
        assertThat(failure(rules("""
                {"id": "r", "trigger": {"event": "ContactCreated"}, "actions": [{"type": "addTag", "tag": "x"}]}""",
                """
                {"id": "r", "trigger": {"event": "ContactCreated"}, "actions": [{"type": "addTag", "tag": "y"}]}"""))
                .pointer()).isEqualTo("/rules/1/id");
    }

    @Test
    void aSetFieldActionIsCheckedAgainstTheFieldsType() {
        RuleDefinitionException e = failure(rules("""
                {"id": "r", "trigger": {"event": "ContactCreated"},
                 "actions": [{"type": "setField", "field": "custom.score", "value": "high"}]}"""));

        assertThat(e.pointer()).isEqualTo("/rules/0/actions/0/value");
    }

    @Test
    void aSetFieldActionWritesTheField() {
        RuleSet set = parser.parse(rules("""
                {"id": "r", "trigger": {"event": "ContactCreated"},
                 "actions": [{"type": "setField", "field": "custom.score", "value": 10},
                             {"type": "setField", "field": "title", "value": "Prospect"}]}"""));
        f.engine().rules(set).build();

        Contact ada = f.contact("Ada");

        Contact now = f.crm.contacts().get(ada.id());
        assertThat(now.customFields().get("score")).contains(dev.rapport.crm.field.FieldValue.number(10));
        assertThat(now.title()).isEqualTo("Prospect");
    }

    @Test
    void daysSinceTakesAComparisonAndChangedToLooksAtTheTriggeringChange() {
        RuleSet set = parser.parse(rules("""
                {"id": "r", "trigger": {"event": "ContactUpdated"},
                 "condition": {"all": [{"field": "createdAt", "op": "days-since", "cmp": "<", "value": 1},
                                       {"field": "title", "op": "changed-to", "value": "CEO"}]},
                 "actions": [{"type": "addTag", "tag": "new-ceo"}]}"""));
        f.engine().rules(set).build();
        Contact ada = f.contact("Ada");
        Contact bob = f.contact("Bob");

        f.crm.contacts().update(f.crm.contacts().get(ada.id()).withTitle("CEO"));
        f.crm.contacts().update(f.crm.contacts().get(bob.id()).withTitle("CTO"));

        assertThat(f.crm.contacts().get(ada.id()).tags()).containsExactly("new-ceo");
        assertThat(f.crm.contacts().get(bob.id()).tags()).isEmpty();
    }

    @Test
    void aJsonConditionEqualsTheJavaOneInBehaviour() {
        Condition json = parser.parseCondition(EntityKind.CONTACT,
                "{\"field\": \"custom.score\", \"op\": \"between\", \"value\": [10, 20]}");
        Contact c = f.crm.contacts().create(NewContact.named("Ada", "B")
                .field("score", dev.rapport.crm.field.FieldValue.number(15)));
        RuleContext ctx = new RuleContext(f.crm, EntityKind.CONTACT, c.id(), null, f.clock.instant());

        assertThat(json.evaluate(ctx).result()).isTrue();
        assertThat(json.describe()).isEqualTo("custom.score between [10, 20]");
        assertThat(List.of(json.evaluate(ctx).result())).containsExactly(true);
    }
}
