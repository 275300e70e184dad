package dev.rapport.crm.lead;

/**
 * The status of a lead: {@code NEW} when captured, {@code WORKING} while its owner works it, then
 * {@code QUALIFIED} or {@code DISQUALIFIED} (a disqualified lead can be re-opened, back to
 * {@code WORKING}), and finally {@code CONVERTED} (terminal). Only {@link LeadService}'s commands
 * move it.
 *
 * <pre>{@code
 * if (lead.status() == LeadStatus.QUALIFIED) { crm.leads().convert(lead.id(), ConvertLead.plain()); }
 * }</pre>
 */
public enum LeadStatus {
    /** Captured, not yet worked. */
    NEW,
    /** Being worked by its owner. */
    WORKING,
    /** Qualified: ready to convert. */
    QUALIFIED,
    /** Disqualified with a reason. */
    DISQUALIFIED,
    /** Converted into a contact and account (terminal). */
    CONVERTED
}
