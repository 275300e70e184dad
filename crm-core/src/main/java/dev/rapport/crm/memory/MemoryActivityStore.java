package dev.rapport.crm.memory;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityId;
import dev.rapport.crm.activity.ActivityStore;
import java.util.Comparator;
import java.util.List;

final class MemoryActivityStore extends TableTx<ActivityId, Activity> implements ActivityStore {
    static final IndexDef<Activity> BY_LINK = IndexDef.multi("link", a -> a.links().ids());
    static final TableDef<ActivityId, Activity> DEF = TableDef.of("Activity", List.of(BY_LINK));

    /** Newest first; among activities of one instant, the larger id first. */
    private static final Comparator<Activity> NEWEST_FIRST = Comparator.comparing(Activity::occurredAt)
            .thenComparing(a -> a.id().value()).reversed();

    MemoryActivityStore(Table<ActivityId, Activity> table, TenantId tenant, boolean readOnly) {
        super(table, tenant, readOnly);
    }

    @Override
    public Page<Activity> timeline(EntityId link, PageRequest request) {
        return Pages.of(lookup(BY_LINK, link), NEWEST_FIRST, request);
    }
}
