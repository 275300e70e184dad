package dev.rapport.crm.workflow;

import java.util.Objects;

/**
 * What {@link WorkflowEngine#populateSegments} did to one dynamic segment of one tenant: how many
 * records it added as members, how many members it removed (they no longer meet the condition, or
 * no longer exist), how many members the segment has now, and how many records it left as they
 * were because evaluating the condition on them failed (their ids are in the engine's log).
 *
 * <pre>{@code
 * Map<String, SegmentPopulation> done = engine.populateSegments(crm.tenant());
 * SegmentPopulation vips = done.get("vips");
 * log.info("vips: +{} -{} = {} ({} failed)", vips.added(), vips.removed(), vips.members(), vips.failed());
 * }</pre>
 *
 * @param segment the segment's name
 * @param added the records made members
 * @param removed the members removed
 * @param members the members after the population
 * @param failed the records whose condition could not be evaluated, left as they were
 */
public record SegmentPopulation(String segment, long added, long removed, long members, long failed) {
    /**
     * Validates the counts.
     *
     * @param segment the segment's name
     * @param added the records made members
     * @param removed the members removed
     * @param members the members after the population
     * @param failed the records whose condition could not be evaluated, left as they were
     * @throws IllegalArgumentException if a count is negative, naming it
     */
    public SegmentPopulation {
        Objects.requireNonNull(segment, "segment");
        nonNegative(added, "added");
        nonNegative(removed, "removed");
        nonNegative(members, "members");
        nonNegative(failed, "failed");
    }

    private static void nonNegative(long count, String field) {
        if (count < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
    }
}
