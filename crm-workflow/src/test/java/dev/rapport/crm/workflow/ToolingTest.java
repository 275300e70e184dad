package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.LifecycleChanged;
import dev.rapport.crm.event.TicketOpened;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Contact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolingTest {
    private final Fixture f = new Fixture();

    @Test
    void aDryRunReportsWhatWouldRunAndChangesNothing() {
        List<CrmEvent> history = new ArrayList<>();
        f.crm.events().subscribe(history::add);
        Contact ada = f.contact("Ada");
        f.contact("Bob");
        Rule rule = Rule.named("welcome").when(Triggers.event(ContactCreated.class))
                .ifCondition(Conditions.field(EntityKind.CONTACT, "firstName", Operator.EQ, "Ada"))
                .then(Actions.addTag("welcomed"), Actions.sendMessage("welcome"), Actions.waitFor(Duration.ofDays(1)))
                .build();
        WorkflowEngine engine = f.engine().build();

        List<Trace> traces = engine.dryRun(RuleSet.of(List.of(rule)), history);

        assertThat(traces).extracting(Trace::outcome).containsExactly(Trace.Outcome.WOULD_RUN,
                Trace.Outcome.NOT_MATCHED);
        assertThat(traces.get(0).subject()).isEqualTo(ada.id());
        assertThat(traces.get(0).steps()).extracting(StepTrace::action)
                .containsExactly("add tag welcomed", "send welcome", "wait PT24H");
        assertThat(f.crm.contacts().get(ada.id()).tags()).isEmpty();
        assertThat(f.sent).isEmpty();
        assertThat(engine.pendingTimers()).isZero();
        assertThat(engine.traces()).isEmpty();
    }

    @Test
    void theTraceListsConditionPartsAndStepResults() {
        Rule rule = Rule.named("t").when(Triggers.event(ContactCreated.class))
                .ifCondition(Conditions.any(Conditions.field(EntityKind.CONTACT, "title", Operator.EXISTS, null),
                        Conditions.contact("named Ada", c -> "Ada".equals(c.firstName()))))
                .then(Actions.addTag("seen"), Actions.addTag("seen")).build();
        List<Trace> heard = new ArrayList<>();
        f.engine().rules(RuleSet.of(List.of(rule))).traceListener(heard::add).build();

        f.contact("Ada");

        Trace t = heard.get(0);
        assertThat(t.outcome()).isEqualTo(Trace.Outcome.COMPLETED);
        assertThat(t.condition().result()).isTrue();
        assertThat(t.condition().parts()).extracting(Evaluation::result).containsExactly(false, true);
        assertThat(t.steps()).extracting(StepTrace::detail).containsExactly("tagged", "already tagged");
    }

    @Test
    void theTraceBufferKeepsTheMostRecentTraces() {
        Rule rule = Rule.named("t").when(Triggers.event(ContactCreated.class)).then(Actions.addTag("x")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).traceCapacity(5).build();
        List<Contact> created = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            created.add(f.contact("C" + i));
        }

        assertThat(engine.traces()).hasSize(5);
        assertThat(engine.traces().get(4).subject()).isEqualTo(created.get(39).id());
    }

    @Test
    void theCheckFindsACycleBetweenRules() {
        Rule a = Rule.named("a").when(Triggers.event(ContactUpdated.class)).then(Actions.setLifecycleStage(
                LifecycleStage.MARKETING_QUALIFIED)).build();
        Rule b = Rule.named("b").when(Triggers.event(LifecycleChanged.class)).then(Actions.addTag("mql")).build();
        Rule c = Rule.named("c").when(Triggers.event(TicketOpened.class)).then(Actions.addTag("support")).build();

        RuleSetCheck check = RuleSet.of(List.of(c, b, a)).check();

        assertThat(check.ok()).isFalse();
        assertThat(check.cycles()).containsExactly(List.of("a", "b", "a"));
    }

    @Test
    void theCheckPassesASetWithoutCycles() {
        Rule a = Rule.named("a").when(Triggers.event(ContactCreated.class)).then(Actions.addTag("new")).build();
        Rule b = Rule.named("b").when(Triggers.event(ContactUpdated.class)).then(Actions.sendMessage("x")).build();
        Rule self = Rule.named("self").when(Triggers.event(ContactUpdated.class)).then(Actions.addTag("y")).build();

        assertThat(RuleSet.of(List.of(a, b, self)).check().ok()).isTrue();
    }
}
