package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.CrmEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    private final Fixture f = new Fixture();

    @Test
    void oneEngineServesManyThreadsAndRunsEachEnrollmentOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Rule rule = Rule.named("count").when(Triggers.event(ContactCreated.class))
                .then(Actions.of("count", context -> {
                    runs.incrementAndGet();
                    return "counted";
                }), Actions.addTag("counted")).build();
        List<CrmEvent> created = java.util.Collections.synchronizedList(new ArrayList<>());
        f.crm.events().subscribe(ContactCreated.class, created::add);
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 25; i++) {
                        f.contact("T" + thread + "n" + i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
            // The same events delivered again, from many threads at once, run nothing twice.
            List<CrmEvent> again = List.copyOf(created);
            CountDownLatch replay = new CountDownLatch(1);
            List<Future<?>> replays = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                replays.add(pool.submit(() -> {
                    replay.await();
                    again.forEach(engine::handle);
                    return null;
                }));
            }
            replay.countDown();
            for (Future<?> future : replays) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(runs).hasValue(200);
        assertThat(f.crm.contacts().count()).isEqualTo(200);
        assertThat(f.crm.contacts().list(dev.rapport.crm.PageRequest.first(500)).items())
                .allSatisfy(c -> assertThat(c.tags()).containsExactly("counted"));
    }
}
