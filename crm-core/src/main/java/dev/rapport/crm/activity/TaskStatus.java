package dev.rapport.crm.activity;

/**
 * The status of a task: {@code OPEN ⇄ IN_PROGRESS}, and from either to {@code DONE} or
 * {@code CANCELLED}, which are final.
 *
 * <pre>{@code
 * TaskStatus.OPEN.canMoveTo(TaskStatus.DONE);        // true
 * TaskStatus.DONE.canMoveTo(TaskStatus.OPEN);        // false
 * }</pre>
 */
public enum TaskStatus {
    /** To do. */
    OPEN,
    /** Being worked on. */
    IN_PROGRESS,
    /** Done; final. */
    DONE,
    /** Will not be done; final. */
    CANCELLED;

    /**
     * Whether a move to {@code target} is allowed.
     *
     * @param target the next status
     * @return true if the lifecycle allows it
     */
    public boolean canMoveTo(TaskStatus target) {
        return switch (this) {
            case OPEN -> target == IN_PROGRESS || target == DONE || target == CANCELLED;
            case IN_PROGRESS -> target == OPEN || target == DONE || target == CANCELLED;
            case DONE, CANCELLED -> false;
        };
    }

    /**
     * Whether a task in this status still has to be done.
     *
     * @return true for {@link #OPEN} and {@link #IN_PROGRESS}
     */
    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
