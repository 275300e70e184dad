package dev.rapport.crm.governance;

/**
 * What an audit entry records.
 *
 * <pre>{@code
 * crm.privacy().auditTrail("Contact", ada.id().value()).stream()
 *     .filter(e -> e.action() == AuditAction.UPDATE)
 *     .forEach(e -> System.out.println(e.changes()));
 * }</pre>
 */
public enum AuditAction {
    /** A record was stored for the first time. */
    CREATE,
    /** A stored record was changed. */
    UPDATE,
    /** A stored record was removed. */
    DELETE,
    /** Records were changed or removed by a merge of duplicates. */
    MERGE,
    /** A person's personal data was erased; the entry names the fields, never their values. */
    ERASE,
    /** A person's data was exported. */
    EXPORT,
    /** A write was refused by the access policy. */
    ACCESS_DENIED
}
