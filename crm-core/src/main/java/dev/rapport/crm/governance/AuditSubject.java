package dev.rapport.crm.governance;

import dev.rapport.crm.internal.Checks;

/**
 * A record the audit trail speaks of: its type and id. Erasure hands the audit sink the subjects
 * whose entries must lose their values.
 *
 * <pre>{@code
 * sink.erase(tenant, List.of(new AuditSubject("Contact", ada.id().value())));
 * }</pre>
 *
 * @param entityType the record's type, e.g. {@code "Contact"}
 * @param entityId the record's id
 */
public record AuditSubject(String entityType, String entityId) {
    /**
     * Validates the subject.
     *
     * @param entityType the record's type, e.g. {@code "Contact"}
     * @param entityId the record's id
     * @throws dev.rapport.crm.CrmValidationException naming the field if one is blank
     */
    public AuditSubject {
        entityType = Checks.nonBlank(entityType, "entityType");
        entityId = Checks.nonBlank(entityId, "entityId");
    }
}
