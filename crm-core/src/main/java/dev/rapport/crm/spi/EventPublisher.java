package dev.rapport.crm.spi;

import dev.rapport.crm.event.CrmEvent;
import java.util.List;

/**
 * Receives the events of every stored change, after the change is committed, in the order they
 * occurred. A host implements it to forward events to a message broker; the in-process
 * subscribers of {@code crm.events()} are always served as well.
 *
 * <p>A publisher that throws does not undo the change (it is already stored) and does not keep
 * the other subscribers from their events; the failure is logged.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().eventPublisher(events -> events.forEach(kafka::send)).build();
 * }</pre>
 */
@FunctionalInterface
public interface EventPublisher {
    /**
     * Publishes the events of one committed change.
     *
     * @param events the events, in order, all of one tenant
     */
    void publish(List<CrmEvent> events);
}
