package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.activity.ActivityId;
import java.util.List;
import java.util.Set;

/**
 * The subject or body of a logged activity was corrected.
 *
 * <pre>{@code
 * crm.events().subscribe(ActivityCorrected.class, e -> System.out.println(e.changedFields()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param activityId the activity
 * @param changedFields the names of the fields that changed
 */
public record ActivityCorrected(EventMeta meta, ActivityId activityId, Set<String> changedFields) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param activityId the activity
     * @param changedFields the names of the fields that changed
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public ActivityCorrected {
        Checks.notNull(meta, "meta");
        Checks.notNull(activityId, "activityId");
        changedFields = Set.copyOf(Checks.notNull(changedFields, "changedFields"));
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(activityId);
    }
}
