package dev.rapport.crm.event;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.internal.EventDispatcher;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Subscriptions to the events of one tenant. Subscribers are called after each change is
 * stored, on the thread that made the change, in the order the events occurred; a subscriber
 * that throws is logged and does not affect the change or the other subscribers.
 *
 * <pre>{@code
 * EventSubscription s = crm.events().subscribe(LeadCaptured.class, e -> router.route(e.leadId()));
 * s.close();   // stop receiving
 * }</pre>
 */
public final class CrmEvents {
    private final EventDispatcher dispatcher;
    private final TenantId tenant;

    /**
     * Creates the subscriptions view of one tenant. Hosts get it from {@code crm.events()}.
     *
     * @param dispatcher the dispatcher
     * @param tenant the tenant
     */
    public CrmEvents(EventDispatcher dispatcher, TenantId tenant) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    /**
     * Subscribes to every event of this tenant.
     *
     * @param subscriber the subscriber
     * @return the subscription, to close when done
     */
    public EventSubscription subscribe(Consumer<? super CrmEvent> subscriber) {
        return subscribe(CrmEvent.class, subscriber);
    }

    /**
     * Subscribes to the events of one type of this tenant.
     *
     * @param type the event type
     * @param subscriber the subscriber
     * @param <E> the event type
     * @return the subscription, to close when done
     */
    public <E extends CrmEvent> EventSubscription subscribe(Class<E> type, Consumer<? super E> subscriber) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subscriber, "subscriber");
        return new EventSubscription(dispatcher.subscribe(tenant, type, subscriber));
    }
}
