package dev.rapport.crm.testkit;

import dev.rapport.crm.Crm;
import dev.rapport.crm.directory.Directory;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.spi.IdGenerator;
import dev.rapport.crm.workflow.DeadLetter;
import dev.rapport.crm.workflow.RuleSet;
import dev.rapport.crm.workflow.Trace;
import dev.rapport.crm.workflow.WorkflowEngine;
import dev.rapport.crm.workflow.spi.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Runs a host's workflow rules on a fresh in-memory CRM with a clock the test moves, recording
 * the messages the rules send and every trace. {@link #advance(Duration)} moves the clock and
 * fires the timers that fall due, one step of time at a time, so waits, retries, inactivity and
 * date triggers happen in order.
 *
 * <pre>{@code
 * RuleHarness h = RuleHarness.with(rules);
 * Contact ada = h.crm().contacts().create(NewContact.named("Ada", "Lovelace"));
 * h.advance(Duration.ofDays(3));
 * assertThat(h.sent()).extracting(Message::template).containsExactly("welcome", "follow-up");
 * }</pre>
 */
public final class RuleHarness {
    private final HarnessClock clock;
    private final Crm crm;
    private final WorkflowEngine engine;
    private final List<Message> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<Trace> traces = Collections.synchronizedList(new ArrayList<>());

    private RuleHarness(RuleSet rules, Directory directory) {
        this.clock = HarnessClock.at("2026-01-01T00:00:00Z");
        this.crm = Crm.builder().clock(clock).directory(directory).idGenerator(IdGenerator.sequential("h")).build();
        this.engine = WorkflowEngine.builder(crm).rules(rules).messageSender(sent::add).traceListener(traces::add)
                .build();
    }

    /**
     * A harness for a rule set, with an empty directory.
     *
     * @param rules the rules
     * @return the harness
     */
    public static RuleHarness with(RuleSet rules) {
        return new RuleHarness(Objects.requireNonNull(rules, "rules"), new InMemoryDirectory());
    }

    /**
     * A harness for a rule set, with a directory of users, teams and territories.
     *
     * @param rules the rules
     * @param directory the directory
     * @return the harness
     */
    public static RuleHarness with(RuleSet rules, Directory directory) {
        return new RuleHarness(Objects.requireNonNull(rules, "rules"), Objects.requireNonNull(directory, "directory"));
    }

    /**
     * The CRM the rules run on (start time 2026-01-01T00:00:00Z).
     *
     * @return the CRM
     */
    public Crm crm() {
        return crm;
    }

    /**
     * The engine.
     *
     * @return the engine
     */
    public WorkflowEngine engine() {
        return engine;
    }

    /**
     * The clock.
     *
     * @return the clock
     */
    public HarnessClock clock() {
        return clock;
    }

    /**
     * Moves time forward in steps of at most one minute, firing the timers due at each step.
     *
     * @param by how far
     * @return the number of timers fired
     */
    public int advance(Duration by) {
        Duration left = by;
        int fired = engine.tick();
        while (!left.isZero() && !left.isNegative()) {
            Duration step = left.compareTo(Duration.ofMinutes(1)) < 0 ? left : Duration.ofMinutes(1);
            clock.advance(step);
            left = left.minus(step);
            fired += engine.tick();
        }
        return fired;
    }

    /**
     * The messages sent so far, in order.
     *
     * @return the messages
     */
    public List<Message> sent() {
        return List.copyOf(sent);
    }

    /**
     * Every trace so far, in order.
     *
     * @return the traces
     */
    public List<Trace> traces() {
        return List.copyOf(traces);
    }

    /**
     * The ids of the rules that enrolled an entity and finished all steps, in order.
     *
     * @return the rule ids
     */
    public List<String> completed() {
        return traces().stream().filter(t -> t.outcome() == Trace.Outcome.COMPLETED).map(Trace::ruleId).toList();
    }

    /**
     * The dead letters.
     *
     * @return the dead letters
     */
    public List<DeadLetter> deadLetters() {
        return engine.deadLetters();
    }
}
