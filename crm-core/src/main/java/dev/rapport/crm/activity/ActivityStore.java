package dev.rapport.crm.activity;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.spi.AggregateStore;

/**
 * The store port for activities, with the timeline look-up the services need.
 *
 * <pre>{@code
 * Page<Activity> latest = tx.activities().timeline(ada.id(), PageRequest.first(20));
 * }</pre>
 */
public interface ActivityStore extends AggregateStore<ActivityId, Activity> {
    /**
     * One page of the activities linked to a record, newest first: ordered by
     * {@link Activity#occurredAt()} descending, then by id descending. Served from an index
     * by link.
     *
     * @param link a contact, account, opportunity or ticket id
     * @param request the page
     * @return the page
     */
    Page<Activity> timeline(EntityId link, PageRequest request);
}
