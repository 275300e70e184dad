package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.sales.ForecastCategory;
import dev.rapport.crm.sales.NewPipeline;
import dev.rapport.crm.sales.Pipeline;
import dev.rapport.crm.sales.Stage;
import dev.rapport.crm.sales.StageRequirement;
import dev.rapport.crm.spi.CrmStore;
import dev.rapport.crm.spi.IdGenerator;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the JPA store adds to the store contract, with each provider on H2 (and on PostgreSQL and
 * MariaDB when enabled): the outbox written in
 * the same transaction as the change, joining the host's transaction, stage requirements kept by
 * key, and racing writers on one aggregate.
 */
class JpaStoreBehaviourTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    private final TenantId tenant = TenantId.of("jpa-" + UUID.randomUUID().toString().substring(0, 13));

    private Crm crm(CrmStore store) {
        return Crm.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).idGenerator(IdGenerator.sequential("j"))
                .store(store).tenant(tenant).build();
    }

    /** The outbox rows of the test's tenant, in the order they were written: type, subject, payload. */
    private List<List<String>> outbox(TestDatabase database) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement st = connection.prepareStatement("SELECT event_type, subject_id, payload"
                        + " FROM rapport_outbox WHERE tenant_id = ? ORDER BY seq")) {
            st.setString(1, tenant.value());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return rows;
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void theEventsOfEachCommandAreWrittenToTheOutboxInOrder(TestDatabase database,
            TestDatabase.Provider provider) throws Exception {
        Crm crm = crm(JpaCrmStore.owning(database.factory(provider)).build());
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));
        crm.contacts().update(ada.withTitle("CTO"));

        List<List<String>> rows = outbox(database);
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("ContactCreated", "ContactUpdated");
        assertThat(rows).extracting(r -> r.get(1)).containsOnly(ada.id().value());
        assertThat(rows.get(1).get(2)).contains("\"changedFields\":[\"title\"]")
                .contains("\"occurredAt\":\"2026-11-22T10:15:30Z\"");
        assertThat(rows).extracting(r -> r.get(2)).noneMatch(payload -> payload.contains("ada@acme.example"))
                .noneMatch(payload -> payload.contains("Lovelace"));
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void aRefusedCommandLeavesNoOutboxRow(TestDatabase database,
            TestDatabase.Provider provider) throws Exception {
        Crm crm = crm(JpaCrmStore.owning(database.factory(provider)).build());
        crm.contacts().create(NewContact.withEmail("ada@acme.example"));

        assertThatThrownBy(() -> crm.contacts().create(NewContact.withEmail("ada@acme.example")))
                .isInstanceOf(CrmValidationException.class);
        assertThat(outbox(database)).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void aJoinedWriteCommitsWithTheHostsTransaction(TestDatabase database,
            TestDatabase.Provider provider) throws Exception {
        EntityManager host = database.factory(provider).createEntityManager();
        try {
            Crm crm = crm(JpaCrmStore.joining(() -> host).build());
            host.getTransaction().begin();
            Contact ada = crm.contacts().create(NewContact.withEmail("ada@acme.example"));

            Crm outside = crm(JpaCrmStore.owning(database.factory(provider)).build());
            assertThat(outside.contacts().find(ada.id())).isEmpty();
            host.getTransaction().commit();

            assertThat(outside.contacts().find(ada.id())).contains(ada);
            assertThat(outbox(database)).extracting(r -> r.get(0)).containsExactly("ContactCreated");
        } finally {
            host.close();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void aJoinedWriteRollsBackWithTheHostsTransaction(TestDatabase database,
            TestDatabase.Provider provider) throws Exception {
        EntityManager host = database.factory(provider).createEntityManager();
        try {
            Crm crm = crm(JpaCrmStore.joining(() -> host).build());
            host.getTransaction().begin();
            Contact ada = crm.contacts().create(NewContact.withEmail("ada@acme.example"));
            host.getTransaction().rollback();

            Crm outside = crm(JpaCrmStore.owning(database.factory(provider)).build());
            assertThat(outside.contacts().find(ada.id())).isEmpty();
            assertThat(outbox(database)).isEmpty();
        } finally {
            host.close();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void aJoinedWriteThatFailsMarksTheHostsTransactionRollbackOnly(TestDatabase database,
            TestDatabase.Provider provider) {
        EntityManager host = database.factory(provider).createEntityManager();
        try {
            Crm crm = crm(JpaCrmStore.joining(() -> host).build());
            host.getTransaction().begin();
            crm.contacts().create(NewContact.withEmail("ada@acme.example"));

            assertThatThrownBy(() -> crm.contacts().create(NewContact.withEmail("ada@acme.example")))
                    .isInstanceOf(CrmValidationException.class);
            assertThat(host.getTransaction().getRollbackOnly()).isTrue();
            host.getTransaction().rollback();
        } finally {
            host.close();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void aJoiningStoreRefusesToWriteOutsideATransaction(TestDatabase database,
            TestDatabase.Provider provider) {
        EntityManager host = database.factory(provider).createEntityManager();
        try {
            Crm crm = crm(JpaCrmStore.joining(() -> host).build());

            assertThatThrownBy(() -> crm.contacts().create(NewContact.withEmail("ada@acme.example")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("none is active");
            assertThat(crm.contacts().count()).isZero();
        } finally {
            host.close();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void aRegisteredCustomStageRequirementIsStoredByKeyAndReadBack(TestDatabase database,
            TestDatabase.Provider provider) {
        StageRequirement budget = StageRequirement.of("budget", "a budget is required", o -> o.amount() != null);
        Crm crm = crm(JpaCrmStore.owning(database.factory(provider)).stageRequirement(budget).build());
        Pipeline pipeline = crm.pipelines().create(pipelineRequiring(budget));

        Crm again = crm(JpaCrmStore.owning(database.factory(provider)).stageRequirement(budget).build());
        assertThat(again.pipelines().get(pipeline.id())).isEqualTo(pipeline);
        assertThat(again.pipelines().get(pipeline.id()).requireStage("open").requirements()).containsExactly(budget);
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void anUnregisteredCustomStageRequirementIsRefusedAndNothingIsStored(TestDatabase database,
            TestDatabase.Provider provider) {
        Crm crm = crm(JpaCrmStore.owning(database.factory(provider)).build());
        StageRequirement budget = StageRequirement.of("budget", "a budget is required", o -> o.amount() != null);

        assertThatThrownBy(() -> crm.pipelines().create(pipelineRequiring(budget)))
                .isInstanceOf(CrmValidationException.class)
                .extracting(e -> ((CrmValidationException) e).field()).isEqualTo("stage.requirements");
        assertThat(crm.pipelines().list()).isEmpty();
    }

    private static NewPipeline pipelineRequiring(StageRequirement requirement) {
        return NewPipeline.named("Custom")
                .stage(Stage.open("open", "Open", new BigDecimal("0.5"), ForecastCategory.PIPELINE).requiring(requirement))
                .stage(Stage.won("won", "Won")).stage(Stage.lost("lost", "Lost"));
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void ofWritersRacingFromTheSameVersionExactlyOneWinsAndTheOthersConflict(TestDatabase database,
            TestDatabase.Provider provider) throws Exception {
        Crm crm = crm(JpaCrmStore.owning(database.factory(provider)).build());
        Contact ada = crm.contacts().create(NewContact.withEmail("ada@acme.example"));
        List<CrmEvent> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        crm.events().subscribe(published::add);
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String title = "Title " + i;
                Callable<Boolean> write = () -> {
                    start.await();
                    try {
                        crm.contacts().update(ada.withTitle(title));
                        return true;
                    } catch (CrmConflictException e) {
                        return false;
                    }
                };
                results.add(pool.submit(write));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(won).isEqualTo(1);
            Contact stored = crm.contacts().get(ada.id());
            assertThat(stored.version()).isEqualTo(2);
            assertThat(published).hasSize(1);
            assertThat(outbox(database)).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
