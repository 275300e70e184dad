package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.testkit.HarnessClock;
import dev.rapport.crm.workflow.Actions;
import dev.rapport.crm.workflow.Conditions;
import dev.rapport.crm.workflow.Enrollment;
import dev.rapport.crm.workflow.EntityKind;
import dev.rapport.crm.workflow.Operator;
import dev.rapport.crm.workflow.Rule;
import dev.rapport.crm.workflow.RuleSet;
import dev.rapport.crm.workflow.Trace;
import dev.rapport.crm.workflow.Triggers;
import dev.rapport.crm.workflow.WorkflowEngine;
import dev.rapport.crm.workflow.spi.EnrollmentKey;
import dev.rapport.crm.workflow.spi.EnrollmentState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The durable enrollment store: an engine restarted on the database neither enrolls an entity of a
 * once-only rule again nor forgets an edge-triggered rule's last state, and engines sharing the
 * database never both start an enrollment of one rule for one entity. With each provider on H2,
 * and on PostgreSQL and MariaDB when enabled.
 */
class JpaEnrollmentStoreTest {
    private final HarnessClock clock = HarnessClock.at("2026-11-22T09:00:00Z");
    private final TenantId tenant = TenantId.of("enroll-" + UUID.randomUUID().toString().substring(0, 8));
    private final List<String> log = new CopyOnWriteArrayList<>();

    private Crm crm(EntityManagerFactory emf) {
        return Crm.builder().store(JpaCrmStore.owning(emf).build()).clock(clock).tenant(tenant).build();
    }

    /** An engine as a node starts it: every piece of workflow state in the database. */
    private static WorkflowEngine engine(Crm crm, EntityManagerFactory emf, Rule... rules) {
        return WorkflowEngine.builder(crm).rules(RuleSet.of(List.of(rules)))
                .timerStore(JpaTimerStore.owning(emf).build())
                .ledger(JpaIdempotencyLedger.owning(emf).build())
                .enrollmentStore(JpaEnrollmentStore.owning(emf).build())
                .build();
    }

    private dev.rapport.crm.workflow.Action record(String label) {
        return Actions.of("record " + label, context -> {
            log.add(label);
            return "recorded";
        });
    }

    private static Contact tag(Crm crm, Contact c, String tag, boolean add) {
        Contact now = crm.contacts().get(c.id());
        TreeSet<String> tags = new TreeSet<>(now.tags());
        if (add) {
            tags.add(tag);
        } else {
            tags.remove(tag);
        }
        return crm.contacts().update(now.withTags(tags));
    }

