package dev.rapport.crm.metrics;

import dev.rapport.crm.service.SlaTargets;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.service.TicketPriority;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A support ticket's timestamps and SLA targets, as the service metrics read them. Times are
 * calendar (wall-clock) time; a host measuring business hours passes targets and timestamps
 * already adjusted. {@link #of(Ticket)} reads a crm-core ticket.
 *
 * <pre>{@code
 * TicketTimes t = new TicketTimes("t-1", TicketPriority.HIGH, opened, opened.plusSeconds(600), null,
 *     Duration.ofHours(1), Duration.ofHours(8));
 * }</pre>
 *
 * @param id the ticket's id
 * @param priority its priority
 * @param openedAt when it was opened
 * @param firstResponseAt when an agent first responded, null if not yet
 * @param resolvedAt when it was resolved, null if not yet
 * @param firstResponseTarget the SLA target for the first response, null if none
 * @param resolutionTarget the SLA target for the resolution, null if none
 */
public record TicketTimes(String id, TicketPriority priority, Instant openedAt, @Nullable Instant firstResponseAt,
        @Nullable Instant resolvedAt, @Nullable Duration firstResponseTarget, @Nullable Duration resolutionTarget) {

    /**
     * Checks the ticket is consistent.
     *
     * @param id the ticket's id
     * @param priority its priority
     * @param openedAt when it was opened
     * @param firstResponseAt when an agent first responded, null if not yet
     * @param resolvedAt when it was resolved, null if not yet
     * @param firstResponseTarget the SLA target for the first response, null if none
     * @param resolutionTarget the SLA target for the resolution, null if none
     * @throws dev.rapport.crm.CrmValidationException naming the part that is missing, a time before
     *     the opening, or a target that is not positive
     */
    public TicketTimes {
        Inputs.id(id, "id");
        Inputs.present(priority, "priority");
        Inputs.present(openedAt, "openedAt");
        Inputs.check(firstResponseAt == null || !firstResponseAt.isBefore(openedAt), "firstResponseAt",
                "is before openedAt");
        Inputs.check(resolvedAt == null || !resolvedAt.isBefore(openedAt), "resolvedAt", "is before openedAt");
        Inputs.check(firstResponseTarget == null || firstResponseTarget.compareTo(Duration.ZERO) > 0,
                "firstResponseTarget", "must be positive");
        Inputs.check(resolutionTarget == null || resolutionTarget.compareTo(Duration.ZERO) > 0, "resolutionTarget",
                "must be positive");
    }

    /**
     * The first response time, when there was one.
     *
     * @return the time from opening to first response, or empty
     */
    public Optional<Duration> firstResponseTime() {
        return firstResponseAt == null ? Optional.empty() : Optional.of(Duration.between(openedAt, firstResponseAt));
    }

    /**
     * The resolution time, when resolved.
     *
     * @return the time from opening to resolution, or empty
     */
    public Optional<Duration> resolutionTime() {
        return resolvedAt == null ? Optional.empty() : Optional.of(Duration.between(openedAt, resolvedAt));
    }

    /**
     * A crm-core ticket's times, with the targets its SLA policy sets for its priority.
     *
     * @param ticket the ticket
     * @return its times
     */
    public static TicketTimes of(Ticket ticket) {
        SlaTargets targets = ticket.slaPolicy().targetsFor(ticket.priority());
        return new TicketTimes(ticket.id().value(), ticket.priority(), ticket.createdAt(), ticket.firstResponseAt(),
                ticket.resolvedAt(), targets.firstResponse(), targets.resolution());
    }
}
