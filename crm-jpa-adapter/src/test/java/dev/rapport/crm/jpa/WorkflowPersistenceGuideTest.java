package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.testkit.HarnessClock;
import dev.rapport.crm.workflow.Actions;
import dev.rapport.crm.workflow.Rule;
import dev.rapport.crm.workflow.RuleSet;
import dev.rapport.crm.workflow.Triggers;
import dev.rapport.crm.workflow.WorkflowEngine;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The samples of docs/persistence.md section 11 (workflow timers, step ledger, enrollments, segments). */
class WorkflowPersistenceGuideTest {
    private static TenantId freshTenant() {
        return TenantId.of("wf-guide-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void theOwningSampleKeepsAWaitInTheDatabaseAndFiresItWhenDue() {
        EntityManagerFactory emf = TestDatabase.H2.factory(TestDatabase.Provider.HIBERNATE);
        inTransaction(emf, em -> em.createQuery("delete from RapportTimer t").executeUpdate());
        HarnessClock clock = HarnessClock.at("2026-11-22T09:00:00Z");
        Crm crm = Crm.builder().store(JpaCrmStore.owning(emf).build()).clock(clock).tenant(freshTenant()).build();
        RuleSet rules = RuleSet.of(List.of(Rule.named("follow-up").when(Triggers.event(ContactCreated.class))
                .then(Actions.addTag("welcomed"), Actions.waitFor(Duration.ofDays(2)), Actions.addTag("followed-up"))
                .build()));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            // section 11
            // tag::durable-timers[]
            WorkflowEngine engine = WorkflowEngine.builder(crm)
                .rules(rules)
                .timerStore(JpaTimerStore.owning(emf).build())
                .ledger(JpaIdempotencyLedger.owning(emf).clock(clock).build())
                .enrollmentStore(JpaEnrollmentStore.owning(emf).build())
                .segmentStore(JpaSegmentStore.owning(emf).build())
                .build();
            scheduler.scheduleAtFixedRate(engine::tick, 1, 1, TimeUnit.MINUTES);
            // end::durable-timers[]

            Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
            assertThat(crm.contacts().get(ada.id()).tags()).containsExactly("welcomed");
            assertThat(JpaTimerStore.owning(emf).build().size()).isEqualTo(1);

            clock.advance(Duration.ofDays(2));
            assertThat(engine.tick()).isEqualTo(1);
            assertThat(crm.contacts().get(ada.id()).tags()).containsExactlyInAnyOrder("welcomed", "followed-up");
            assertThat(JpaTimerStore.owning(emf).build().size()).isZero();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void theJoiningSampleActsOnEachOutboxEntryInTheRelaysTransaction() {
        EntityManagerFactory emf = TestDatabase.H2.factory(TestDatabase.Provider.HIBERNATE);
        JpaOutbox.on(emf).deliver(Integer.MAX_VALUE, entry -> { });   // what earlier tests left
        Crm crm = Crm.builder().store(JpaCrmStore.owning(emf).build()).tenant(freshTenant()).build();
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        RuleSet rules = RuleSet.of(List.of(Rule.named("welcome").when(Triggers.event(ContactCreated.class))
                .then(Actions.addTag("welcomed")).build()));

        // section 11, exactly once
        // tag::exactly-once-relay[]
        EntityManager[] current = new EntityManager[1];   // the relay's unit of work, one at a time
        Supplier<EntityManager> em = () -> current[0];
        WorkflowEngine engine = WorkflowEngine.builder(Crm.builder().store(JpaCrmStore.joining(em).build()).build())
            .rules(rules)
            .timerStore(JpaTimerStore.joining(em).maxPerTake(500).build())
            .ledger(JpaIdempotencyLedger.joining(em).build())
            .enrollmentStore(JpaEnrollmentStore.joining(em).build())
            .segmentStore(JpaSegmentStore.joining(em).build())
            .build();
        JpaOutbox outbox = JpaOutbox.joining(em);

        // from the host's scheduler, on one thread:
        current[0] = emf.createEntityManager();
        try {
            current[0].getTransaction().begin();
            outbox.deliver(200, entry -> engine.handle(entry.event()));
            engine.tick();
            current[0].getTransaction().commit();
        } finally {
            if (current[0].getTransaction().isActive()) {
                current[0].getTransaction().rollback();
            }
            current[0].close();
        }
        // end::exactly-once-relay[]

        assertThat(crm.contacts().get(ada.id()).tags()).containsExactly("welcomed");
        EntityManager check = emf.createEntityManager();
        try {
            assertThat(check.createQuery("select count(s) from RapportWorkflowStep s where s.tenantId = :t", Long.class)
                    .setParameter("t", crm.tenant().value()).getSingleResult()).isEqualTo(1L);
        } finally {
            check.close();
        }
        // The created event is gone with its delivery; the tag's own event waits for the next relay.
        List<String> left = new java.util.ArrayList<>();
        JpaOutbox.on(emf).deliver(100, entry -> left.add(entry.tenant().value() + " " + entry.eventType()));
        assertThat(left).hasSize(1).allMatch(e -> e.startsWith(crm.tenant().value() + " ") && !e.endsWith(" ContactCreated"));
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
}
