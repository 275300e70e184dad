package dev.rapport.crm.internal;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.spi.EventPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers committed events to the host's publishers and to in-process subscribers, isolating
 * failures: one failing subscriber never keeps the others from an event. Internal: not API.
 */
public final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<EventPublisher> publishers;
    private final List<Registration> subscribers = new CopyOnWriteArrayList<>();

    /**
     * Creates a dispatcher.
     *
     * @param publishers the host's publishers
     */
    public EventDispatcher(List<EventPublisher> publishers) {
        this.publishers = List.copyOf(publishers);
    }

    /**
     * Adds a subscriber.
     *
     * @param tenant the tenant whose events it receives, or null for all tenants
     * @param type the event type it receives
     * @param consumer the subscriber
     * @param <E> the event type
     * @return a handle that removes the subscriber when run
     */
    public <E extends CrmEvent> Runnable subscribe(@Nullable TenantId tenant, Class<E> type, Consumer<? super E> consumer) {
        Registration registration = new Registration(tenant, type, event -> consumer.accept(type.cast(event)));
        subscribers.add(registration);
        return () -> subscribers.remove(registration);
    }

    void dispatch(List<CrmEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        for (EventPublisher publisher : publishers) {
            try {
                publisher.publish(events);
            } catch (RuntimeException e) {
                LOG.warn("Event publisher {} failed on {} events: {}", publisher.getClass().getName(), events.size(),
                        e.getClass().getName());
            }
        }
        for (CrmEvent event : events) {
            for (Registration r : subscribers) {
                if ((r.tenant == null || r.tenant.equals(event.meta().tenantId())) && r.type.isInstance(event)) {
                    try {
                        r.consumer.accept(event);
                    } catch (RuntimeException e) {
                        LOG.warn("Event subscriber failed on {} {}: {}", event.getClass().getSimpleName(),
                                event.meta().id(), e.getClass().getName());
                    }
                }
            }
        }
    }

    private record Registration(@Nullable TenantId tenant, Class<? extends CrmEvent> type, Consumer<CrmEvent> consumer) {
    }
}
