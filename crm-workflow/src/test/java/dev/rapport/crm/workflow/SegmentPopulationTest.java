package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.service.NewTicket;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.service.TicketPriority;
import dev.rapport.crm.workflow.spi.EnrollmentStore;
import dev.rapport.crm.workflow.spi.IdempotencyLedger;
import dev.rapport.crm.workflow.spi.MessageSender;
import dev.rapport.crm.workflow.spi.SegmentStore;
import dev.rapport.crm.workflow.spi.TimerStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Populating dynamic segments from the records a CRM already holds: the records were made before
 * any engine was attached, so no event told an engine about them.
 */
class SegmentPopulationTest {
    private final Fixture f = new Fixture();
    private final TenantId tenant = f.crm.tenant();
    private final SegmentStore store = SegmentStore.inMemory();
    private final Segment vips = Segment.dynamic("vips", EntityKind.CONTACT,
            Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "vip"));
    private final Rule in = Rule.named("in").enrollment(Enrollment.RE_ENROLL).when(Triggers.entered(vips))
            .then(f.record("in")).build();
    private final Rule out = Rule.named("out").enrollment(Enrollment.RE_ENROLL).when(Triggers.left(vips))
            .then(f.record("out")).build();

    private WorkflowEngine engine(Rule... rules) {
        return f.engine().rules(RuleSet.of(List.of(rules))).segmentStore(store).build();
    }

    private static String member(EntityId id) {
        return SubjectCodec.encode(id);
    }

    @Test
    void existingRecordsThatMeetTheConditionBecomeMembersAndNoRuleFires() {
        Contact ada = f.tag(f.contact("Ada"), "vip");
        Contact bob = f.tag(f.contact("Bob"), "vip");
        f.contact("Cy");
        WorkflowEngine engine = engine(in, out);
        assertThat(engine.segmentSize(tenant, "vips")).isZero();

        Map<String, SegmentPopulation> done = engine.populateSegments(tenant);

        assertThat(done).containsOnlyKeys("vips");
        assertThat(done.get("vips")).isEqualTo(new SegmentPopulation("vips", 2, 0, 2, 0));
        assertThat(engine.segmentMembers(tenant, "vips")).containsExactlyInAnyOrder(ada.id(), bob.id());
        assertThat(engine.segmentSize(tenant, "vips")).isEqualTo(2);
        assertThat(f.log).isEmpty();
        assertThat(engine.traces()).isEmpty();
        assertThat(engine.deadLetters()).isEmpty();
        assertThatThrownBy(() -> done.put("other", done.get("vips"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void afterPopulationAMemberThatStaysInDoesNotEnterAndOneThatGoesLeaves() {
        Contact ada = f.tag(f.contact("Ada"), "vip");
        Contact bob = f.tag(f.contact("Bob"), "vip");
        WorkflowEngine engine = engine(in, out);
        engine.populateSegments(tenant);

        f.tag(ada, "other");   // still in: no move
        f.untag(bob, "vip");   // leaves

        assertThat(f.log).containsExactly("out:" + bob.id().value());
        assertThat(engine.segmentMembers(tenant, "vips")).containsExactly(ada.id());
    }

    @Test
    void withoutPopulationTheFirstChangeOfAnExistingRecordLooksLikeAnEntry() {
        // The behaviour population is for: shows the test above can fail.
        Contact ada = f.tag(f.contact("Ada"), "vip");
        engine(in, out);

        f.tag(ada, "other");

        assertThat(f.log).containsExactly("in:" + ada.id().value());
    }

    @Test
    void membersThatNoLongerMeetTheConditionOrNoLongerExistAreRemoved() {
        Contact ada = f.contact("Ada");
        Contact bob = f.tag(f.contact("Bob"), "vip");
        store.add(tenant, "vips", member(ada.id()));          // no longer a vip
        store.add(tenant, "vips", member(bob.id()));          // still one
        store.add(tenant, "vips", "ContactId:gone");          // no such contact
        store.add(tenant, "vips", "AccountId:" + ada.id().value());   // not a contact at all
        WorkflowEngine engine = engine(in, out);

        SegmentPopulation vipsDone = engine.populateSegments(tenant).get("vips");

        assertThat(vipsDone).isEqualTo(new SegmentPopulation("vips", 0, 3, 1, 0));
        assertThat(engine.segmentMembers(tenant, "vips")).containsExactly(bob.id());
        assertThat(f.log).isEmpty();
    }

    @Test
    void aRecordWhoseConditionFailsIsLeftAsItWasAndTheOthersArePopulated() {
        Segment touchy = Segment.dynamic("touchy", EntityKind.CONTACT, Conditions.test("vip, but not Bad",
                ctx -> {
                    Contact c = ctx.contact().orElseThrow();
                    if ("Bad".equals(c.firstName())) {
                        throw new IllegalStateException("cannot tell");
                    }
                    return c.tags().contains("vip");
                }));
        Contact bad = f.tag(f.contact("Bad"), "vip");
        Contact worse = f.contact("Bad");
        Contact ada = f.tag(f.contact("Ada"), "vip");
        Contact zed = f.tag(f.contact("Zed"), "vip");
        store.add(tenant, "touchy", member(bad.id()));   // a member that cannot be evaluated stays one
        WorkflowEngine engine = engine(Rule.named("t").when(Triggers.entered(touchy)).then(f.record("t")).build());

        SegmentPopulation done = engine.populateSegments(tenant).get("touchy");

        assertThat(done).isEqualTo(new SegmentPopulation("touchy", 2, 0, 3, 2));
        assertThat(engine.segmentMembers(tenant, "touchy")).containsExactlyInAnyOrder(bad.id(), ada.id(), zed.id())
                .doesNotContain(worse.id());
        assertThat(f.log).isEmpty();
    }

    @Test
    void populatingAgainChangesNothing() {
        f.tag(f.contact("Ada"), "vip");
        f.contact("Bob");
        WorkflowEngine engine = engine(in, out);
        engine.populateSegments(tenant);

        Map<String, SegmentPopulation> again = engine.populateSegments(tenant);

        assertThat(again).containsExactly(Map.entry("vips", new SegmentPopulation("vips", 0, 0, 1, 0)));
        assertThat(f.log).isEmpty();
    }

    @Test
    void everyPageOfRecordsIsRead() {
        int records = SegmentPopulator.PAGE_SIZE * 2 + 7;
        List<EntityId> expected = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            Contact c = f.contact("C" + i);
            if (i % 3 == 0) {
                expected.add(f.tag(c, "vip").id());
            }
        }
        WorkflowEngine engine = engine(in, out);

        SegmentPopulation done = engine.populateSegments(tenant).get("vips");

        assertThat(done.added()).isEqualTo(expected.size());
        assertThat(done.members()).isEqualTo(expected.size());
        assertThat(engine.segmentMembers(tenant, "vips")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void segmentsOfOtherKindsAreReadFromTheirOwnRecords() {
        Segment urgent = Segment.dynamic("urgent", EntityKind.TICKET,
                Conditions.field(EntityKind.TICKET, "priority", Operator.EQ, "URGENT"));
        Contact ada = f.tag(f.contact("Ada"), "vip");
        Ticket fire = f.crm.tickets().open(NewTicket.about(ada.id(), "Fire").priority(TicketPriority.URGENT));
        f.crm.tickets().open(NewTicket.about(ada.id(), "Question"));
        WorkflowEngine engine = engine(in,
                Rule.named("u").on(EntityKind.TICKET).when(Triggers.entered(urgent)).then(f.record("u")).build());

        Map<String, SegmentPopulation> done = engine.populateSegments(tenant);

        assertThat(done.keySet()).containsExactly("urgent", "vips");
        assertThat(engine.segmentMembers(tenant, "urgent")).containsExactly(fire.id());
        assertThat(engine.segmentMembers(tenant, "vips")).containsExactly(ada.id());
        assertThat(f.log).isEmpty();
    }

    @Test
    void aRecordChangedBetweenItsReadAndTheWriteIsReadAgain() {
        Contact ada = f.tag(f.contact("Ada"), "vip");
        AtomicBoolean changed = new AtomicBoolean();
        // The first evaluation stands in for a change committed, and its event handled, after the
        // population read Ada as a vip and before it wrote her in.
        Segment racy = Segment.dynamic("vips", EntityKind.CONTACT, Conditions.test("vip", ctx -> {
            Contact c = ctx.contact().orElseThrow();
            if (changed.compareAndSet(false, true)) {
                f.untag(ada, "vip");
            }
            return c.tags().contains("vip");
        }));
        WorkflowEngine engine = engine(Rule.named("in").enrollment(Enrollment.RE_ENROLL)
                .when(Triggers.entered(racy)).then(f.record("in")).build());

        SegmentPopulation done = engine.populateSegments(tenant).get("vips");

        assertThat(changed).isTrue();
        assertThat(engine.segmentMembers(tenant, "vips")).isEmpty();
        assertThat(done).isEqualTo(new SegmentPopulation("vips", 0, 0, 0, 0));
    }

    @Test
    void withoutSegmentsThereIsNothingToPopulate() {
        f.tag(f.contact("Ada"), "vip");
        WorkflowEngine engine = engine(Rule.named("r").when(Triggers.event(dev.rapport.crm.event.ContactUpdated.class))
                .then(f.record("r")).build());

        assertThat(engine.populateSegments(tenant)).isEmpty();
    }

    @Test
    void aDryRunnersPopulationCountsButLeavesTheSharedStoreAlone() {
        f.tag(f.contact("Ada"), "vip");
        f.tag(f.contact("Bob"), "vip");
        store.add(tenant, "vips", "ContactId:gone");
        Set<String> before = store.members(tenant, "vips");
        List<Trace> traces = new ArrayList<>();
        Runner dry = new Runner(f.crm, () -> RuleSet.of(List.of(in, out)), new ConcurrentHashMap<>(),
                TimerStore.inMemory(), IdempotencyLedger.inMemory(), EnrollmentStore.inMemory(), store,
                RetryPolicy.defaults(), 8, MessageSender.none(), true, false, traces::add);

        Map<String, SegmentPopulation> would = dry.populateSegments(tenant);

        assertThat(would).containsExactly(Map.entry("vips", new SegmentPopulation("vips", 2, 1, 2, 0)));
        assertThat(store.members(tenant, "vips")).isEqualTo(before);
        assertThat(traces).isEmpty();
        assertThat(f.log).isEmpty();
    }

    @Test
    void countsAreNeverNegative() {
        assertThatThrownBy(() -> new SegmentPopulation("vips", 0, -1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("removed");
    }
}
