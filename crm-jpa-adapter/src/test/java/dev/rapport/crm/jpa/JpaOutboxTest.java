package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outbox delivers committed events in order, at least once, and each once across two callers:
 * with each provider on H2, and on PostgreSQL and MariaDB when they are enabled.
 */
class JpaOutboxTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.000000001Z");

    private final TenantId tenant = TenantId.of("outbox-" + UUID.randomUUID().toString().substring(0, 13));

    private Crm crm(TestDatabase database, TestDatabase.Provider provider) {
        return Crm.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).idGenerator(IdGenerator.sequential("o"))
                .store(JpaCrmStore.owning(database.factory(provider)).build()).tenant(tenant).build();
    }

    /** Delivers until the outbox is empty; returns this test's tenant's entries. */
    private List<OutboxEntry> drain(JpaOutbox outbox, Consumer<OutboxEntry> also) {
        List<OutboxEntry> mine = new ArrayList<>();
        while (outbox.deliver(7, entry -> {
            also.accept(entry);
            if (entry.tenant().equals(tenant)) {
                mine.add(entry);
            }
        }) > 0) {
            // until nothing is left
        }
        return mine;
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void committedEventsAreDeliveredInTheOrderTheyWereWrittenAndThenRemoved(TestDatabase database,
            TestDatabase.Provider provider) {
        Crm crm = crm(database, provider);
        JpaOutbox outbox = JpaOutbox.on(database.factory(provider));
        List<CrmEvent> published = new ArrayList<>();
        crm.events().subscribe(published::add);
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        crm.contacts().update(ada.withTitle("CTO"));
        crm.contacts().update(crm.contacts().get(ada.id()).withTitle("CEO"));

        List<OutboxEntry> delivered = drain(outbox, entry -> { });

        assertThat(delivered).extracting(OutboxEntry::eventType)
                .containsExactly("ContactCreated", "ContactUpdated", "ContactUpdated");
        assertThat(delivered).extracting(OutboxEntry::subjectId).containsOnly(ada.id().value());
        assertThat(delivered).extracting(OutboxEntry::occurredAt).containsOnly(NOW);
        assertThat(delivered).extracting(OutboxEntry::sequence).isSorted();
        assertThat(delivered).extracting(OutboxEntry::eventId).doesNotHaveDuplicates();
        assertThat(delivered).extracting(OutboxEntry::event).containsExactlyElementsOf(published);
        assertThat(outbox.pending()).isZero();
        assertThat(drain(outbox, entry -> { })).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void aConsumerThatFailsLeavesTheEntriesForTheNextDelivery(TestDatabase database,
            TestDatabase.Provider provider) {
        Crm crm = crm(database, provider);
        JpaOutbox outbox = JpaOutbox.on(database.factory(provider));
        drain(outbox, entry -> { });
        crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        crm.contacts().create(NewContact.named("Bob", "Builder"));

        assertThatThrownBy(() -> outbox.deliver(10, entry -> {
            if (entry.eventId().endsWith("-4")) {
                throw new IllegalStateException("broker down");
            }
        })).hasMessage("broker down");
        assertThat(outbox.pending()).isEqualTo(2);

        assertThat(drain(outbox, entry -> { })).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void twoCallersDeliveringAtOnceDeliverEachEntryOnce(TestDatabase database,
            TestDatabase.Provider provider) throws Exception {
        Crm crm = crm(database, provider);
        JpaOutbox outbox = JpaOutbox.on(database.factory(provider));
        for (int i = 0; i < 40; i++) {
            crm.contacts().create(NewContact.named("N" + i, "Tester"));
        }
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<OutboxEntry>>> callers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                callers.add(pool.submit(() -> {
                    start.await();
                    return drain(outbox, entry -> seen.add(entry.tenant() + "/" + entry.eventId()));
                }));
            }
            start.countDown();
            List<OutboxEntry> mine = new ArrayList<>();
            for (Future<List<OutboxEntry>> caller : callers) {
                mine.addAll(caller.get(60, TimeUnit.SECONDS));
            }

            assertThat(mine).hasSize(40);
            assertThat(mine).extracting(OutboxEntry::eventId).doesNotHaveDuplicates();
            assertThat(seen).doesNotHaveDuplicates();
            assertThat(outbox.pending()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
