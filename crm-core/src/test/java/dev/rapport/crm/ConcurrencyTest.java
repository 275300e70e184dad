package dev.rapport.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many real threads updating one aggregate: stale versions are refused and no update is lost. */
class ConcurrencyTest {

    @Test
    void concurrentUpdatesOfOneContactNeverLoseAnUpdate() throws Exception {
        Crm crm = Crm.builder().build();
        Contact contact = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        int threads = 8;
        int updatesPerThread = 50;
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < updatesPerThread; i++) {
                        String tag = "t" + thread + "-" + i;
                        while (true) {
                            Contact current = crm.contacts().get(contact.id());
                            Set<String> tags = new TreeSet<>(current.tags());
                            tags.add(tag);
                            try {
                                crm.contacts().update(current.withTags(tags));
                                break;
                            } catch (CrmConflictException e) {
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Contact end = crm.contacts().get(contact.id());
        assertThat(end.tags()).hasSize(threads * updatesPerThread);
        assertThat(end.version()).isEqualTo(1L + threads * updatesPerThread);
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        Crm crm = Crm.builder().build();
        Contact v1 = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Contact v2 = crm.contacts().update(v1.withTitle("Analyst"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> crm.contacts().update(v1.withTitle("CTO")))
                .isInstanceOfSatisfying(CrmConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                    assertThat(e.entityType()).isEqualTo("Contact");
                });
        assertThat(crm.contacts().get(v1.id())).isEqualTo(v2);
    }
}
