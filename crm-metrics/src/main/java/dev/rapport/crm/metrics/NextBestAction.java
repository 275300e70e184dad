package dev.rapport.crm.metrics;

import java.util.Objects;

/**
 * One item of an owner's next-best-action list: what to look at, why, and where it ranks.
 *
 * <pre>{@code
 * for (NextBestAction a : actions.forOwner("ada")) {
 *     System.out.println(a.rank() + ". " + a.type() + " " + a.subjectId() + " " + a.reason());
 * }
 * }</pre>
 *
 * @param ownerId the owner whose list it is on
 * @param rank its place in the owner's list, from 1
 * @param type what to do
 * @param subjectId the customer, renewal, deal or lead concerned
 * @param reason why, with the figures
 */
public record NextBestAction(String ownerId, int rank, ActionType type, String subjectId, ActionReason reason) {

    /**
     * Checks the parts agree.
     *
     * @param ownerId the owner
     * @param rank its place, from 1
     * @param type what to do
     * @param subjectId the subject
     * @param reason why
     * @throws IllegalArgumentException if the rank is below 1 or the reason is of another type
     */
    public NextBestAction {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(reason, "reason");
        if (rank < 1 || reason.type() != type) {
            throw new IllegalArgumentException("the rank starts at 1 and the reason matches the type");
        }
    }
}
