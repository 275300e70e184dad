package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.workflow.spi.IdempotencyLedger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineSemanticsTest {
    private final Fixture f = new Fixture();

    @Test
    void aMatchingEventRunsTheActionsInOrder() {
        Rule rule = Rule.named("welcome").when(Triggers.event(ContactCreated.class))
                .then(f.record("first"), Actions.addTag("welcomed"), f.record("last")).build();
        f.engine().rules(RuleSet.of(List.of(rule))).build();

        Contact ada = f.contact("Ada");

        assertThat(f.log).containsExactly("first:" + ada.id().value(), "last:" + ada.id().value());
        assertThat(f.crm.contacts().get(ada.id()).tags()).containsExactly("welcomed");
    }

    @Test
    void rulesRunByPriorityThenById() {
        Rule b = Rule.named("b").when(Triggers.event(ContactCreated.class)).then(f.record("b")).build();
        Rule a = Rule.named("a").when(Triggers.event(ContactCreated.class)).then(f.record("a")).build();
        Rule c = Rule.named("c").when(Triggers.event(ContactCreated.class)).then(f.record("c")).priority(5).build();
        f.engine().rules(RuleSet.of(List.of(b, a, c))).build();

        Contact ada = f.contact("Ada");

        String id = ":" + ada.id().value();
        assertThat(f.log).containsExactly("c" + id, "a" + id, "b" + id);
    }

    @Test
    void anEventFilterKeepsOtherEventsOut() {
        Rule rule = Rule.named("only-ada").when(Triggers.event(ContactCreated.class)
                .filter("account given", e -> e.accountId() != null)).then(f.record("x")).build();
        f.engine().rules(RuleSet.of(List.of(rule))).build();

        f.contact("Ada");

        assertThat(f.log).isEmpty();
    }

    @Test
    void aFalseConditionRunsNothingAndTheTraceShowsEachPart() {
        Rule rule = Rule.named("vip").when(Triggers.event(ContactCreated.class))
                .ifCondition(Conditions.all(
                        Conditions.field(EntityKind.CONTACT, "firstName", Operator.EQ, "Ada"),
                        Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "vip")))
                .then(f.record("x")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();

        f.contact("Ada");

        assertThat(f.log).isEmpty();
        Trace trace = engine.traces().get(0);
        assertThat(trace.outcome()).isEqualTo(Trace.Outcome.NOT_MATCHED);
        assertThat(trace.condition().parts()).extracting(Evaluation::description, Evaluation::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("firstName = Ada", true),
                        org.assertj.core.groups.Tuple.tuple("tags contains vip", false));
    }

    @Test
    void onceEnrollsAnEntityOnlyOnce() {
        Rule rule = Rule.named("touch").when(Triggers.event(ContactUpdated.class)).then(f.record("x")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        Contact ada = f.contact("Ada");

        f.tag(ada, "one");
        f.tag(ada, "two");

        assertThat(f.log).hasSize(1);
        assertThat(f.outcomes(engine, "touch")).containsExactly(Trace.Outcome.COMPLETED, Trace.Outcome.NOT_REENROLLED);
    }

    @Test
    void reEnrollRunsAgainOnlyAfterTheConditionWasFalse() {
        Rule rule = Rule.named("hot").when(Triggers.event(ContactUpdated.class))
                .ifCondition(Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "hot"))
                .enrollment(Enrollment.RE_ENROLL).then(f.record("x")).build();
        f.engine().rules(RuleSet.of(List.of(rule))).build();
        Contact ada = f.contact("Ada");

        f.tag(ada, "hot");      // matches: enrolls
        f.tag(ada, "other");    // still matching: no new edge
        assertThat(f.log).hasSize(1);
        f.untag(ada, "hot");    // not matching
        f.tag(ada, "hot");      // matching again: a new edge

        assertThat(f.log).hasSize(2);
    }

    @Test
    void anEntityIsNeverEnrolledTwiceAtTheSameTime() {
        Rule rule = Rule.named("nurture").when(Triggers.event(ContactUpdated.class)).enrollment(Enrollment.RE_ENROLL)
                .ifCondition(Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "hot"))
                .then(Actions.waitFor(Duration.ofDays(1)), f.record("x")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        Contact ada = f.contact("Ada");
        f.tag(ada, "hot");
        f.untag(ada, "hot");

        f.tag(ada, "hot");   // a new edge, but the first enrollment is still waiting

        // The untagging leaves no trace: the index rules the rule out without evaluating it.
        assertThat(f.outcomes(engine, "nurture")).containsExactly(Trace.Outcome.WAITING,
                Trace.Outcome.ALREADY_ENROLLED);
        f.clock.advance(Duration.ofDays(1));
        engine.tick();
        assertThat(f.log).hasSize(1);
    }

    @Test
    void aRulesOwnChangesDoNotTriggerIt() {
        Contact other = f.contact("Other");
        Rule rule = Rule.named("ping").when(Triggers.event(ContactUpdated.class))
                .then(f.record("ping"), Actions.of("touch the other contact", context -> {
                    f.tag(other, "pinged-" + context.subject().orElseThrow().value());
                    return "touched";
                })).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        Contact ada = f.contact("Ada");

        f.tag(ada, "go");

        assertThat(f.log).containsExactly("ping:" + ada.id().value());
        assertThat(f.outcomes(engine, "ping")).containsExactly(Trace.Outcome.OWN_CHANGE, Trace.Outcome.COMPLETED);
    }

    @Test
    void aCascadeStopsAtTheDepthLimitWithTheChainOfRules() {
        List<Rule> chain = List.of(link(1), link(2), link(3), link(4), link(5));
        WorkflowEngine engine = f.engine().rules(RuleSet.of(chain)).maxCascadeDepth(3).build();
        Contact ada = f.contact("Ada");

        f.tag(ada, "t0");

        assertThat(f.crm.contacts().get(ada.id()).tags()).containsExactly("t0", "t1", "t2", "t3");
        assertThat(engine.deadLetters()).hasSize(1);
        DeadLetter d = engine.deadLetters().get(0);
        assertThat(d.failure()).isInstanceOf(CascadeDepthExceededException.class);
        assertThat(((CascadeDepthExceededException) d.failure()).chain()).containsExactly("r1", "r2", "r3", "r4");
        assertThat(d.failure().getMessage()).contains("r1 -> r2 -> r3 -> r4");
    }

    private Rule link(int i) {
        // Deeper links first, so a link sees its trigger tag only inside the cascade that added it.
        return Rule.named("r" + i).priority(i).when(Triggers.event(ContactUpdated.class))
                .ifCondition(Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "t" + (i - 1)))
                .then(Actions.addTag("t" + i)).build();
    }

    @Test
    void aRetriedEnrollmentDoesNotRepeatStepsThatSucceeded() {
        Rule rule = Rule.named("flaky").when(Triggers.event(ContactCreated.class))
                .then(f.record("before"), Actions.of("flaky", f.flaky("flaky", 1)), f.record("after")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        Contact ada = f.contact("Ada");
        assertThat(f.outcomes(engine, "flaky")).containsExactly(Trace.Outcome.RETRY_SCHEDULED);

        f.clock.advance(Duration.ofMinutes(1));
        engine.tick();

        String id = ":" + ada.id().value();
        assertThat(f.log).containsExactly("before" + id, "flaky-attempt", "flaky-attempt", "after" + id);
    }

    @Test
    void retriesBackOffByTheClockThenDeadLetterWithTheContext() {
        Rule rule = Rule.named("down").when(Triggers.event(ContactCreated.class))
                .then(Actions.of("always fails", f.flaky("down", Integer.MAX_VALUE))).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule)))
                .retryPolicy(new RetryPolicy(3, Duration.ofMinutes(1), 2)).build();
        Contact ada = f.contact("Ada");

        f.clock.advance(Duration.ofSeconds(59));
        engine.tick();
        assertThat(f.log).hasSize(1);          // not due yet
        f.clock.advance(Duration.ofSeconds(1));
        engine.tick();
        assertThat(f.log).hasSize(2);          // first retry after 1 minute
        f.clock.advance(Duration.ofSeconds(119));
        engine.tick();
        assertThat(f.log).hasSize(2);          // second retry waits 2 minutes
        f.clock.advance(Duration.ofSeconds(1));
        engine.tick();

        assertThat(f.log).hasSize(3);
        assertThat(engine.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.ruleId()).isEqualTo("down");
            assertThat(d.subject()).isEqualTo(ada.id());
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.event()).isInstanceOf(ContactCreated.class);
            assertThat(d.failure()).hasMessage("down");
            assertThat(d.chain()).containsExactly("down");
        });
        assertThat(engine.pendingTimers()).isZero();
    }

    @Test
    void aReplayedDeadLetterContinuesFromTheFailedStep() {
        boolean[] fixed = {false};
        Rule rule = Rule.named("fixme").when(Triggers.event(ContactCreated.class))
                .then(f.record("before"), Actions.of("needs a fix", context -> {
                    if (!fixed[0]) {
                        throw new IllegalStateException("broken");
                    }
                    return "ok";
                }), f.record("after")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule)))
                .retryPolicy(new RetryPolicy(1, Duration.ZERO, 1)).build();
        f.contact("Ada");
        assertThat(engine.deadLetters()).hasSize(1);

        fixed[0] = true;
        Trace replay = engine.replay(engine.deadLetters().get(0).id());

        assertThat(replay.outcome()).isEqualTo(Trace.Outcome.COMPLETED);
        assertThat(f.log).hasSize(2);
        assertThat(engine.deadLetters()).isEmpty();
    }

    @Test
    void aRestartedEngineWithTheSameLedgerDoesNotRepeatSteps() {
        IdempotencyLedger ledger = IdempotencyLedger.inMemory();
        Rule rule = Rule.named("once").when(Triggers.event(ContactCreated.class)).then(f.record("x")).build();
        java.util.List<dev.rapport.crm.event.CrmEvent> seen = new java.util.ArrayList<>();
        f.crm.events().subscribe(seen::add);
        WorkflowEngine first = f.engine().rules(RuleSet.of(List.of(rule))).ledger(ledger).build();
        f.contact("Ada");
        first.close();

        WorkflowEngine second = WorkflowEngine.builder(f.crm).rules(RuleSet.of(List.of(rule))).ledger(ledger).build();
        second.handle(seen.get(0));   // the same event delivered again after the restart

        assertThat(f.log).hasSize(1);
        assertThat(second.traces().get(0).steps()).extracting(StepTrace::outcome)
                .containsExactly(StepTrace.Outcome.ALREADY_DONE);
    }

    @Test
    void aRedeliveredEventRepeatsOnlyTheStepsNotDoneBefore() {
        IdempotencyLedger ledger = IdempotencyLedger.inMemory();
        boolean[] failing = {true};
        Action flaky = Actions.of("flaky", context -> {
            if (failing[0]) {
                throw new IllegalStateException("down");
            }
            f.log.add("b");
            return "ok";
        });
        Rule rule = Rule.named("three").when(Triggers.event(ContactCreated.class))
                .then(f.record("a"), flaky, f.record("c")).build();
        java.util.List<dev.rapport.crm.event.CrmEvent> seen = new java.util.ArrayList<>();
        f.crm.events().subscribe(seen::add);
        WorkflowEngine first = f.engine().rules(RuleSet.of(List.of(rule))).ledger(ledger)
                .retryPolicy(new RetryPolicy(1, Duration.ofMinutes(1), 2)).build();
        Contact ada = f.contact("Ada");
        first.close();
        failing[0] = false;

        WorkflowEngine second = WorkflowEngine.builder(f.crm).rules(RuleSet.of(List.of(rule))).ledger(ledger).build();
        second.handle(seen.get(0));
        WorkflowEngine third = WorkflowEngine.builder(f.crm).rules(RuleSet.of(List.of(rule))).ledger(ledger).build();
        third.handle(seen.get(0));

        assertThat(f.log).containsExactly("a:" + ada.id().value(), "b", "c:" + ada.id().value());
        assertThat(second.traces().get(0).steps()).extracting(StepTrace::outcome).containsExactly(
                StepTrace.Outcome.ALREADY_DONE, StepTrace.Outcome.DONE, StepTrace.Outcome.DONE);
        assertThat(third.traces().get(0).steps()).extracting(StepTrace::outcome).containsExactly(
                StepTrace.Outcome.ALREADY_DONE, StepTrace.Outcome.ALREADY_DONE, StepTrace.Outcome.ALREADY_DONE);
    }

    @Test
    void aFailingRuleDoesNotKeepTheOthersFromTheEvent() {
        Rule broken = Rule.named("broken").priority(10).when(Triggers.event(ContactCreated.class))
                .ifCondition(Conditions.test("throws", ctx -> {
                    throw new IllegalStateException("bug");
                })).then(f.record("never")).build();
        Rule healthy = Rule.named("healthy").when(Triggers.event(ContactCreated.class)).then(f.record("ok")).build();
        f.engine().rules(RuleSet.of(List.of(broken, healthy))).build();

        Contact ada = f.contact("Ada");

        assertThat(f.log).containsExactly("ok:" + ada.id().value());
    }

    @Test
    void aRuleThatFailsWhileEvaluatedKeepsTheEventInTheDeadLettersForReplay() {
        boolean[] broken = {true};
        Rule rule = Rule.named("fragile").when(Triggers.event(ContactCreated.class))
                .ifCondition(Conditions.test("sometimes throws", ctx -> {
                    if (broken[0]) {
                        throw new IllegalStateException("bug");
                    }
                    return true;
                })).then(f.record("x")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        Contact ada = f.contact("Ada");
        DeadLetter d = engine.deadLetters().get(0);
        assertThat(d.step()).isEqualTo(-1);
        assertThat(d.event()).isInstanceOf(ContactCreated.class);

        broken[0] = false;
        engine.replay(d.id());

        assertThat(f.log).containsExactly("x:" + ada.id().value());
    }

    @Test
    void aDisabledRuleDoesNotRun() {
        Rule rule = Rule.named("off").enabled(false).when(Triggers.event(ContactCreated.class)).then(f.record("x"))
                .build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();

        f.contact("Ada");

        assertThat(f.log).isEmpty();
        assertThat(f.outcomes(engine, "off")).containsExactly(Trace.Outcome.DISABLED);
    }

    @Test
    void aSuppressionConditionKeepsAnEntityOut() {
        Rule rule = Rule.named("offer").when(Triggers.event(ContactUpdated.class))
                .suppressWhen(Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "do-not-contact"))
                .then(f.record("x")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        Contact ada = f.contact("Ada");

        f.tag(ada, "do-not-contact");

        assertThat(f.log).isEmpty();
        assertThat(f.outcomes(engine, "offer")).containsExactly(Trace.Outcome.SUPPRESSED);
    }

    @Test
    void aGoalMetDuringAWaitEndsTheEnrollment() {
        Rule rule = Rule.named("chase").when(Triggers.event(ContactCreated.class))
                .goal(Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "replied"))
                .then(Actions.waitFor(Duration.ofDays(2)), f.record("reminder")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        Contact ada = f.contact("Ada");
        f.tag(ada, "replied");

        f.clock.advance(Duration.ofDays(2));
        engine.tick();

        assertThat(f.log).isEmpty();
        assertThat(f.outcomes(engine, "chase")).containsExactly(Trace.Outcome.WAITING, Trace.Outcome.GOAL_MET);
    }

    @Test
    void aWaitResumesOnlyWhenItsTimerIsDue() {
        Rule rule = Rule.named("later").when(Triggers.event(ContactCreated.class))
                .then(Actions.waitFor(Duration.ofHours(3)), f.record("x")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        f.contact("Ada");

        f.clock.advance(Duration.ofHours(2));
        assertThat(engine.tick()).isZero();
        assertThat(f.log).isEmpty();
        f.clock.advance(Duration.ofHours(1));
        assertThat(engine.tick()).isEqualTo(1);

        assertThat(f.log).hasSize(1);
    }

    @Test
    void inFlightEnrollmentsKeepTheirRuleVersionAfterASwap() {
        Rule v1 = Rule.named("drip").version(1).when(Triggers.event(ContactCreated.class))
                .then(Actions.waitFor(Duration.ofDays(1)), f.record("v1")).build();
        Rule v2 = Rule.named("drip").version(2).when(Triggers.event(ContactCreated.class))
                .then(Actions.waitFor(Duration.ofDays(1)), f.record("v2")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(v1))).build();
        Contact ada = f.contact("Ada");

        engine.replaceRules(RuleSet.of(List.of(v2)));
        Contact bob = f.contact("Bob");
        f.clock.advance(Duration.ofDays(1));
        engine.tick();

        assertThat(f.log).containsExactlyInAnyOrder("v1:" + ada.id().value(), "v2:" + bob.id().value());
        assertThat(engine.rules().rules()).containsExactly(v2);
    }

    @Test
    void settingAFieldToTheValueItHoldsWritesNothing() {
        Rule rule = Rule.named("ceo").when(Triggers.event(ContactUpdated.class))
                .then(Actions.setField("title", "CEO")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        Contact ada = f.crm.contacts().create(dev.rapport.crm.party.NewContact.named("Ada", "Tester").title("CEO"));
        List<dev.rapport.crm.event.CrmEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        f.crm.events().subscribe(events::add);

        Contact tagged = f.tag(ada, "vip");

        assertThat(engine.traces()).singleElement().satisfies(t -> assertThat(t.steps())
                .extracting(StepTrace::detail).containsExactly("already set"));
        assertThat(f.crm.contacts().get(ada.id()).version()).isEqualTo(tagged.version());
        assertThat(events).hasSize(1);   // the tag change alone
    }

    @Test
    void aRuleAfterOneThatChangedTheEntitySeesTheChange() {
        // The index answers for the entity as the event found it; "second" only matches after
        // "first" has set the title, so the engine must ask the index again.
        Rule first = Rule.named("first").priority(10).when(Triggers.event(ContactCreated.class))
                .then(Actions.setField("title", "CEO")).build();
        Rule second = Rule.named("second").when(Triggers.event(ContactCreated.class))
                .ifCondition(Conditions.field(EntityKind.CONTACT, "title", Operator.EQ, "CEO"))
                .then(f.record("second")).build();
        Rule untouched = Rule.named("third").when(Triggers.event(ContactCreated.class))
                .ifCondition(Conditions.field(EntityKind.CONTACT, "firstName", Operator.EQ, "Ada"))
                .then(f.record("third")).build();
        f.engine().rules(RuleSet.of(List.of(first, second, untouched))).build();

        Contact ada = f.contact("Ada");

        assertThat(f.log).containsExactly("second:" + ada.id().value(), "third:" + ada.id().value());
    }
}
