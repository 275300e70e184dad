package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import dev.rapport.crm.workflow.spi.Timer;
import dev.rapport.crm.workflow.spi.TimerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkflowPropertiesTest {

    @Test
    void aPropertyChangeRuleFiresOncePerRisingEdge() {
        PropertyCheck.forAll(Gen.lists(Gen.booleans(), 1, 20)).tries(60).check(levels -> {
            Fixture f = new Fixture();
            Rule rule = Rule.named("hot").enrollment(Enrollment.RE_ENROLL)
                    .when(Triggers.propertyChange(Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "hot")))
                    .then(f.record("hot")).build();
            f.engine().rules(RuleSet.of(List.of(rule))).build();
            Contact c = f.contact("Ada");
            boolean current = false;
            int rising = 0;
            int n = 0;
            for (boolean level : levels) {
                if (level && !current) {
                    f.tag(c, "hot");
                    rising++;
                } else if (!level && current) {
                    f.untag(c, "hot");
                } else {
                    Contact now = f.crm.contacts().get(c.id());
                    f.crm.contacts().update(now.withTitle("v" + n++));   // a change that keeps the level
                }
                current = level;
            }
            assertThat(f.log).hasSize(rising);
        });
    }

    @Test
    void eachStepRunsExactlyOnceWhateverTheFailuresBeforeTheLastAttempt() {
        PropertyCheck.forAll(Gen.lists(Gen.integers(0, 2), 1, 5)).tries(60).check(failures -> {
            Fixture f = new Fixture();
            List<AtomicInteger> successes = new ArrayList<>();
            List<Action> steps = new ArrayList<>();
            for (int i = 0; i < failures.size(); i++) {
                AtomicInteger ok = new AtomicInteger();
                successes.add(ok);
                int failTimes = failures.get(i);
                AtomicInteger attempts = new AtomicInteger();
                steps.add(Actions.of("step " + i, context -> {
                    if (attempts.incrementAndGet() <= failTimes) {
                        throw new IllegalStateException("transient");
                    }
                    ok.incrementAndGet();
                    return "ok";
                }));
            }
            Rule rule = Rule.named("steps").when(Triggers.event(ContactCreated.class)).then(steps).build();
            WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule)))
                    .retryPolicy(new RetryPolicy(3, Duration.ofMinutes(1), 2)).build();
            f.contact("Ada");
            for (int i = 0; i < 20; i++) {
                f.clock.advance(Duration.ofMinutes(5));
                engine.tick();
            }
            assertThat(successes).allSatisfy(s -> assertThat(s).hasValue(1));
            assertThat(engine.deadLetters()).isEmpty();
        });
    }

    @Test
    void aJsonComparisonAgreesWithTheJavaOneAndWithPlainArithmetic() {
        Fixture f = new Fixture().define(dev.rapport.crm.field.EntityType.CONTACT, "score",
                dev.rapport.crm.field.FieldType.NUMBER);
        Schema schema = Schema.standard().withCustomField(EntityKind.CONTACT, "score",
                dev.rapport.crm.field.FieldType.NUMBER);
        JsonRules parser = JsonRules.parser().schema(schema);
        List<Operator> ops = List.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE);
        PropertyCheck.forAll(Gen.integers(-5, 5), Gen.integers(-5, 5), Gen.elements(ops)).tries(300)
                .check((value, literal, op) -> {
                    Contact c = f.crm.contacts().create(dev.rapport.crm.party.NewContact.named("P", "Q")
                            .field("score", dev.rapport.crm.field.FieldValue.number(value)));
                    RuleContext ctx = new RuleContext(f.crm, EntityKind.CONTACT, c.id(), null, f.clock.instant());
                    boolean json = parser.parseCondition(EntityKind.CONTACT, "{\"field\": \"custom.score\", \"op\": \""
                            + op.symbol() + "\", \"value\": " + literal + "}").evaluate(ctx).result();
                    boolean java = Conditions.field(schema, EntityKind.CONTACT, "custom.score", op, literal)
                            .evaluate(ctx).result();
                    int cmp = Integer.compare(value, literal);
                    boolean expected = switch (op) {
                        case EQ -> cmp == 0;
                        case NE -> cmp != 0;
                        case LT -> cmp < 0;
                        case LE -> cmp <= 0;
                        case GT -> cmp > 0;
                        default -> cmp >= 0;
                    };
                    assertThat(json).isEqualTo(java).isEqualTo(expected);
                });
    }

    @Test
    void theTimerStoreReturnsExactlyTheDueTimersEarliestFirst() {
        Gen<List<Integer>> dues = Gen.lists(Gen.integers(0, 50), 0, 40);
        PropertyCheck.forAll(dues, Gen.integers(0, 60), Gen.lists(Gen.integers(0, 39), 0, 10)).tries(200)
                .check((offsets, now, cancels) -> {
                    TimerStore store = TimerStore.inMemory();
                    Instant base = Instant.parse("2026-01-01T00:00:00Z");
                    Map<String, Timer> model = new LinkedHashMap<>();
                    for (int i = 0; i < offsets.size(); i++) {
                        // ids repeat every 30 so a later timer replaces an earlier one
                        Timer t = new Timer("t" + (i % 30), TenantId.DEFAULT, base.plusSeconds(offsets.get(i)),
                                Timer.Kind.RESUME, "r", 1, null, "e", 0, 0);
                        store.schedule(t);
                        model.put(t.id(), t);
                    }
                    for (int c : cancels) {
                        store.cancel("t" + c);
                        model.remove("t" + c);
                    }
                    Instant at = base.plusSeconds(now);
                    List<Timer> expected = model.values().stream().filter(t -> !t.dueAt().isAfter(at))
                            .sorted(Comparator.comparing(Timer::dueAt).thenComparing(Timer::id)).toList();

                    assertThat(store.takeDue(at)).containsExactlyElementsOf(expected);
                    assertThat(store.size()).isEqualTo(model.size() - expected.size());
                    assertThat(store.takeDue(at)).isEmpty();
                });
    }
}
