package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.workflow.spi.EnrollmentKey;
import dev.rapport.crm.workflow.spi.EnrollmentState;
import dev.rapport.crm.workflow.spi.EnrollmentStore;
import dev.rapport.crm.workflow.spi.IdempotencyLedger;
import dev.rapport.crm.workflow.spi.TimerStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The enrollment rules hold across an engine restart when the new engine is given the same
 * {@link EnrollmentStore}: a new engine over the same CRM is what a restarted process is.
 */
class EnrollmentRestartTest {
    private final Fixture f = new Fixture();
    private final EnrollmentStore store = EnrollmentStore.inMemory();

    private WorkflowEngine engineOn(Rule rule) {
        return f.engine().rules(RuleSet.of(List.of(rule))).enrollmentStore(store).build();
    }

    @Test
    void aRestartedEngineDoesNotEnrollAnEntityOfAOnceRuleAgain() {
        Rule rule = Rule.named("touch").when(Triggers.event(ContactUpdated.class)).then(f.record("x")).build();
        WorkflowEngine first = engineOn(rule);
        Contact ada = f.contact("Ada");
        f.tag(ada, "one");
        first.close();
        assertThat(f.log).hasSize(1);

        WorkflowEngine second = engineOn(rule);
        f.tag(ada, "two");   // a new event, so the step ledger alone would not keep it out

        assertThat(f.log).hasSize(1);
        assertThat(f.outcomes(second, "touch")).containsExactly(Trace.Outcome.NOT_REENROLLED);
        // The in-memory default of another engine starts empty: the entity would be enrolled again.
        second.close();
        f.engine().rules(RuleSet.of(List.of(rule))).build();
        f.tag(ada, "three");
        assertThat(f.log).hasSize(2);
    }

    @Test
    void aRestartedEngineKeepsTheLastResultOfAPropertyChangeCondition() {
        Rule rule = Rule.named("hot").when(Triggers.propertyChange(
                Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "hot")))
                .enrollment(Enrollment.RE_ENROLL).then(f.record("x")).build();
        WorkflowEngine first = engineOn(rule);
        Contact ada = f.contact("Ada");
        f.tag(ada, "hot");   // not matching to matching: enrolls
        first.close();
        assertThat(f.log).hasSize(1);

        WorkflowEngine second = engineOn(rule);
        f.tag(ada, "other");   // still matching: no edge, as the first engine saw it matching
        assertThat(f.outcomes(second, "hot")).containsExactly(Trace.Outcome.NO_EDGE);
        f.untag(ada, "hot");
        f.tag(ada, "hot");     // a new edge after the restart

