package dev.rapport.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.event.OpportunityUpdated;
import dev.rapport.crm.event.StageChanged;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many threads update and move one opportunity: stale updates are refused, none is lost. */
class OpportunityConcurrencyTest {
    private static final List<String> OPEN = List.of("prospecting", "qualification", "needs-analysis", "proposal",
            "negotiation");

    @Test
    void concurrentUpdatesAndMovesLoseNothing() throws Exception {
        SalesFixture f = new SalesFixture();
        OpportunityService service = f.crm.opportunities();
        OpportunityId id = service.create(NewOpportunity.named("Contended")).id();

        int updaters = 6;
        int movers = 2;
        int perThread = 40;
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger moves = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(updaters + movers);
        CountDownLatch start = new CountDownLatch(1);
        // All updaters read before any of them writes their first change, so at least all but one
        // of those first writes are stale, however the threads are scheduled.
        CyclicBarrier firstReads = new CyclicBarrier(updaters);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < updaters; t++) {
            int thread = t;
            Callable<Integer> updater = () -> {
                start.await();
                int done = 0;
                for (int i = 0; i < perThread; i++) {
                    String tag = "t" + thread + "-" + i;
                    boolean first = i == 0;
                    while (true) {
                        Opportunity read = service.get(id);
                        if (first) {
                            firstReads.await(10, TimeUnit.SECONDS);
                            first = false;
                        }
                        Set<String> tags = new HashSet<>(read.tags());
                        tags.add(tag);
                        try {
                            service.update(read.withTags(tags));
                            done++;
                            break;
                        } catch (CrmConflictException stale) {
                            conflicts.incrementAndGet();
                        }
                    }
                }
                return done;
            };
            results.add(pool.submit(updater));
        }
        for (int t = 0; t < movers; t++) {
            int thread = t;
            Callable<Integer> mover = () -> {
                start.await();
                int done = 0;
                for (int i = 0; i < perThread; i++) {
                    String current = service.get(id).stage();
                    String target = OPEN.get((OPEN.indexOf(current) + 1 + thread) % OPEN.size());
                    if (!service.moveToStage(id, target).stage().equals(current)) {
                        done++;
                    }
                }
                moves.addAndGet(done);
                return 0;
            };
            results.add(pool.submit(mover));
        }
        start.countDown();
        int updates = 0;
        for (Future<Integer> result : results) {
            updates += result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        Opportunity last = service.get(id);
        assertThat(updates).isEqualTo(updaters * perThread);
        assertThat(last.tags()).hasSize(updates);
        List<String> historyStages = last.stageHistory().stream().map(StageChange::to).toList();
        int stageChanges = historyStages.size() - 1;
        assertThat(f.events(StageChanged.class)).hasSize(stageChanges);
        assertThat(f.events(OpportunityUpdated.class)).hasSize(updates);
        assertThat(last.version()).isEqualTo(1L + updates + stageChanges);
        assertThat(stageChanges).isLessThanOrEqualTo(moves.get());
        for (int i = 1; i < last.stageHistory().size(); i++) {
            assertThat(last.stageHistory().get(i).from()).isEqualTo(historyStages.get(i - 1));
        }
        // The contention is real: some updates were refused as stale and retried.
        assertThat(conflicts.get()).as("stale updates refused").isGreaterThanOrEqualTo(updaters - 1);
    }
}
