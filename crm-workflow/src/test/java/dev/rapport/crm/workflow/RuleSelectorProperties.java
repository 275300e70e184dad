package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.LifecycleChanged;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The indexed selection equals evaluating every rule's trigger and condition with the engine's own
 * condition evaluator, for random rules and random facts, missing values included.
 */
class RuleSelectorProperties {
    private static final Schema SCHEMA = Schema.standard()
            .withCustomField(EntityKind.CONTACT, "score", FieldType.DECIMAL)
            .withCustomField(EntityKind.CONTACT, "region", FieldType.TEXT)
            .withCustomField(EntityKind.CONTACT, "renewal", FieldType.DATE);
    private static final List<Class<? extends CrmEvent>> EVENTS = List.of(ContactCreated.class, ContactUpdated.class,
            LifecycleChanged.class);
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final List<String> STAGES = List.of("LEAD", "CUSTOMER", "SUBSCRIBER");
    private static final List<String> REGIONS = List.of("EU", "US", "APAC");
    private static final List<String> TAGS = List.of("a", "b", "c");
    private static final List<LocalDate> DATES = List.of(LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-20"),
            LocalDate.parse("2026-06-01"));
    private static final Crm CRM = Crm.builder().build();

    private static final Gen<Object> SCORE = Gen.integers(0, 4).flatMap(i -> Gen.elements(
            (Object) i, new BigDecimal(i + ".0"), new BigDecimal(i + ".5")));

    private static Gen<Condition> leaf() {
        Gen<Condition> stage = Gen.zip(Gen.elements(Operator.EQ, Operator.NE, Operator.IN, Operator.EXISTS,
                Operator.CHANGED_TO), Gen.lists(Gen.elements(STAGES), 1, 2), (op, vs) -> field("lifecycleStage", op,
                op == Operator.IN ? vs : op == Operator.EXISTS ? null : vs.get(0)));
        Gen<Condition> region = Gen.zip(Gen.elements(Operator.EQ, Operator.NE, Operator.IN, Operator.CONTAINS,
                Operator.EXISTS), Gen.lists(Gen.elements(REGIONS), 1, 3), (op, vs) -> field("custom.region", op,
                op == Operator.IN ? vs : op == Operator.EXISTS ? null : vs.get(0)));
        Gen<Condition> tags = Gen.zip(Gen.elements(Operator.CONTAINS, Operator.EXISTS), Gen.elements(TAGS),
                (op, t) -> field("tags", op, op == Operator.EXISTS ? null : t));
        Gen<Condition> score = Gen.zip(Gen.elements(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT,
                Operator.GE, Operator.IN, Operator.BETWEEN), Gen.lists(SCORE, 2, 2), (op, vs) -> field("custom.score",
                op, op == Operator.IN ? vs : op == Operator.BETWEEN ? sorted(vs) : vs.get(0)));
        Gen<Condition> date = Gen.zip(Gen.elements(Operator.EQ, Operator.LT, Operator.GE, Operator.BETWEEN,
                Operator.DAYS_SINCE), Gen.lists(Gen.elements(DATES), 2, 2), (op, vs) -> field("custom.renewal", op,
                op == Operator.BETWEEN ? sortedDates(vs) : op == Operator.DAYS_SINCE ? 10 : vs.get(0).toString()));
        return Gen.oneOf(stage, region, tags, score, date);
    }

    private static List<Object> sorted(List<Object> vs) {
        BigDecimal a = new BigDecimal(vs.get(0).toString());
        BigDecimal b = new BigDecimal(vs.get(1).toString());
        return a.compareTo(b) <= 0 ? List.of(vs.get(0), vs.get(1)) : List.of(vs.get(1), vs.get(0));
    }

    private static List<Object> sortedDates(List<LocalDate> vs) {
        return vs.get(0).isAfter(vs.get(1)) ? List.of(vs.get(1).toString(), vs.get(0).toString())
                : List.of(vs.get(0).toString(), vs.get(1).toString());
    }

