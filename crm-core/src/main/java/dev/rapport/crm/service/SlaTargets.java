package dev.rapport.crm.service;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.time.Duration;

/**
 * The service-level targets of one priority: how soon after a ticket is opened the first
 * response and the resolution are due. Durations are elapsed wall-clock time (no business hours
 * or holidays are subtracted).
 *
 * <pre>{@code
 * SlaTargets urgent = new SlaTargets(Duration.ofMinutes(30), Duration.ofHours(4));
 * }</pre>
 *
 * @param firstResponse the longest time to the first response; positive
 * @param resolution the longest time to the resolution; positive and not shorter than
 *     {@code firstResponse}
 */
public record SlaTargets(Duration firstResponse, Duration resolution) {
    /**
     * Validates the targets.
     *
     * @param firstResponse the longest time to the first response; positive
     * @param resolution the longest time to the resolution; positive and not shorter than
     *     {@code firstResponse}
     * @throws CrmValidationException naming {@code firstResponse} or {@code resolution}
     */
    public SlaTargets {
        Checks.notNull(firstResponse, "firstResponse");
        Checks.notNull(resolution, "resolution");
        if (firstResponse.isNegative() || firstResponse.isZero()) {
            throw new CrmValidationException("firstResponse", "must be positive");
        }
        if (resolution.compareTo(firstResponse) < 0) {
            throw new CrmValidationException("resolution", "must not be shorter than the first-response target");
        }
    }

    /**
     * Targets from hours.
     *
     * @param firstResponseHours hours to the first response
     * @param resolutionHours hours to the resolution
     * @return the targets
     * @throws CrmValidationException if the hours are not positive or resolution is the shorter
     */
    public static SlaTargets hours(long firstResponseHours, long resolutionHours) {
        return new SlaTargets(Duration.ofHours(firstResponseHours), Duration.ofHours(resolutionHours));
    }
}
