package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.workflow.spi.StepKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The durable idempotency ledger, owning its transactions or joining the host's. */
class JpaIdempotencyLedgerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:15:30.123456789Z"), ZoneOffset.UTC);

    private static StepKey key(int step) {
        return StepKey.of(TenantId.of("ledger-" + UUID.randomUUID().toString().substring(0, 8)), "welcome", 1,
                "event-1", "ContactId:c-1", step);
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void aStepMarkedDoneIsDoneForEveryLedgerOnTheDatabaseAndMarkingTwiceKeepsOneRow(TestDatabase database,
            TestDatabase.Provider provider) {
        EntityManagerFactory emf = database.factory(provider);
        JpaIdempotencyLedger ledger = JpaIdempotencyLedger.owning(emf).clock(CLOCK).build();
        StepKey done = key(0);
        StepKey other = StepKey.of(done.tenant(), "welcome", 1, "event-1", "ContactId:c-1", 1);

        ledger.markDone(done);
        ledger.markDone(done);

        JpaIdempotencyLedger afterRestart = JpaIdempotencyLedger.owning(emf).build();
        assertThat(afterRestart.isDone(done)).isTrue();
        assertThat(afterRestart.isDone(other)).isFalse();
        EntityManager em = emf.createEntityManager();
        try {
            WorkflowStepEntity row = em.find(WorkflowStepEntity.class, done.value());
            assertThat(done.value()).isEqualTo(done.tenant().value() + "|welcome|1|event-1|ContactId:c-1|0");
            assertThat(row.tenantId).isEqualTo(done.tenant().value());
            assertThat(Values.instant(row.doneAt, row.doneAtNanos)).isEqualTo(CLOCK.instant());
            assertThat(em.createQuery("select count(s) from RapportWorkflowStep s where s.stepKey = :k", Long.class)
                    .setParameter("k", done.value()).getSingleResult()).isEqualTo(1L);
        } finally {
            em.close();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void aJoiningLedgerRecordsWithTheHostsTransactionOnly(TestDatabase database, TestDatabase.Provider provider) {
        EntityManagerFactory emf = database.factory(provider);
        JpaIdempotencyLedger owning = JpaIdempotencyLedger.owning(emf).build();
        StepKey rolledBack = key(0);
        StepKey committed = key(1);
        EntityManager em = emf.createEntityManager();
        try {
            JpaIdempotencyLedger joined = JpaIdempotencyLedger.joining(() -> em).build();
            assertThatThrownBy(() -> joined.markDone(rolledBack)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("none is active");

            em.getTransaction().begin();
            joined.markDone(rolledBack);
            assertThat(joined.isDone(rolledBack)).isTrue();
            em.getTransaction().rollback();

            em.getTransaction().begin();
            joined.markDone(committed);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        assertThat(owning.isDone(rolledBack)).isFalse();
        assertThat(owning.isDone(committed)).isTrue();
    }
}
