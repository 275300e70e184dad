package dev.rapport.crm.spi;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.governance.AuditEntry;
import dev.rapport.crm.governance.AuditSubject;
import java.util.Collection;
import java.util.List;

/**
 * Where the audit trail goes. Rapport hands it the entries of every committed command (after the
 * store committed, like events) and access-policy refusals (at once). The default keeps them in
 * memory ({@link dev.rapport.crm.memory.InMemoryAuditSink}); a host may write them to its own
 * audit log or database.
 *
 * <p>Entries hold personal values (old and new field values). An implementation must be able to
 * remove them: {@link #erase} is called when a person is erased, and after it returns no entry of
 * those subjects may carry a value any more.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().auditSink(new InMemoryAuditSink()).build();
 * }</pre>
 */
public interface AuditSink {
    /**
     * Records entries, in order.
     *
     * @param entries the entries, all of one tenant
     */
    void record(List<AuditEntry> entries);

    /**
     * The entries of one record, oldest first.
     *
     * @param tenant the tenant
     * @param entityType the record's type, e.g. {@code "Contact"}
     * @param entityId the record's id
     * @return the entries
     */
    List<AuditEntry> entries(TenantId tenant, String entityType, String entityId);

    /**
     * Removes every value from the entries of the subjects (keeping who, when, what and which
     * fields), marking them erased.
     *
     * @param tenant the tenant
     * @param subjects the records whose entries lose their values
     * @return how many entries were changed
     */
    int erase(TenantId tenant, Collection<AuditSubject> subjects);
}
