package dev.rapport.crm.workflow.spi;

import dev.rapport.crm.TenantId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A durable timer: plain data, so a store can keep it in a table. Scheduling a timer with the id
 * of an existing one replaces it.
 *
 * <pre>{@code
 * store.schedule(new Timer("resume|t|welcome|Contact:c1", tenant, due, Timer.Kind.RESUME,
 *         "welcome", 1, "Contact:c1", "event-7", 2, 0));
 * }</pre>
 *
 * @param id unique id; the same id replaces
 * @param tenantId the tenant
 * @param dueAt when it is due
 * @param kind what firing it does
 * @param ruleId the rule
 * @param ruleVersion the rule version
 * @param subject the entity, encoded as {@code Type:value}, or null
 * @param triggerId the id of the trigger (event id or a derived id)
 * @param step the step index to run next
 * @param attempt failed attempts so far (for retries)
 */
public record Timer(String id, TenantId tenantId, Instant dueAt, Kind kind, String ruleId, int ruleVersion,
        @Nullable String subject, String triggerId, int step, int attempt) {

    /**
     * Validates the timer.
     *
     * @param id unique id; the same id replaces
     * @param tenantId the tenant
     * @param dueAt when it is due
     * @param kind what firing it does
     * @param ruleId the rule
     * @param ruleVersion the rule version
     * @param subject the entity, encoded as {@code Type:value}, or null
     * @param triggerId the id of the trigger (event id or a derived id)
     * @param step the step index to run next
     * @param attempt failed attempts so far (for retries)
     */
    public Timer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(triggerId, "triggerId");
    }

    /** What a timer does when it fires. */
    public enum Kind {
        /** Continue an enrollment after a wait. */
        RESUME,
        /** Retry a failed step. */
        RETRY,
        /** Run a scheduled rule and schedule its next occurrence. */
        SCHEDULE,
        /** An entity has been inactive for the rule's duration. */
        INACTIVITY,
        /** A date field's offset has been reached. */
        DATE
    }
}
