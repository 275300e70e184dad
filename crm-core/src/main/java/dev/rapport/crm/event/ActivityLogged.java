package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.activity.ActivityId;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * An activity was added to the timeline.
 *
 * <pre>{@code
 * crm.events().subscribe(ActivityLogged.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param activityId the activity
 * @param type its kind
 * @param links the contacts, accounts, opportunities and tickets it is linked to
 */
public record ActivityLogged(EventMeta meta, ActivityId activityId, ActivityType type, List<EntityId> links) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param activityId the activity
     * @param type its kind
     * @param links the contacts, accounts, opportunities and tickets it is linked to
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public ActivityLogged {
        Checks.notNull(meta, "meta");
        Checks.notNull(activityId, "activityId");
        Checks.notNull(type, "type");
        links = List.copyOf(Checks.notNull(links, "links"));
    }

    @Override
    public List<EntityId> subjects() {
        List<EntityId> all = new ArrayList<>(Subjects.of(activityId));
        all.addAll(links);
        return List.copyOf(all);
    }
}
