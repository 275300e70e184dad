package dev.rapport.crm.workflow.spi;

import dev.rapport.crm.TenantId;
import java.util.Set;

/**
 * Keeps the members of the engine's dynamic segments, by tenant and segment name. The engine adds
 * an entity when a create or change event finds it meeting a segment's condition and removes it
 * when it no longer does; an add or a remove that changes the membership is a move, which fires
 * the segment's entered or left rules. {@code WorkflowEngine.populateSegments} adds and removes
 * members the same way from the records a tenant holds, without firing any rule. The default is
 * in memory; a persistence adapter keeps the members in the host's database so that an engine
 * restarted on it, or another application node sharing it, does not see a member that is still
 * in as a new entry.
 *
 * <p>Members are entities named by id as {@code Type:value} (no personal data). Implementations
 * must be thread-safe, and {@link #add} and {@link #remove} atomic for a member, also across the
 * nodes sharing the store: of calls racing to make the same change, exactly one reports it.
 *
 * <pre>{@code
 * SegmentStore segments = SegmentStore.inMemory();
 * WorkflowEngine engine = WorkflowEngine.builder(crm).segmentStore(segments).build();
 * boolean entered = segments.add(tenant, "vips", "ContactId:c-42");   // true: a move
 * boolean again = segments.add(tenant, "vips", "ContactId:c-42");     // false: already in
 * }</pre>
 */
public interface SegmentStore {
    /**
     * Makes the entity a member of the segment, atomically.
     *
     * @param tenant the tenant
     * @param segment the segment's name
     * @param member the entity as {@code Type:value}
     * @return true if it was not a member before (it entered), false if it already was
     */
    boolean add(TenantId tenant, String segment, String member);

    /**
     * Removes the entity from the segment, atomically.
     *
     * @param tenant the tenant
     * @param segment the segment's name
     * @param member the entity as {@code Type:value}
     * @return true if it was a member before (it left), false if it was not
     */
    boolean remove(TenantId tenant, String segment, String member);

    /**
     * The members of a segment, as a snapshot the caller may keep.
     *
     * @param tenant the tenant
     * @param segment the segment's name
     * @return the members as {@code Type:value}, possibly empty
     */
    Set<String> members(TenantId tenant, String segment);

    /**
     * How many members a segment has.
     *
     * @param tenant the tenant
     * @param segment the segment's name
     * @return the count, 0 for a segment without members or unknown to the store
     */
    long count(TenantId tenant, String segment);

    /**
     * A new, empty, thread-safe in-memory store. Share one instance between engines to keep the
     * memberships across an engine restart in tests.
     *
     * @return the store
     */
    static SegmentStore inMemory() {
        return new InMemorySegmentStore();
    }
}
