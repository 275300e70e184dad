package dev.rapport.crm.workflow.spi;

import dev.rapport.crm.Crm;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.event.CrmEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * What a running step may use: the CRM view of the rule's tenant, the entity the rule runs for,
 * the triggering event, the time (from the CRM's clock) and a key that is stable across retries.
 * Deliberately narrow: steps never see the engine.
 *
 * <pre>{@code
 * ActionStep step = context -> {
 *     ContactId id = (ContactId) context.subject().orElseThrow();
 *     context.crm().contacts().promoteLifecycle(id, LifecycleStage.LEAD);
 *     return "promoted";
 * };
 * }</pre>
 */
public interface ActionContext {
    /**
     * The CRM, viewed for the tenant of the triggering event.
     *
     * @return the CRM
     */
    Crm crm();

    /**
     * The entity the rule runs for, if the trigger has one (a schedule has none).
     *
     * @return the entity
     */
    Optional<EntityId> subject();

    /**
     * The event that triggered the rule; empty when a timer resumed or triggered it.
     *
     * @return the event
     */
    Optional<CrmEvent> event();

    /**
     * The current time, from the CRM's clock.
     *
     * @return now
     */
    Instant now();

    /**
     * The id of the running rule.
     *
     * @return the rule id
     */
    String ruleId();

    /**
     * The version of the running rule.
     *
     * @return the version
     */
    int ruleVersion();

    /**
     * A key unique to (tenant, rule id, rule version, trigger, subject, step index), stable across
     * retries and restarts: pass it to external systems that deduplicate.
     *
     * @return the key
     */
    String idempotencyKey();

    /**
     * The host's message sender.
     *
     * @return the sender
     */
    MessageSender messages();
}
