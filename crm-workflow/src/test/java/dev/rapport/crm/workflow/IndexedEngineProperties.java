package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine looking rules up in its index runs exactly the actions, in the same order, as the
 * engine evaluating every triggered rule, for random rules (including rules whose actions change
 * what other rules test, and re-enrolling rules) and random histories of changes.
 */
class IndexedEngineProperties {
    private static final List<String> TAGS = List.of("a", "b", "c");
    private static final List<String> TITLES = List.of("CEO", "CTO");

    /** A rule as plain data, so the same rules can be built for two engines. */
    private record Spec(int kind, String value, boolean created, boolean reEnroll, boolean negate, int action,
            String arg) {
    }

    /** A change to one of the contacts: 0 tag, 1 untag, 2 set the title, 3 clear the title. */
    private record Change(int contact, int what, String value) {
    }

    private static final Gen<Spec> SPEC = Gen.zip(
            Gen.zip(Gen.integers(0, 2), Gen.elements("a", "b", "c", "CEO", "CTO"), Map::entry),
            Gen.zip(Gen.zip(Gen.booleans(), Gen.booleans(), Map::entry), Gen.zip(Gen.booleans(),
                    Gen.zip(Gen.integers(0, 2), Gen.elements("a", "b", "c", "CEO", "CTO"), Map::entry), Map::entry),
                    Map::entry),
            (k, rest) -> new Spec(k.getKey(), k.getValue(), rest.getKey().getKey(), rest.getKey().getValue(),
                    rest.getValue().getKey(), rest.getValue().getValue().getKey(),
                    rest.getValue().getValue().getValue()));

    private static final Gen<Change> CHANGE = Gen.zip(Gen.zip(Gen.integers(0, 1), Gen.integers(0, 3), Map::entry),
            Gen.elements("a", "b", "c", "CEO", "CTO"), (a, v) -> new Change(a.getKey(), a.getValue(), v));

    private static Rule build(int n, Spec s, Fixture f) {
        Condition c = switch (s.kind()) {
            case 0 -> Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, TAGS.contains(s.value())
                    ? s.value() : "a");
            case 1 -> Conditions.field(EntityKind.CONTACT, "title", Operator.EQ, s.value());
            default -> Conditions.field(EntityKind.CONTACT, "title", Operator.IN, TITLES);
        };
        Action act = switch (s.action()) {
            case 0 -> f.record("r" + n);
            case 1 -> Actions.addTag(TAGS.contains(s.arg()) ? s.arg() : "c");
            default -> Actions.setField("title", TITLES.contains(s.arg()) ? s.arg() : "CEO");
        };
        Class<? extends CrmEvent> type = s.created() ? ContactCreated.class : ContactUpdated.class;
        return Rule.named("r" + n).when(Triggers.event(type))
                .ifCondition(s.negate() ? Conditions.not(c) : c)
                .enrollment(s.reEnroll() ? Enrollment.RE_ENROLL : Enrollment.ONCE)
                .then(f.record("r" + n), act).build();
    }

    private static List<String> run(List<Spec> specs, List<Change> changes, boolean traceEveryRule) {
        Fixture f = new Fixture();
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            rules.add(build(i, specs.get(i), f));
        }
        f.engine().rules(RuleSet.of(rules)).traceEveryRule(traceEveryRule).build();
        List<Contact> contacts = List.of(f.contact("Ada"), f.contact("Bob"));
        for (Change ch : changes) {
            Contact c = f.crm.contacts().get(contacts.get(ch.contact()).id());
            switch (ch.what()) {
                case 0 -> f.tag(c, TAGS.contains(ch.value()) ? ch.value() : "a");
                case 1 -> f.untag(c, TAGS.contains(ch.value()) ? ch.value() : "a");
                case 2 -> f.crm.contacts().update(c.withTitle(ch.value()));
                default -> f.crm.contacts().update(c.withTitle(null));
            }
        }
        List<String> out = new ArrayList<>(f.log);
        for (Contact c : contacts) {
            Contact now = f.crm.contacts().get(c.id());
            out.add(now.tags() + "/" + now.title());
        }
        return out;
    }

    @Test
    void theIndexedEngineRunsTheSameActionsAsEvaluatingEveryRule() {
        PropertyCheck.forAll(Gen.lists(SPEC, 1, 8), Gen.lists(CHANGE, 0, 12)).tries(150).check((specs, changes) ->
                assertThat(run(specs, changes, false)).isEqualTo(run(specs, changes, true)));
    }

    @Test
    void traceEveryRuleAlsoTracesTheRulesTheIndexRulesOut() {
        Fixture f = new Fixture();
        Rule rule = Rule.named("ceo").when(Triggers.event(ContactCreated.class))
                .ifCondition(Conditions.field(EntityKind.CONTACT, "title", Operator.EQ, "CEO"))
                .then(f.record("x")).build();
        WorkflowEngine indexed = f.engine().rules(RuleSet.of(List.of(rule))).build();
        WorkflowEngine every = f.engine().rules(RuleSet.of(List.of(rule))).traceEveryRule(true).build();

        f.contact("Ada");

        assertThat(indexed.traces()).isEmpty();
        assertThat(every.traces()).extracting(Trace::outcome).containsExactly(Trace.Outcome.NOT_MATCHED);
        assertThat(f.log).isEmpty();
    }
}
