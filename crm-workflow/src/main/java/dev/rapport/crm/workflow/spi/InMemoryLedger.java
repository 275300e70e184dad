package dev.rapport.crm.workflow.spi;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory ledger: a concurrent set of keys. */
final class InMemoryLedger implements IdempotencyLedger {
    private final Set<StepKey> done = ConcurrentHashMap.newKeySet();

    @Override
    public boolean isDone(StepKey key) {
        return done.contains(key);
    }

    @Override
    public void markDone(StepKey key) {
        done.add(key);
    }
}
