package dev.rapport.crm.service;

import dev.rapport.crm.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's standing against its SLA targets at an instant: the due instants, the measured
 * times and an outcome per target. Computed by {@link Ticket#sla(Instant)}.
 *
 * <pre>{@code
 * SlaResult sla = crm.tickets().sla(ticket.id());
 * sla.firstResponseTime();   // e.g. PT45M
 * sla.isBreached();
 * }</pre>
 *
 * @param firstResponseDue when the first response is due
 * @param resolutionDue when the resolution is due
 * @param firstResponseTime from opening to the first response, or null if there was none yet
 * @param resolutionTime from opening to the resolution, or null if not resolved
 * @param firstResponse the outcome of the first-response target
 * @param resolution the outcome of the resolution target
 */
public record SlaResult(Instant firstResponseDue, Instant resolutionDue, @Nullable Duration firstResponseTime,
        @Nullable Duration resolutionTime, SlaOutcome firstResponse, SlaOutcome resolution) {
    /**
     * Validates the result.
     *
     * @param firstResponseDue when the first response is due
     * @param resolutionDue when the resolution is due
     * @param firstResponseTime from opening to the first response, or null if there was none yet
     * @param resolutionTime from opening to the resolution, or null if not resolved
     * @param firstResponse the outcome of the first-response target
     * @param resolution the outcome of the resolution target
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public SlaResult {
        Checks.notNull(firstResponseDue, "firstResponseDue");
        Checks.notNull(resolutionDue, "resolutionDue");
        Checks.notNull(firstResponse, "firstResponse");
        Checks.notNull(resolution, "resolution");
    }

    /**
     * Whether any target is breached.
     *
     * @return true if the first-response or the resolution target is breached
     */
    public boolean isBreached() {
        return firstResponse == SlaOutcome.BREACHED || resolution == SlaOutcome.BREACHED;
    }

    static SlaOutcome outcome(Instant due, @Nullable Instant done, Instant asOf) {
        if (done != null) {
            return done.isAfter(due) ? SlaOutcome.BREACHED : SlaOutcome.MET;
        }
        return asOf.isAfter(due) ? SlaOutcome.BREACHED : SlaOutcome.PENDING;
    }
}
