package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.workflow.spi.SegmentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Dynamic-segment memberships hold across an engine restart when the new engine is given the same
 * {@link SegmentStore}: a new engine over the same CRM is what a restarted process is.
 */
class SegmentRestartTest {
    private final Fixture f = new Fixture();
    private final SegmentStore store = SegmentStore.inMemory();
    private final Segment vips = Segment.dynamic("vips", EntityKind.CONTACT,
            Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "vip"));
    private final Rule in = Rule.named("in").enrollment(Enrollment.RE_ENROLL).when(Triggers.entered(vips))
            .then(f.record("in")).build();
    private final Rule out = Rule.named("out").enrollment(Enrollment.RE_ENROLL).when(Triggers.left(vips))
            .then(f.record("out")).build();

    /** An engine sharing only the segment store: its enrollments start empty, as with the default. */
    private WorkflowEngine engineOn(SegmentStore segments) {
        return f.engine().rules(RuleSet.of(List.of(in, out))).segmentStore(segments).build();
    }

    @Test
    void aRestartedEngineDoesNotSeeAMemberThatIsStillInAsEntering() {
        WorkflowEngine first = engineOn(store);
        Contact ada = f.contact("Ada");
        Contact bob = f.contact("Bob");
        f.tag(ada, "vip");
        f.tag(bob, "vip");
        first.close();
        assertThat(f.log).containsExactly("in:" + ada.id().value(), "in:" + bob.id().value());

        WorkflowEngine second = engineOn(store);
        assertThat(second.segmentMembers(f.crm.tenant(), "vips")).containsExactlyInAnyOrder(ada.id(), bob.id());
        assertThat(second.segmentSize(f.crm.tenant(), "vips")).isEqualTo(2);
        f.tag(ada, "other");   // still in: no move
        f.untag(bob, "vip");   // leaves

        assertThat(f.log).containsExactly("in:" + ada.id().value(), "in:" + bob.id().value(),
                "out:" + bob.id().value());
        assertThat(second.segmentMembers(f.crm.tenant(), "vips")).containsExactly(ada.id());
        assertThat(second.segmentSize(f.crm.tenant(), "vips")).isEqualTo(1);
        second.close();

        // Without the shared store a new engine starts empty and sees Ada enter again.
        WorkflowEngine forgetful = engineOn(SegmentStore.inMemory());
        assertThat(forgetful.segmentMembers(f.crm.tenant(), "vips")).isEmpty();
        f.tag(ada, "again");
        assertThat(f.log).endsWith("in:" + ada.id().value());
        assertThat(f.log).hasSize(4);
    }

    @Test
    void aMemberThatLeftBeforeTheRestartEntersAgainAfterIt() {
        WorkflowEngine first = engineOn(store);
        Contact ada = f.contact("Ada");
        f.tag(ada, "vip");
        f.untag(ada, "vip");
        first.close();

        WorkflowEngine second = engineOn(store);
        f.tag(ada, "vip");

        String id = ":" + ada.id().value();
        assertThat(f.log).containsExactly("in" + id, "out" + id, "in" + id);
        assertThat(second.segmentMembers(f.crm.tenant(), "vips")).containsExactly(ada.id());
    }

    @Test
    void aDryRunLeavesTheSharedStoreAlone() {
        List<CrmEvent> history = new ArrayList<>();
        f.crm.events().subscribe(history::add);
        WorkflowEngine engine = f.engine().segmentStore(store).build();   // no rule uses the segment
        Contact ada = f.contact("Ada");
        f.tag(ada, "vip");

        List<Trace> traces = engine.dryRun(RuleSet.of(List.of(in, out)), history);

        assertThat(traces).extracting(Trace::ruleId, Trace::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("in", Trace.Outcome.WOULD_RUN));
        assertThat(store.count(f.crm.tenant(), "vips")).isZero();
        assertThat(engine.segmentMembers(f.crm.tenant(), "vips")).isEmpty();
        assertThat(f.log).isEmpty();
    }

    @Test
    void theInMemoryStoreReportsOnlyRealChanges() {
        TenantId tenant = TenantId.of("t");
        TenantId other = TenantId.of("u");

        assertThat(store.add(tenant, "vips", "ContactId:c-1")).isTrue();
        assertThat(store.add(tenant, "vips", "ContactId:c-1")).isFalse();
        assertThat(store.add(tenant, "vips", "ContactId:c-2")).isTrue();
        assertThat(store.add(tenant, "big", "ContactId:c-1")).isTrue();
        assertThat(store.add(other, "vips", "ContactId:c-1")).isTrue();
        assertThat(store.members(tenant, "vips")).containsExactlyInAnyOrder("ContactId:c-1", "ContactId:c-2");
        assertThat(store.count(tenant, "vips")).isEqualTo(2);

        assertThat(store.remove(tenant, "vips", "ContactId:c-1")).isTrue();
        assertThat(store.remove(tenant, "vips", "ContactId:c-1")).isFalse();
        assertThat(store.remove(tenant, "ghosts", "ContactId:c-1")).isFalse();
        assertThat(store.members(tenant, "vips")).containsExactly("ContactId:c-2");
        assertThat(store.count(tenant, "vips")).isEqualTo(1);
        assertThat(store.members(tenant, "big")).containsExactly("ContactId:c-1");
        assertThat(store.members(other, "vips")).containsExactly("ContactId:c-1");
        assertThat(store.members(tenant, "ghosts")).isEmpty();
        assertThat(store.count(tenant, "ghosts")).isZero();
    }

    @Test
    void theMembersAreASnapshot() {
        TenantId tenant = TenantId.of("t");
        store.add(tenant, "vips", "ContactId:c-1");
        var before = store.members(tenant, "vips");

        store.add(tenant, "vips", "ContactId:c-2");

        assertThat(before).containsExactly("ContactId:c-1");
    }

    @Test
    void ofTwoThreadsAddingTheSameMembersEachAddIsReportedOnce() throws Exception {
        TenantId tenant = TenantId.of("t");
        int members = 2_000;
        AtomicInteger changes = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                threads.add(pool.submit(() -> {
                    together.await(20, TimeUnit.SECONDS);
                    for (int i = 0; i < members; i++) {
                        if (store.add(tenant, "vips", "ContactId:c-" + i)) {
                            changes.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : threads) {
                thread.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(changes).hasValue(members);
        assertThat(store.count(tenant, "vips")).isEqualTo(members);
    }
}
