package dev.rapport.crm.workflow.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Timers in a tree ordered by due instant, so taking the due ones costs O(due · log n). */
final class InMemoryTimerStore implements TimerStore {
    private static final Comparator<Timer> ORDER = Comparator.comparing(Timer::dueAt).thenComparing(Timer::id);

    private final TreeSet<Timer> byDue = new TreeSet<>(ORDER);
    private final Map<String, Timer> byId = new HashMap<>();

    @Override
    public synchronized void schedule(Timer timer) {
        Timer old = byId.put(timer.id(), timer);
        if (old != null) {
            byDue.remove(old);
        }
        byDue.add(timer);
    }

    @Override
    public synchronized void cancel(String id) {
        Timer old = byId.remove(id);
        if (old != null) {
            byDue.remove(old);
        }
    }

    @Override
    public synchronized List<Timer> takeDue(Instant now) {
        List<Timer> due = new ArrayList<>();
        while (!byDue.isEmpty() && !byDue.first().dueAt().isAfter(now)) {
            Timer t = byDue.pollFirst();
            byId.remove(t.id());
            due.add(t);
        }
        return due;
    }

    @Override
    public synchronized int size() {
        return byId.size();
    }
}
