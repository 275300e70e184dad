package dev.rapport.crm.workflow.spi;

/**
 * Remembers which steps have run, keyed by {@link StepKey} (tenant, rule id, rule version, trigger
 * id, subject, step index), so a step runs at most once, also across retries and restarts when the
 * ledger is durable. The engine records a step after it succeeded; a step that fails is not
 * recorded and may run again.
 *
 * <pre>{@code
 * IdempotencyLedger ledger = IdempotencyLedger.inMemory();
 * WorkflowEngine engine = WorkflowEngine.builder(crm).ledger(ledger).build();
 * }</pre>
 */
public interface IdempotencyLedger {
    /**
     * Whether a step is recorded as done.
     *
     * @param key the step key
     * @return true if done
     */
    boolean isDone(StepKey key);

    /**
     * Records a step as done.
     *
     * @param key the step key
     */
    void markDone(StepKey key);

    /**
     * A new, empty, thread-safe in-memory ledger. Share one instance between engines to keep
     * idempotency across an engine restart in tests.
     *
     * @return the ledger
     */
    static IdempotencyLedger inMemory() {
        return new InMemoryLedger();
    }
}
