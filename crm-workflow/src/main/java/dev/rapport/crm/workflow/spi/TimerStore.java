package dev.rapport.crm.workflow.spi;

import java.time.Instant;
import java.util.List;

/**
 * Keeps the engine's timers (waits, retries, schedules, inactivity and date triggers). The
 * default is in memory; a persistence adapter keeps them in the host's database so they survive
 * a restart. Implementations must be thread-safe, and finding due timers must cost in proportion
 * to the number due, not to the number stored.
 *
 * <pre>{@code
 * TimerStore timers = TimerStore.inMemory();
 * WorkflowEngine engine = WorkflowEngine.builder(crm).timerStore(timers).build();
 * }</pre>
 */
public interface TimerStore {
    /**
     * Stores a timer, replacing one with the same id.
     *
     * @param timer the timer
     */
    void schedule(Timer timer);

    /**
     * Removes a timer; nothing happens if there is none.
     *
     * @param id the timer id
     */
    void cancel(String id);

    /**
     * Removes and returns the timers due at or before {@code now}, earliest first (ties by id).
     * Each timer is returned to exactly one caller.
     *
     * @param now the current time
     * @return the due timers
     */
    List<Timer> takeDue(Instant now);

    /**
     * The number of timers stored.
     *
     * @return the count
     */
    int size();

    /**
     * A new, empty, thread-safe in-memory store.
     *
     * @return the store
     */
    static TimerStore inMemory() {
        return new InMemoryTimerStore();
    }
}
