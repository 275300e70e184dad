package dev.rapport.crm.workflow;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.Crm;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.workflow.spi.SegmentStore;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles the members of dynamic segments with the records one tenant holds: pages through
 * every record of each segment's kind, evaluates the segment's condition as a change event would
 * (same context, same clock, no event), adds the records that meet it and removes the members that
 * no longer do or no longer exist. No trigger fires and no step runs. A dry populator counts what
 * it would change and writes nothing.
 *
 * <p>A record changed while it is being reconciled is handled by its own change event. The one
 * interleaving that event cannot settle, a change handled between this populator's read of a
 * record and its write, is caught by reading the record again after the write: a new version is
 * evaluated again.
 */
final class SegmentPopulator {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowEngine.class);

    /** Records read per page. */
    static final int PAGE_SIZE = 1_000;
    /** How many times a record changing under a write is evaluated again before it is left to its events. */
    private static final int REREADS = 3;

    private final Crm view;
    private final SegmentStore store;
    private final boolean dry;
    private final Supplier<Instant> clock;

    /**
     * @param view the tenant's CRM
     * @param store the members
     * @param dry whether to count the changes without making them
     * @param clock the CRM's clock
     */
    SegmentPopulator(Crm view, SegmentStore store, boolean dry, Supplier<Instant> clock) {
        this.view = view;
        this.store = store;
        this.dry = dry;
        this.clock = clock;
    }

    /** Populates each segment in turn; the results by segment name, in name order. */
    Map<String, SegmentPopulation> populate(List<Segment> segments) {
        Map<String, SegmentPopulation> done = new TreeMap<>();
        for (Segment segment : segments) {
            done.put(segment.name(), populate(segment));
        }
        return Collections.unmodifiableMap(done);
    }

    /** The counts of one segment, changed as its records are reconciled. */
    private static final class Tally {
        long added;
        long removed;
        long failed;
    }

    private SegmentPopulation populate(Segment segment) {
        TenantId tenant = view.tenant();
        Set<String> before = store.members(tenant, segment.name());
        // Only the members found in the listing are remembered, so memory grows with the segment,
        // not with the records of its kind.
        Set<String> listed = new HashSet<>();
        Tally tally = new Tally();
        Page<? extends Aggregate<?>> page = list(segment.kind(), PageRequest.first(PAGE_SIZE));
        while (true) {
            for (Aggregate<?> entity : page.items()) {
                String member = Objects.requireNonNull(SubjectCodec.encode(entity.id()));
                boolean wasMember = before.contains(member);
                if (wasMember) {
                    listed.add(member);
                }
                reconcile(segment, entity.id(), member, entity, wasMember, tally);
            }
            if (page.items().isEmpty() || !page.hasNext()) {
                break;
            }
            page = list(segment.kind(), page.nextRequest());
        }
        for (String member : before) {
            if (listed.contains(member)) {
                continue;
            }
            // Deleted, or passed over by offset paging while other records were deleted.
            EntityId id;
            try {
                id = Objects.requireNonNull(SubjectCodec.decode(member));
            } catch (RuntimeException e) {
                tally.failed++;
                LOG.warn("Workflow segment {} population could not read a member: {}", segment.name(),
                        e.getClass().getName());
                continue;
            }
            Object entity = segment.kind().matches(id) ? read(segment.kind(), id) : null;
            reconcile(segment, id, member, entity, true, tally);
        }
        long members = dry ? before.size() + tally.added - tally.removed : store.count(tenant, segment.name());
        return new SegmentPopulation(segment.name(), tally.added, tally.removed, members, tally.failed);
    }

    /**
     * Makes the store agree with the condition for one record, as read. A record whose condition
     * fails is left as it was.
     *
     * @param entity the record as read, or null if it does not exist
     * @param wasMember whether it was a member when the population of the segment began
     */
    private void reconcile(Segment segment, EntityId id, String member, @Nullable Object entity, boolean wasMember,
            Tally tally) {
        Boolean in = meets(segment, id, entity, tally);
        if (in == null) {
            return;
        }
        if (dry) {
            if (in && !wasMember) {
                tally.added++;
            } else if (!in && wasMember) {
                tally.removed++;
            }
            return;
        }
        if (in == wasMember) {
            // As the store had it; a change event since then has moved it for a newer version.
            return;
        }
        TenantId tenant = view.tenant();
        int net = 0;
        Object evaluated = entity;
        for (int reread = 0; ; reread++) {
            if (in ? store.add(tenant, segment.name(), member) : store.remove(tenant, segment.name(), member)) {
                net += in ? 1 : -1;
            }
            // A change committed after the read may have been handled before the write, which then
            // undid it: read again, and reconcile a new version too.
            Object stored = read(segment.kind(), id);
            if (sameVersion(evaluated, stored)) {
                break;
            }
            if (reread == REREADS) {
                LOG.warn("Workflow segment {} population left {} to its change events: it kept changing",
                        segment.name(), member);
                break;
            }
            evaluated = stored;
            in = meets(segment, id, stored, tally);
            if (in == null) {
                break;
            }
        }
        if (net > 0) {
            tally.added++;
        } else if (net < 0) {
            tally.removed++;
        }
    }

    /** Whether a record meets the segment's condition (false if it does not exist), or null if evaluating failed. */
    private @Nullable Boolean meets(Segment segment, EntityId id, @Nullable Object entity, Tally tally) {
        if (!(entity instanceof Aggregate<?> aggregate)) {
            return false;
        }
        try {
            return segment.condition().evaluate(RuleContext.ofLoaded(view, segment.kind(), aggregate, clock.get()))
                    .result();
        } catch (RuntimeException e) {
            tally.failed++;
            LOG.warn("Workflow segment {} population failed on {}: {}", segment.name(), SubjectCodec.encode(id),
                    e.getClass().getName());
            return null;
        }
    }

    /**
     * Whether a record read earlier is still the one stored: both missing, or the same record at
     * the same version (every stored change raises the version).
     */
    static boolean sameVersion(@Nullable Object read, @Nullable Object stored) {
        if (read instanceof Aggregate<?> a && stored instanceof Aggregate<?> b) {
            return a.getClass() == b.getClass() && a.version() == b.version();
        }
        return read == null && stored == null;
    }

    private @Nullable Object read(EntityKind kind, EntityId id) {
        return new RuleContext(view, kind, id, null, clock.get()).entity();
    }

    private Page<? extends Aggregate<?>> list(EntityKind kind, PageRequest request) {
        return switch (kind) {
            case CONTACT -> view.contacts().list(request);
            case ACCOUNT -> view.accounts().list(request);
            case LEAD -> view.leads().list(request);
            case OPPORTUNITY -> view.opportunities().list(request);
            case TICKET -> view.tickets().list(request);
            case SUBSCRIPTION -> view.subscriptions().list(request);
        };
    }
}
