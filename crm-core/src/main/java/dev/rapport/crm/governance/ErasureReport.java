package dev.rapport.crm.governance;

import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.EntityId;
import java.time.Instant;
import java.util.List;

/**
 * What an erasure did: which records lost their personal data (anonymized, or removed when they
 * exist only for the person), how many identifiers were tombstoned, how many stored events and
 * audit entries were scrubbed.
 *
 * <pre>{@code
 * ErasureReport report = crm.privacy().erase(ada.id(), "request 2026-118");
 * report.records();   // [Contact t-contact-1, Consent t-contact-1, ...]
 * }</pre>
 *
 * @param subject the contact (or lead) whose erasure was asked for
 * @param erasedAt when
 * @param records the records erased, as "Type id"
 * @param tombstones how many identifiers (e-mail addresses, phone numbers) were tombstoned
 * @param eventsDropped how many stored events concerning the person were dropped
 * @param auditEntriesScrubbed how many audit entries lost their values
 */
public record ErasureReport(EntityId subject, Instant erasedAt, List<String> records, int tombstones,
        int eventsDropped, int auditEntriesScrubbed) {
    /**
     * Validates the report.
     *
     * @param subject the contact (or lead) whose erasure was asked for
     * @param erasedAt when
     * @param records the records erased, as "Type id"
     * @param tombstones how many identifiers (e-mail addresses, phone numbers) were tombstoned
     * @param eventsDropped how many stored events concerning the person were dropped
     * @param auditEntriesScrubbed how many audit entries lost their values
     * @throws dev.rapport.crm.CrmValidationException naming the field if a part is missing or negative
     */
    public ErasureReport {
        Checks.notNull(subject, "subject");
        Checks.notNull(erasedAt, "erasedAt");
        records = Checks.list(records, "records");
        Checks.nonNegative(tombstones, "tombstones");
        Checks.nonNegative(eventsDropped, "eventsDropped");
        Checks.nonNegative(auditEntriesScrubbed, "auditEntriesScrubbed");
    }

    ErasureReport withAuditEntriesScrubbed(int count) {
        return new ErasureReport(subject, erasedAt, records, tombstones, eventsDropped, count);
    }
}
