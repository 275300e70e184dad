package dev.rapport.crm.workflow;

/**
 * What starts a rule: an event type, a property change (not matching to matching), inactivity, a
 * date field's offset, or a schedule. Build triggers with {@link Triggers}.
 *
 * <pre>{@code
 * Trigger t = Triggers.event(LeadCaptured.class).filter(e -> e.source() == LeadSource.WEB_FORM);
 * }</pre>
 */
public sealed interface Trigger permits EventTrigger, Triggers.PropertyChange, Triggers.Inactivity,
        Triggers.DateOffset, Triggers.Schedule, Triggers.SegmentChange {
    /**
     * A short description for traces and reports.
     *
     * @return the description
     */
    String describe();
}
