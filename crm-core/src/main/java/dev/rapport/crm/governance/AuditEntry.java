package dev.rapport.crm.governance;

import dev.rapport.crm.Actor;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.internal.Checks;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit trail: who did what to which record when, and which fields changed from
 * which value to which. Written for every stored create, update and delete (whichever service
 * made it), every erasure, export and access-policy refusal, through the
 * {@link dev.rapport.crm.spi.AuditSink} port.
 *
 * <p>{@link #toString()} carries no field values.
 *
 * <pre>{@code
 * for (AuditEntry e : crm.privacy().auditTrail("Contact", ada.id().value())) {
 *     System.out.println(e.at() + " " + e.actor().id() + " " + e.action() + " " + e.changes());
 * }
 * }</pre>
 *
 * @param tenantId the tenant
 * @param at when (the command's instant, from the CRM's clock)
 * @param actor who
 * @param action what kind of change
 * @param entityType the record's type, e.g. {@code "Contact"}
 * @param entityId the record's id
 * @param changes the fields concerned, with old and new values where kept
 * @param note a short note without personal data (the erasure's reason, the refused field), or null
 * @param erased whether the values of this entry were removed by an erasure
 */
public record AuditEntry(TenantId tenantId, Instant at, Actor actor, AuditAction action, String entityType,
        String entityId, List<FieldChange> changes, @Nullable String note, boolean erased) {
    /**
     * Validates the entry.
     *
     * @param tenantId the tenant
     * @param at when (the command's instant, from the CRM's clock)
     * @param actor who
     * @param action what kind of change
     * @param entityType the record's type, e.g. {@code "Contact"}
     * @param entityId the record's id
     * @param changes the fields concerned, with old and new values where kept
     * @param note a short note without personal data (the erasure's reason, the refused field), or null
     * @param erased whether the values of this entry were removed by an erasure
     * @throws dev.rapport.crm.CrmValidationException naming the field if a part is missing
     */
    public AuditEntry {
        Checks.notNull(tenantId, "tenantId");
        Checks.notNull(at, "at");
        Checks.notNull(actor, "actor");
        Checks.notNull(action, "action");
        entityType = Checks.nonBlank(entityType, "entityType");
        entityId = Checks.nonBlank(entityId, "entityId");
        changes = Checks.list(changes, "changes");
        note = Checks.optional(note);
    }

    /**
     * This entry with every value removed, as erasure leaves it.
     *
     * @return the entry without values, marked erased
     */
    public AuditEntry withoutValues() {
        return new AuditEntry(tenantId, at, actor, action, entityType, entityId,
                changes.stream().map(FieldChange::withoutValues).toList(), note, true);
    }

    /**
     * Whether this entry concerns a record.
     *
     * @param type the record's type
     * @param id the record's id
     * @return true if it does
     */
    public boolean concerns(String type, String id) {
        return entityType.equals(type) && entityId.equals(id);
    }

    @Override
    public String toString() {
        return "AuditEntry[" + action + " " + entityType + " " + entityId + " at " + at + " by " + actor
                + ", fields=" + changes.stream().map(FieldChange::field).toList() + "]";
    }
}