    private static List<Trace.Outcome> outcomes(WorkflowEngine engine, String rule) {
        return engine.traces().stream().filter(t -> t.ruleId().equals(rule)).map(Trace::outcome).toList();
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void aRestartedEngineDoesNotEnrollAgainAndKeepsTheLastStateOfAnEdge(TestDatabase database,
            TestDatabase.Provider provider) {
        EntityManagerFactory emf = database.factory(provider);
        Crm crm = crm(emf);
        Rule once = Rule.named("touch").when(Triggers.event(ContactUpdated.class)).then(record("touch")).build();
        Rule edge = Rule.named("hot").when(Triggers.propertyChange(
                Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "hot")))
                .enrollment(Enrollment.RE_ENROLL).then(record("hot")).build();
        WorkflowEngine first = engine(crm, emf, once, edge);
        Contact augusta = crm.contacts().create(NewContact.named("Augusta", "Kingsford"));
        tag(crm, augusta, "hot", true);
        first.close();
        assertThat(log).containsExactlyInAnyOrder("touch", "hot");

        WorkflowEngine second = engine(crm, emf, once, edge);   // a new process on the same database
        tag(crm, augusta, "other", true);

        assertThat(log).hasSize(2);
        assertThat(outcomes(second, "touch")).containsExactly(Trace.Outcome.NOT_REENROLLED);
        assertThat(outcomes(second, "hot")).containsExactly(Trace.Outcome.NO_EDGE);
        tag(crm, augusta, "hot", false);
        tag(crm, augusta, "hot", true);   // a new not-matching to matching edge
        assertThat(log).containsExactlyInAnyOrder("touch", "hot", "hot");
        second.close();

        // The rows name rules and entities by id: no personal data in the workflow tables.
        assertThat(database.placesHolding(tenant.value(), List.of("Augusta", "Kingsford")))
                .isNotEmpty().noneMatch(place -> place.startsWith("rapport_workflow_"));
        EntityManager em = emf.createEntityManager();
        try {
            assertThat(em.createQuery("select count(e) from RapportWorkflowEnrollment e where e.tenantId = :t",
                    Long.class).setParameter("t", tenant.value()).getSingleResult()).isEqualTo(2L);
            assertThat(em.createQuery("select count(e) from RapportWorkflowEdge e where e.tenantId = :t",
                    Long.class).setParameter("t", tenant.value()).getSingleResult()).isEqualTo(1L);
        } finally {
            em.close();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void twoThreadsClaimingTheSameKeysEachWithItsOwnStoreNeverBothWin(TestDatabase database,
            TestDatabase.Provider provider) throws Exception {
        EntityManagerFactory emf = database.factory(provider);
        int keys = 60;
        Map<EnrollmentKey, List<String>> winners = new ConcurrentHashMap<>();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> nodes = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                // Each node has its own store, so each call has its own entity manager and transaction.
                JpaEnrollmentStore store = JpaEnrollmentStore.owning(emf).build();
                nodes.add(pool.submit(() -> {
                    for (int i = 0; i < keys; i++) {
                        EnrollmentKey key = EnrollmentKey.of(tenant, "race", "ContactId:c-" + i);
                        EnrollmentState mine = new EnrollmentState(tenant, "race", 1, "ContactId:c-" + i, node, true,
                                false);
                        boolean[] won = new boolean[1];
                        together.await(20, TimeUnit.SECONDS);
                        store.update(key, current -> {
                            won[0] = current == null || !current.active();
                            return won[0] ? mine : current;
                        });
                        if (won[0]) {
                            winners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(node);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> node : nodes) {
                node.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        JpaEnrollmentStore reader = JpaEnrollmentStore.owning(emf).build();
        assertThat(winners).hasSize(keys);
        winners.forEach((key, won) -> {
            assertThat(won).as(key.value()).hasSize(1);
            assertThat(reader.find(key)).as(key.value()).extracting(EnrollmentState::triggerId, EnrollmentState::active)
                    .containsExactly(won.get(0), true);
        });
        assertThat(reader.unarmedRules(tenant, "ContactId:c-0")).containsExactly("race");
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void twoEnginesSharingTheDatabaseStartOneEnrollmentPerEntityAndRunItsStepsOnce(TestDatabase database,
            TestDatabase.Provider provider) throws Exception {
        EntityManagerFactory emf = database.factory(provider);
        Rule nurture = Rule.named("nurture").when(Triggers.event(ContactCreated.class))
                .then(Actions.waitFor(Duration.ofDays(1)), record("nurture")).build();
        // Two nodes, each with its own CRM and engine; the events come from a third writer, and
        // each event is delivered to both engines at once (as a re-delivery could).
        WorkflowEngine a = engine(crm(emf), emf, nurture);
        WorkflowEngine b = engine(crm(emf), emf, nurture);
        Crm writer = crm(emf);
        List<CrmEvent> created = new CopyOnWriteArrayList<>();
        writer.events().subscribe(e -> {
            if (e instanceof ContactCreated) {
                created.add(e);
            }
        });
        int contacts = 12;
        for (int i = 0; i < contacts; i++) {
            writer.contacts().create(NewContact.named("Node", "Test " + i));
        }
        assertThat(created).hasSize(contacts);
        CyclicBarrier together = new CyclicBarrier(2);
        AtomicInteger waiting = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> nodes = new ArrayList<>();
            for (WorkflowEngine engine : List.of(a, b)) {
                nodes.add(pool.submit(() -> {
                    for (CrmEvent event : created) {
                        together.await(20, TimeUnit.SECONDS);
                        engine.handle(event);
                    }
                    return null;
                }));
            }
            for (Future<?> node : nodes) {
                node.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (WorkflowEngine engine : List.of(a, b)) {
            List<Trace.Outcome> seen = outcomes(engine, "nurture");
            assertThat(seen).hasSize(contacts).allMatch(o -> o == Trace.Outcome.WAITING
                    || o == Trace.Outcome.ALREADY_ENROLLED);
            waiting.addAndGet((int) seen.stream().filter(o -> o == Trace.Outcome.WAITING).count());
        }
        assertThat(waiting).hasValue(contacts);

        clock.advance(Duration.ofDays(1));
        a.tick();
        b.tick();
        assertThat(log).hasSize(contacts);
        a.close();
        b.close();
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void aJoiningStoreCommitsAndRollsBackWithTheHostsTransaction(TestDatabase database,
            TestDatabase.Provider provider) {
        EntityManagerFactory emf = database.factory(provider);
        JpaEnrollmentStore owning = JpaEnrollmentStore.owning(emf).build();
        EnrollmentKey rolledBack = EnrollmentKey.of(tenant, "welcome", "ContactId:c-1");
        EnrollmentKey committed = EnrollmentKey.of(tenant, "welcome", "ContactId:c-2");
        EnrollmentState started = new EnrollmentState(tenant, "welcome", 4, "ContactId:c-1", "event-1", true, false);
        EntityManager em = emf.createEntityManager();
        try {
            JpaEnrollmentStore joined = JpaEnrollmentStore.joining(() -> em).build();
            em.getTransaction().begin();
            joined.update(rolledBack, current -> started);
            assertThat(joined.swapCondition(rolledBack, true)).isNull();
            assertThat(joined.find(rolledBack)).isEqualTo(started);
            em.getTransaction().rollback();

            em.getTransaction().begin();
            EnrollmentState other = new EnrollmentState(tenant, "welcome", 4, "ContactId:c-2", "event-2", true, false);
            joined.update(committed, current -> other);
            joined.update(committed, current -> current == null ? null : current.withActive(false));
            assertThat(joined.swapCondition(committed, true)).isNull();
            assertThat(joined.swapCondition(committed, false)).isTrue();
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        assertThat(owning.find(rolledBack)).isNull();
        assertThat(owning.swapCondition(rolledBack, false)).isNull();
        assertThat(owning.find(committed)).extracting(EnrollmentState::ruleVersion, EnrollmentState::triggerId,
                EnrollmentState::active, EnrollmentState::armed).containsExactly(4, "event-2", false, false);
        assertThat(owning.swapCondition(committed, false)).isFalse();
        assertThat(owning.unarmedRules(tenant, "ContactId:c-2")).containsExactly("welcome");
        owning.update(committed, current -> current == null ? null : current.withArmed(true));
        assertThat(owning.unarmedRules(tenant, "ContactId:c-2")).isEmpty();
    }
}
