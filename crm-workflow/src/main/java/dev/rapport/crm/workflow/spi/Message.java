package dev.rapport.crm.workflow.spi;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import java.util.Map;
import java.util.Objects;

/**
 * A message a rule asks the host to send: a template by name, for a recipient entity (the host
 * looks up the address, so the engine never handles it), and an idempotency key the host can use
 * to drop duplicates.
 *
 * <pre>{@code
 * MessageSender sender = message -> mailer.send(message.template(), message.recipient(), message.idempotencyKey());
 * }</pre>
 *
 * @param tenantId the tenant
 * @param template the template name, e.g. {@code "welcome"}
 * @param recipient the entity to send to (a contact, a lead, ...)
 * @param parameters template parameters named in the rule
 * @param idempotencyKey stable across retries of the same step
 */
public record Message(TenantId tenantId, String template, EntityId recipient, Map<String, String> parameters,
        String idempotencyKey) {
    /**
     * Validates the message.
     *
     * @param tenantId the tenant
     * @param template the template name, e.g. {@code "welcome"}
     * @param recipient the entity to send to (a contact, a lead, ...)
     * @param parameters template parameters named in the rule
     * @param idempotencyKey stable across retries of the same step
     */
    public Message {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(recipient, "recipient");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
