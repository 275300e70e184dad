package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.workflow.spi.Timer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The durable timers keep the TimerStore contract (replace by id, earliest first with ties by id,
 * exact instants, each timer to one caller) and claim with locks that skip what another
 * transaction holds: with each provider on H2, and on PostgreSQL and MariaDB when enabled.
 */
class JpaTimerStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123456789Z");
    private static final TenantId TENANT = TenantId.of("timers");

    private static Timer timer(String id, Instant due) {
        return new Timer(id, TENANT, due, Timer.Kind.RESUME, "welcome", 2, "Contact:c-" + id, "event-" + id, 3, 1);
    }

    /** A store on an emptied timer table. */
    private static JpaTimerStore fresh(EntityManagerFactory emf) {
        JpaTimerStore store = JpaTimerStore.owning(emf).build();
        inTransaction(emf, em -> em.createQuery("delete from RapportTimer t").executeUpdate());
        return store;
    }

    private static void inTransaction(EntityManagerFactory emf, java.util.function.Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void dueTimersAreTakenEarliestFirstWithTiesByIdAndReadBackExactly(TestDatabase database,
            TestDatabase.Provider provider) {
        JpaTimerStore store = fresh(database.factory(provider));
        Timer late = timer("b-late", NOW);
        Timer tieB = timer("b-tie", NOW.minusNanos(1));
        Timer tieA = timer("a-tie", NOW.minusNanos(1));
        Timer early = timer("z-early", NOW.minus(Duration.ofDays(3)));
        Timer noSubject = new Timer("schedule|timers|daily@1", TENANT, NOW.minusSeconds(5), Timer.Kind.SCHEDULE,
                "daily", 1, null, "schedule:x", 0, 0);
        Timer future = timer("future", NOW.plusNanos(1));
        for (Timer t : List.of(late, tieB, future, tieA, early, noSubject)) {
            store.schedule(t);
        }
        assertThat(store.size()).isEqualTo(6);

        assertThat(store.takeDue(NOW)).containsExactly(early, noSubject, tieA, tieB, late);

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.takeDue(NOW)).isEmpty();
        assertThat(store.takeDue(NOW.plusNanos(1))).containsExactly(future);
        assertThat(store.size()).isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void schedulingAnIdAgainReplacesTheTimerAndCancelRemovesIt(TestDatabase database, TestDatabase.Provider provider) {
        JpaTimerStore store = fresh(database.factory(provider));
        store.schedule(timer("t1", NOW.minusSeconds(1)));
        Timer moved = timer("t1", NOW.plusSeconds(60));
        store.schedule(moved);
        store.schedule(timer("t2", NOW.minusSeconds(1)));
        store.cancel("t2");
        store.cancel("never-scheduled");

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.takeDue(NOW)).isEmpty();
        assertThat(store.takeDue(NOW.plusSeconds(60))).containsExactly(moved);
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void twoThreadsTakingAtOnceGetEachDueTimerOnceAndLeaveNone(TestDatabase database, TestDatabase.Provider provider)
            throws Exception {
        EntityManagerFactory emf = database.factory(provider);
        fresh(emf);
        int count = 1_000;
        inTransaction(emf, em -> IntStream.range(0, count).forEach(i -> {
            TimerEntity row = new TimerEntity(String.format("race-%05d", i));
            row.tenantId = TENANT.value();
            row.dueAt = Values.column(NOW.minusSeconds(i % 97));
            row.kind = "RESUME";
            row.ruleId = "race";
            row.triggerId = "t" + i;
            em.persist(row);
        }));
        JpaTimerStore store = JpaTimerStore.owning(emf).batchSize(25).build();
        Set<String> taken = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    int mine = 0;
                    for (List<Timer> batch = store.takeDue(NOW); !batch.isEmpty(); batch = store.takeDue(NOW)) {
                        for (Timer t : batch) {
                            if (!taken.add(t.id())) {
                                duplicates.add(t.id());
                            }
                        }
                        assertThat(batch).isSortedAccordingTo(Comparator.comparing(Timer::dueAt)
                                .thenComparing(Timer::id));
                        mine += batch.size();
                    }
                    return mine;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> worker : workers) {
                total += worker.get(60, TimeUnit.SECONDS);
            }
            assertThat(duplicates).isEmpty();
            assertThat(total).isEqualTo(count);
            assertThat(taken).hasSize(count);
            assertThat(store.size()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void timersAnotherTransactionHoldsAreSkippedWithoutWaitingAndComeBackOnRollback(TestDatabase database,
            TestDatabase.Provider provider) throws Exception {
        EntityManagerFactory emf = database.factory(provider);
        JpaTimerStore owning = fresh(emf);
        for (int i = 0; i < 30; i++) {
            owning.schedule(timer(String.format("held-%02d", i), NOW.minusSeconds(100 - i)));
        }
        EntityManager holder = emf.createEntityManager();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            holder.getTransaction().begin();
            List<Timer> held = JpaTimerStore.joining(() -> holder).maxPerTake(10).build().takeDue(NOW);
            assertThat(held).extracting(Timer::id)
                    .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(i -> String.format("held-%02d", i)).toList());

            // Another node, while the first still holds its ten: it takes the other twenty at once.
            List<Timer> rest = other.submit(() -> owning.takeDue(NOW)).get(20, TimeUnit.SECONDS);
            assertThat(rest).extracting(Timer::id)
                    .containsExactlyElementsOf(IntStream.range(10, 30).mapToObj(i -> String.format("held-%02d", i)).toList());

            holder.getTransaction().rollback();
            assertThat(owning.takeDue(NOW)).containsExactlyElementsOf(held);
            assertThat(owning.size()).isZero();
        } finally {
            if (holder.getTransaction().isActive()) {
                holder.getTransaction().rollback();
            }
            holder.close();
            other.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void aTimerTakenAndScheduledAgainInOneTransactionIsKept(TestDatabase database, TestDatabase.Provider provider) {
        EntityManagerFactory emf = database.factory(provider);
        JpaTimerStore owning = fresh(emf);
        owning.schedule(timer("retry", NOW.minusSeconds(1)));
        Timer again = new Timer("retry", TENANT, NOW.plusSeconds(120), Timer.Kind.RETRY, "welcome", 2, "Contact:c-retry",
                "event-retry", 3, 2);
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            JpaTimerStore joined = JpaTimerStore.joining(() -> em).build();
            assertThat(joined.takeDue(NOW)).extracting(Timer::id).containsExactly("retry");
            joined.schedule(again);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        assertThat(owning.size()).isEqualTo(1);
        assertThat(owning.takeDue(NOW.plusSeconds(120))).containsExactly(again);
    }

    @org.junit.jupiter.api.Test
    void findingTheDueTimersReadsTheDueIndexInDueOrderWithoutASort() throws Exception {
        String url = "jdbc:h2:mem:timer-plan-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url); Statement st = connection.createStatement()) {
            TestDatabase.H2.recreate(connection);
            String bound = JpaTimerStore.candidatesSqlH2(0, 200).replace("?1", "TIMESTAMP '2026-11-22 10:15:30'")
                    .replace("?2", "0");
            try (ResultSet plan = st.executeQuery("EXPLAIN " + bound)) {
                plan.next();
                // The range condition on the due index, and no sort: the rows come in index order.
                assertThat(plan.getString(1)).contains("IX_RAPPORT_TIMER_DUE: DUE_AT <= TIMESTAMP")
                        .contains("/* index sorted */");
            }
        }
    }
}
