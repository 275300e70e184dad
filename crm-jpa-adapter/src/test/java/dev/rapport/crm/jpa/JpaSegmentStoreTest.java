package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
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
import dev.rapport.crm.workflow.Segment;
import dev.rapport.crm.workflow.SegmentPopulation;
import dev.rapport.crm.workflow.Trace;
import dev.rapport.crm.workflow.Triggers;
import dev.rapport.crm.workflow.WorkflowEngine;
import dev.rapport.crm.workflow.spi.SegmentStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The durable segment store: an engine restarted on the database keeps the members of its dynamic
 * segments, so a member still in is not taken for a new entry and one that leaves fires the left
 * rules; stores racing on the same members report each move once. With each provider on H2, and
 * on PostgreSQL and MariaDB when enabled.
 */
class JpaSegmentStoreTest {
    private final HarnessClock clock = HarnessClock.at("2026-11-22T09:00:00Z");
    private final TenantId tenant = TenantId.of("segment-" + UUID.randomUUID().toString().substring(0, 8));
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Segment vips = Segment.dynamic("vips", EntityKind.CONTACT,
            Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "vip"));

    private Crm crm(EntityManagerFactory emf) {
        return Crm.builder().store(JpaCrmStore.owning(emf).build()).clock(clock).tenant(tenant).build();
    }

    /** An engine as a node starts it: every piece of workflow state in the database. */
    private static WorkflowEngine engine(Crm crm, EntityManagerFactory emf, Rule... rules) {
        return WorkflowEngine.builder(crm).rules(RuleSet.of(List.of(rules)))
                .timerStore(JpaTimerStore.owning(emf).build())
                .ledger(JpaIdempotencyLedger.owning(emf).build())
                .enrollmentStore(JpaEnrollmentStore.owning(emf).build())
                .segmentStore(JpaSegmentStore.owning(emf).build())
                .build();
    }

    private Rule moved(String label, boolean entered) {
        return Rule.named(label).enrollment(Enrollment.RE_ENROLL)
                .when(entered ? Triggers.entered(vips) : Triggers.left(vips))
                .then(Actions.of("record " + label, context -> {
                    log.add(label + ":" + context.subject().map(id -> id.value()).orElse("-"));
                    return "recorded";
                })).build();
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
    void aRestartedEngineKeepsTheMembersOfItsSegments(TestDatabase database, TestDatabase.Provider provider) {
        EntityManagerFactory emf = database.factory(provider);
        Crm crm = crm(emf);
        Rule in = moved("in", true);
        Rule out = moved("out", false);
        WorkflowEngine first = engine(crm, emf, in, out);
        Contact augusta = crm.contacts().create(NewContact.named("Augusta", "Kingsford"));
        Contact charles = crm.contacts().create(NewContact.named("Charles", "Babbage"));
        tag(crm, augusta, "vip", true);
        tag(crm, charles, "vip", true);
        first.close();
        assertThat(log).containsExactly("in:" + augusta.id().value(), "in:" + charles.id().value());

        WorkflowEngine second = engine(crm, emf, in, out);   // a new process on the same database
        assertThat(second.segmentMembers(tenant, "vips")).containsExactlyInAnyOrder(augusta.id(), charles.id());
        assertThat(second.segmentSize(tenant, "vips")).isEqualTo(2);
        tag(crm, augusta, "other", true);   // still in: not an entry
        tag(crm, charles, "vip", false);    // leaves

        assertThat(outcomes(second, "in")).isEmpty();
        assertThat(outcomes(second, "out")).containsExactly(Trace.Outcome.COMPLETED);
        assertThat(log).containsExactly("in:" + augusta.id().value(), "in:" + charles.id().value(),
                "out:" + charles.id().value());
        assertThat(second.segmentMembers(tenant, "vips")).containsExactly(augusta.id());
        assertThat(second.segmentSize(tenant, "vips")).isEqualTo(1);
        second.close();

        // The rows name entities by id: no personal data in the workflow tables.
        assertThat(database.placesHolding(tenant.value(), List.of("Augusta", "Kingsford", "Charles", "Babbage")))
                .isNotEmpty().noneMatch(place -> place.startsWith("rapport_workflow_"));
        EntityManager em = emf.createEntityManager();
        try {
            assertThat(em.createQuery("select m.member from RapportWorkflowSegmentMember m where m.tenantId = :t",
                    String.class).setParameter("t", tenant.value()).getResultList())
                    .containsExactly("ContactId:" + augusta.id().value());
        } finally {
            em.close();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void aSegmentNewAfterARestartIsPopulatedFromTheRecordsInTheDatabase(TestDatabase database,
            TestDatabase.Provider provider) {
        EntityManagerFactory emf = database.factory(provider);
        Crm crm = crm(emf);
        WorkflowEngine first = engine(crm, emf);   // no rule uses a segment yet
        Contact augusta = tag(crm, crm.contacts().create(NewContact.named("Augusta", "Kingsford")), "vip", true);
        Contact charles = tag(crm, crm.contacts().create(NewContact.named("Charles", "Babbage")), "vip", true);
        crm.contacts().create(NewContact.named("Mary", "Somerville"));
        first.close();

        WorkflowEngine second = engine(crm, emf, moved("in", true), moved("out", false));
        assertThat(second.segmentSize(tenant, "vips")).isZero();
        Map<String, SegmentPopulation> done = second.populateSegments(tenant);

        assertThat(done).containsExactly(Map.entry("vips", new SegmentPopulation("vips", 2, 0, 2, 0)));
        assertThat(second.segmentMembers(tenant, "vips")).containsExactlyInAnyOrder(augusta.id(), charles.id());
        assertThat(second.populateSegments(tenant).get("vips")).isEqualTo(new SegmentPopulation("vips", 0, 0, 2, 0));
        assertThat(log).isEmpty();
        tag(crm, augusta, "other", true);   // already in: not an entry
        tag(crm, charles, "vip", false);    // leaves

        assertThat(outcomes(second, "in")).isEmpty();
        assertThat(log).containsExactly("out:" + charles.id().value());
        assertThat(second.segmentSize(tenant, "vips")).isEqualTo(1);
        second.close();
    }

    /** Two threads, each with its own store, make the same change to each member at the same moment. */
    private Map<String, List<String>> race(EntityManagerFactory emf, int members, boolean add) throws Exception {
        Map<String, List<String>> changed = new ConcurrentHashMap<>();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> nodes = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                // Each node has its own store, so each call has its own entity manager and transaction.
                JpaSegmentStore store = JpaSegmentStore.owning(emf).build();
                nodes.add(pool.submit(() -> {
                    for (int i = 0; i < members; i++) {
                        String member = "ContactId:c-" + i;
                        together.await(20, TimeUnit.SECONDS);
                        if (add ? store.add(tenant, "vips", member) : store.remove(tenant, "vips", member)) {
                            changed.computeIfAbsent(member, k -> new CopyOnWriteArrayList<>()).add(node);
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
        return changed;
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void twoThreadsAddingTheSameMembersEachWithItsOwnStoreReportEachAddOnce(TestDatabase database,
            TestDatabase.Provider provider) throws Exception {
        EntityManagerFactory emf = database.factory(provider);
        int members = 60;

        Map<String, List<String>> added = race(emf, members, true);

        assertThat(added).hasSize(members);
        added.forEach((member, nodes) -> assertThat(nodes).as(member).hasSize(1));
        SegmentStore reader = JpaSegmentStore.owning(emf).build();
        assertThat(reader.count(tenant, "vips")).isEqualTo(members);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < members; i++) {
            expected.add("ContactId:c-" + i);
        }
        assertThat(reader.members(tenant, "vips")).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void twoThreadsRemovingTheSameMembersEachWithItsOwnStoreReportEachRemovalOnce(TestDatabase database,
            TestDatabase.Provider provider) throws Exception {
        EntityManagerFactory emf = database.factory(provider);
        int members = 60;
        SegmentStore setUp = JpaSegmentStore.owning(emf).build();
        for (int i = 0; i < members; i++) {
            assertThat(setUp.add(tenant, "vips", "ContactId:c-" + i)).isTrue();
        }

        Map<String, List<String>> removed = race(emf, members, false);

        assertThat(removed).hasSize(members);
        removed.forEach((member, nodes) -> assertThat(nodes).as(member).hasSize(1));
        assertThat(setUp.count(tenant, "vips")).isZero();
        assertThat(setUp.members(tenant, "vips")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void aJoiningStoreCommitsAndRollsBackWithTheHostsTransaction(TestDatabase database,
            TestDatabase.Provider provider) {
        EntityManagerFactory emf = database.factory(provider);
        JpaSegmentStore owning = JpaSegmentStore.owning(emf).build();
        EntityManager em = emf.createEntityManager();
        try {
            JpaSegmentStore joined = JpaSegmentStore.joining(() -> em).build();
            em.getTransaction().begin();
            assertThat(joined.add(tenant, "vips", "ContactId:c-1")).isTrue();
            assertThat(joined.add(tenant, "vips", "ContactId:c-1")).isFalse();
            assertThat(joined.members(tenant, "vips")).containsExactly("ContactId:c-1");
            em.getTransaction().rollback();

            em.getTransaction().begin();
            assertThat(joined.add(tenant, "vips", "ContactId:c-2")).isTrue();
            assertThat(joined.add(tenant, "vips", "ContactId:c-3")).isTrue();
            assertThat(joined.remove(tenant, "vips", "ContactId:c-3")).isTrue();
            assertThat(joined.remove(tenant, "vips", "ContactId:c-3")).isFalse();
            assertThat(joined.count(tenant, "vips")).isEqualTo(1);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        assertThat(owning.members(tenant, "vips")).containsExactly("ContactId:c-2");
        assertThat(owning.remove(tenant, "vips", "ContactId:c-1")).isFalse();
        assertThat(owning.add(tenant, "vips", "ContactId:c-2")).isFalse();
        assertThat(owning.remove(tenant, "vips", "ContactId:c-2")).isTrue();
        assertThat(owning.count(tenant, "vips")).isZero();
    }

    @Test
    void aMemberLongerThanItsColumnIsRefusedNamingTheField() {
        JpaSegmentStore store = JpaSegmentStore.owning(TestDatabase.H2.factory(TestDatabase.Provider.HIBERNATE))
                .build();
        String tooLong = "ContactId:" + "c".repeat(200);

        assertThatThrownBy(() -> store.add(tenant, "vips", tooLong))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("member"));
        assertThatThrownBy(() -> store.remove(tenant, "v".repeat(129), "ContactId:c-1"))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("segment"));
        assertThat(store.count(tenant, "vips")).isZero();
    }
}