    private static Condition field(String path, Operator op, Object value) {
        return Conditions.field(SCHEMA, EntityKind.CONTACT, path, op, value);
    }

    private static Gen<Condition> condition(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Gen<Condition> smaller = Gen.lazy(() -> condition(depth - 1));
        return Gen.frequency(
                Map.entry(3, leaf()),
                Map.entry(3, Gen.lists(smaller, 0, 3).map(Conditions::all)),
                Map.entry(2, Gen.lists(smaller, 0, 3).map(Conditions::any)),
                Map.entry(1, smaller.map(Conditions::not)));
    }

    private static Gen<Rule> rule(int n) {
        return Gen.zip(Gen.zip(condition(2), Gen.elements(EVENTS), Map::entry),
                Gen.zip(Gen.integers(0, 2), Gen.frequency(Map.entry(9, Gen.constant(true)),
                        Map.entry(1, Gen.constant(false))), Map::entry),
                (ce, pe) -> Rule.named("r" + n).schema(SCHEMA).when(Triggers.event(ce.getValue()))
                        .ifCondition(ce.getKey()).priority(pe.getKey()).enabled(pe.getValue())
                        .then(Actions.addTag("x")).build());
    }

    private static Gen<RuleSet> rules() {
        return Gen.integers(1, 25).flatMap(n -> {
            List<Gen<Rule>> gens = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                gens.add(rule(i));
            }
            Gen<List<Rule>> all = Gen.constant(List.of());
            for (Gen<Rule> g : gens) {
                all = Gen.zip(all, g, (list, r) -> {
                    List<Rule> more = new ArrayList<>(list);
                    more.add(r);
                    return more;
                });
            }
            return all.map(RuleSet::of);
        });
    }

    /** Each field present (possibly with a value no rule names) or missing. */
    private static Gen<Facts> facts() {
        Gen<Object> stage = Gen.oneOf(Gen.constant("none"), Gen.elements(STAGES).map(s -> (Object) s),
                Gen.elements(LifecycleStage.LEAD, LifecycleStage.OPPORTUNITY).map(s -> (Object) s));
        Gen<Object> region = Gen.oneOf(Gen.constant("none"), Gen.elements(REGIONS).map(s -> (Object) s),
                Gen.constant("Europe"));
        Gen<Object> tags = Gen.oneOf(Gen.constant("none"), Gen.sets(Gen.elements(TAGS), 1, 3).map(s -> (Object) s));
        Gen<Object> score = Gen.oneOf(Gen.constant("none"), SCORE);
        Gen<Object> date = Gen.oneOf(Gen.constant("none"), Gen.elements(DATES).map(d -> (Object) d),
                Gen.constant(LocalDate.parse("2026-05-10")));
        Gen<Object> changed = Gen.oneOf(Gen.constant("none"), Gen.sets(Gen.elements("lifecycleStage", "title"), 0, 2)
                .map(s -> (Object) s));
        return Gen.zip(Gen.zip(Gen.zip(stage, region, List::of), Gen.zip(tags, score, List::of), (a, b) -> {
            List<Object> l = new ArrayList<>(a);
            l.addAll(b);
            return l;
        }), Gen.zip(date, changed, List::of), (a, b) -> {
            Map<String, Object> m = new HashMap<>();
            String[] paths = {"lifecycleStage", "custom.region", "tags", "custom.score", "custom.renewal"};
            List<Object> values = new ArrayList<>(a);
            values.add(b.get(0));
            for (int i = 0; i < paths.length; i++) {
                if (!"none".equals(values.get(i))) {
                    m.put(paths[i], values.get(i));
                }
            }
            Facts.Builder fb = Facts.builder().now(NOW);
            m.forEach(fb::put);
            if (b.get(1) instanceof Set<?> s) {
                fb.changed(s.stream().map(String::valueOf).toList());
            }
            return fb.build();
        });
    }

    /** The reference: every rule evaluated by the engine's condition tree, in the set's order. */
    private static List<Rule> everyRule(RuleSet set, Class<? extends CrmEvent> type, Facts facts) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : set.rules()) {
            if (r.enabled() && r.trigger() instanceof EventTrigger<?> t && t.type().isAssignableFrom(type)
                    && r.condition().evaluate(new RuleContext(CRM, r.kind(), facts, NOW)).result()) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void theIndexedSelectionEqualsEvaluatingEveryRule() {
        PropertyCheck.forAll(rules(), Gen.lists(facts(), 1, 8)).tries(300).check((set, factsList) -> {
            RuleSelector selector = RuleSelector.of(set);
            for (Facts facts : factsList) {
                for (Class<? extends CrmEvent> type : EVENTS) {
                    assertThat(selector.select(type, facts)).isEqualTo(everyRule(set, type, facts));
                }
            }
        });
    }

    @Test
    void theSelectionIsInPriorityThenIdOrder() {
        PropertyCheck.forAll(rules(), facts()).tries(100).check((set, facts) -> {
            List<Rule> hits = RuleSelector.of(set).select(ContactUpdated.class, facts);
            assertThat(hits).isSortedAccordingTo(RuleSet.ORDER);
        });
    }

    @Test
    void aMissingValueFailsEveryComparisonButNotItsNegation() {
        Rule eq = Rule.named("eq").when(Triggers.event(ContactUpdated.class))
                .ifCondition(field("custom.region", Operator.EQ, "EU")).then(Actions.addTag("x")).build();
        Rule ne = Rule.named("ne").when(Triggers.event(ContactUpdated.class))
                .ifCondition(field("custom.region", Operator.NE, "EU")).then(Actions.addTag("x")).build();
        Rule notEq = Rule.named("not-eq").when(Triggers.event(ContactUpdated.class))
                .ifCondition(Conditions.not(field("custom.region", Operator.EQ, "EU"))).then(Actions.addTag("x"))
                .build();
        Rule range = Rule.named("range").when(Triggers.event(ContactUpdated.class))
                .ifCondition(field("custom.score", Operator.GE, 0)).then(Actions.addTag("x")).build();
        RuleSelector selector = RuleSelector.of(RuleSet.of(List.of(eq, ne, notEq, range)));

        assertThat(selector.select("ContactUpdated", Facts.empty())).extracting(Rule::id).containsExactly("not-eq");
        assertThat(selector.select("ContactUpdated", Facts.of(Map.of("custom.region", "US", "custom.score", 3))))
                .extracting(Rule::id).containsExactly("ne", "not-eq", "range");
        assertThat(selector.select("ContactUpdated", Facts.of(Map.of("custom.region", "EU"))))
                .extracting(Rule::id).containsExactly("eq");
        assertThat(selector.select("ContactCreated", Facts.of(Map.of("custom.region", "EU")))).isEmpty();
    }

    @Test
    void badInputGetsATypedError() {
        Rule java = Rule.named("java").when(Triggers.event(ContactUpdated.class))
                .ifCondition(Conditions.contact("named Ada", c -> "Ada".equals(c.firstName())))
                .then(Actions.addTag("x")).build();
        assertThatThrownBy(() -> RuleSelector.of(RuleSet.of(List.of(java))))
                .isInstanceOf(RuleDefinitionException.class).hasMessageContaining("/rules/0/condition")
                .hasMessageContaining("'java'");
        Rule score = Rule.named("score").when(Triggers.event(ContactUpdated.class))
                .ifCondition(field("custom.score", Operator.EQ, 3)).then(Actions.addTag("x")).build();
        RuleSelector selector = RuleSelector.of(RuleSet.of(List.of(score)));
        assertThatThrownBy(() -> selector.select("ContactUpdated", Facts.of(Map.of("custom.score", "3"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("custom.score");
        assertThatThrownBy(() -> selector.select("NoSuchEvent", Facts.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NoSuchEvent");
    }
}
