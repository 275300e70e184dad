package dev.rapport.crm.service;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Service-level targets for every ticket priority. A ticket carries the policy it was opened
 * under; the targets that apply are those of its current priority, measured from the moment it
 * was opened.
 *
 * <p>The {@link #DEFAULT} policy: urgent 1 h to first response and 4 h to resolution, high
 * 4 h / 24 h, normal 8 h / 72 h, low 24 h / 120 h.
 *
 * <pre>{@code
 * SlaPolicy gold = SlaPolicy.DEFAULT.with(TicketPriority.URGENT, SlaTargets.hours(1, 2));
 * TicketService goldDesk = crm.tickets().withDefaultPolicy(gold);
 * crm.tickets().open(NewTicket.about(ada.id(), "Outage").slaPolicy(gold));
 * }</pre>
 *
 * @param targets the targets of each priority; every priority must have targets
 */
public record SlaPolicy(Map<TicketPriority, SlaTargets> targets) {
    /** The default targets. */
    public static final SlaPolicy DEFAULT = new SlaPolicy(Map.of(
            TicketPriority.URGENT, SlaTargets.hours(1, 4),
            TicketPriority.HIGH, SlaTargets.hours(4, 24),
            TicketPriority.NORMAL, SlaTargets.hours(8, 72),
            TicketPriority.LOW, SlaTargets.hours(24, 120)));

    /**
     * Validates the policy.
     *
     * @param targets the targets of each priority; every priority must have targets
     * @throws CrmValidationException naming {@code slaPolicy} if a priority has no targets
     */
    public SlaPolicy {
        Checks.notNull(targets, "slaPolicy");
        EnumMap<TicketPriority, SlaTargets> copy = new EnumMap<>(TicketPriority.class);
        for (TicketPriority priority : TicketPriority.values()) {
            SlaTargets t = targets.get(priority);
            if (t == null) {
                throw new CrmValidationException("slaPolicy", "has no targets for priority " + priority);
            }
            copy.put(priority, t);
        }
        targets = Collections.unmodifiableMap(copy);
    }

    /**
     * This policy with other targets for one priority.
     *
     * @param priority the priority
     * @param value its targets
     * @return the policy
     */
    public SlaPolicy with(TicketPriority priority, SlaTargets value) {
        EnumMap<TicketPriority, SlaTargets> copy = new EnumMap<>(targets);
        copy.put(Checks.notNull(priority, "priority"), Checks.notNull(value, "slaPolicy"));
        return new SlaPolicy(copy);
    }

    /**
     * The targets of a priority.
     *
     * @param priority the priority
     * @return the targets
     */
    public SlaTargets targetsFor(TicketPriority priority) {
        return targets.get(priority);
    }
}
