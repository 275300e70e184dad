package dev.rapport.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Real threads converting at once: conversions are atomic, so they never duplicate a contact or account. */
class LeadConversionConcurrencyTest {
    private static final int THREADS = 8;

    private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void leadsOfOnePersonConvertedAtOnceBecomeOneContactAndOneAccount() throws Exception {
        Crm crm = Crm.builder().build();
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String email = (i % 2 == 0 ? "GRACE" : "grace") + "@Fleet.example" + " ".repeat(i);
            leads.add(crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).email(email).company("Fleet Ltd")));
        }
        List<Callable<String>> tasks = new ArrayList<>();
        for (Lead lead : leads) {
            tasks.add(() -> crm.leads().convert(lead.id(), ConvertLead.plain()).contactId().value());
        }

        Set<String> contacts = new HashSet<>(runTogether(tasks));

        assertThat(contacts).hasSize(1);
        assertThat(crm.contacts().count()).isEqualTo(1);
        assertThat(crm.accounts().count()).isEqualTo(1);
        assertThat(crm.leads().findByStatus(LeadStatus.CONVERTED)).hasSize(THREADS);
    }

    @Test
    void oneLeadConvertedByManyThreadsAtOnceIsConvertedExactlyOnce() throws Exception {
        Crm crm = Crm.builder().build();
        Lead lead = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).email("grace@fleet.example")
                .company("Fleet Ltd"));
        AtomicInteger refused = new AtomicInteger();
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tasks.add(() -> {
                try {
                    crm.leads().convert(lead.id(), ConvertLead.plain());
                    return true;
                } catch (CrmValidationException e) {
                    assertThat(e.field()).isEqualTo("status");
                    refused.incrementAndGet();
                    return false;
                }
            });
        }

        List<Boolean> results = runTogether(tasks);

        assertThat(results).containsOnlyOnce(true);
        assertThat(refused).hasValue(THREADS - 1);
        assertThat(crm.contacts().count()).isEqualTo(1);
        assertThat(crm.accounts().count()).isEqualTo(1);
    }
}