        assertThat(f.log).hasSize(2);
    }

    @Test
    void anUnarmedEnrollmentIsArmedAfterARestartWhenTheIndexRulesTheRuleOut() {
        Rule rule = Rule.named("vip").when(Triggers.event(ContactUpdated.class))
                .ifCondition(Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "vip"))
                .enrollment(Enrollment.RE_ENROLL).then(f.record("x")).build();
        WorkflowEngine first = engineOn(rule);
        Contact ada = f.contact("Ada");
        f.tag(ada, "vip");
        first.close();
        String subject = "ContactId:" + ada.id().value();
        assertThat(store.unarmedRules(f.crm.tenant(), subject)).containsExactly("vip");

        WorkflowEngine second = engineOn(rule);
        f.untag(ada, "vip");   // the index leaves the rule out; the store says it must be armed
        assertThat(store.unarmedRules(f.crm.tenant(), subject)).isEmpty();
        f.tag(ada, "vip");

        assertThat(f.log).hasSize(2);
        assertThat(f.outcomes(second, "vip")).containsExactly(Trace.Outcome.COMPLETED);
    }

    @Test
    void aWaitResumedByARestartedEngineFinishesTheEnrollmentWithoutItsEvent() {
        TimerStore timers = TimerStore.inMemory();
        IdempotencyLedger ledger = IdempotencyLedger.inMemory();
        Rule rule = Rule.named("nurture").when(Triggers.event(ContactUpdated.class))
                .then(Actions.waitFor(Duration.ofDays(1)), Actions.of("record the event", c -> {
                    f.log.add("event " + c.event().isPresent());
                    return "ok";
                })).build();
        WorkflowEngine first = f.engine().rules(RuleSet.of(List.of(rule))).enrollmentStore(store).timerStore(timers)
                .ledger(ledger).build();
        Contact ada = f.contact("Ada");
        f.tag(ada, "one");
        first.close();
        EnrollmentKey key = EnrollmentKey.of(f.crm.tenant(), "nurture", "ContactId:" + ada.id().value());
        assertThat(store.find(key)).extracting(EnrollmentState::active, EnrollmentState::ruleVersion)
                .containsExactly(true, 1);

        WorkflowEngine second = f.engine().rules(RuleSet.of(List.of(rule))).enrollmentStore(store)
                .timerStore(timers).ledger(ledger).build();
        f.tag(ada, "two");   // still enrolled: waiting
        f.clock.advance(Duration.ofDays(1));
        assertThat(second.tick()).isEqualTo(1);

        assertThat(f.log).containsExactly("event false");
        assertThat(f.outcomes(second, "nurture")).containsExactly(Trace.Outcome.ALREADY_ENROLLED,
                Trace.Outcome.COMPLETED);
        assertThat(store.find(key).active()).isFalse();
    }

    @Test
    void theInMemoryIndexHoldsARuleExactlyWhileItsStateIsUnarmed() {
        TenantId tenant = TenantId.of("t");
        EnrollmentState started = new EnrollmentState(tenant, "r", 2, "ContactId:c-1", "e-1", true, false);
        EnrollmentKey r = EnrollmentKey.of(tenant, "r", "ContactId:c-1");
        assertThat(store.update(r, current -> current)).isNull();
        assertThat(store.find(r)).isNull();

        assertThat(store.update(r, current -> started)).isEqualTo(started);
        assertThat(store.update(EnrollmentKey.of(tenant, "s", "ContactId:c-1"), current -> new EnrollmentState(tenant, "s", 1, "ContactId:c-1",
                "e-1", false, false))).isNotNull();
        assertThat(store.unarmedRules(tenant, "ContactId:c-1")).containsExactlyInAnyOrder("r", "s");
        assertThat(store.unarmedRules(tenant, "ContactId:c-2")).isEmpty();

        store.update(r, current -> current.withActive(false));
        assertThat(store.unarmedRules(tenant, "ContactId:c-1")).containsExactlyInAnyOrder("r", "s");
        store.update(r, current -> current.withArmed(true));
        assertThat(store.unarmedRules(tenant, "ContactId:c-1")).containsExactly("s");
        assertThat(store.find(r)).isEqualTo(started.withActive(false).withArmed(true));

        assertThat(store.swapCondition(r, true)).isNull();
        assertThat(store.swapCondition(r, false)).isTrue();
        assertThat(store.swapCondition(r, false)).isFalse();
    }

    @Test
    void keysAreEqualByTheirPartsAndNameAMissingOne() {
        TenantId tenant = TenantId.of("t");
        EnrollmentKey key = EnrollmentKey.of(tenant, "r", "ContactId:c-1");
        assertThat(key).isEqualTo(EnrollmentKey.of(TenantId.of("t"), "r", new String("ContactId:c-1")))
                .hasSameHashCodeAs(EnrollmentKey.of(tenant, "r", "ContactId:c-1"))
                .isNotEqualTo(EnrollmentKey.of(tenant, "r", "ContactId:c-2"))
                .isNotEqualTo(EnrollmentKey.of(tenant, "s", "ContactId:c-1"))
                .isNotEqualTo(EnrollmentKey.of(TenantId.of("u"), "r", "ContactId:c-1"));
        assertThat(key.value()).isEqualTo("t|r|ContactId:c-1");
        assertThatThrownBy(() -> EnrollmentKey.of(tenant, null, "ContactId:c-1")).isInstanceOf(NullPointerException.class)
                .hasMessage("ruleId");
    }

    @Test
    void twoThreadsClaimingTheSameKeysInMemoryWinEachOnce() throws Exception {
        TenantId tenant = TenantId.of("t");
        int keys = 2000;
        java.util.concurrent.ConcurrentHashMap<EnrollmentKey, java.util.List<String>> winners =
                new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        java.util.Set<Throwable> failures = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (String node : java.util.List.of("a", "b")) {
            Thread t = new Thread(() -> {
                try {
                    together.await();
                    for (int i = 0; i < keys; i++) {
                        // 50 subjects, each with 40 rules: the claims meet in the same subjects.
                        String subject = "ContactId:c-" + (i % 50);
                        EnrollmentKey key = EnrollmentKey.of(tenant, "rule-" + (i / 50), subject);
                        EnrollmentState mine = new EnrollmentState(tenant, key.ruleId(), 1, subject, node, true, false);
                        boolean[] won = new boolean[1];
                        store.update(key, current -> {
                            won[0] = current == null;
                            return won[0] ? mine : current;
                        });
                        if (won[0]) {
                            winners.computeIfAbsent(key, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(node);
                        }
                    }
                } catch (Exception | AssertionError e) {
                    failures.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertThat(failures).isEmpty();
        assertThat(winners).hasSize(keys);
        winners.forEach((key, won) -> {
            assertThat(won).as(key.value()).hasSize(1);
            assertThat(store.find(key).triggerId()).as(key.value()).isEqualTo(won.get(0));
        });
        assertThat(store.unarmedRules(tenant, "ContactId:c-7")).hasSize(keys / 50);
    }
}
