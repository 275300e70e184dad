package dev.rapport.crm.activity;

/**
 * How urgent a task is.
 *
 * <pre>{@code
 * NewTask.titled("Send the quote").assignee(bob).priority(TaskPriority.HIGH);
 * }</pre>
 */
public enum TaskPriority {
    /** Whenever there is time. */
    LOW,
    /** The default. */
    NORMAL,
    /** Before the others. */
    HIGH
}
