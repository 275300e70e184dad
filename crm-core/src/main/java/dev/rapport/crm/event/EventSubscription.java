package dev.rapport.crm.event;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A subscription to events; closing it stops delivery. Closing twice does nothing.
 *
 * <pre>{@code
 * try (EventSubscription s = crm.events().subscribe(received::add)) {
 *     crm.contacts().create(NewContact.named("Ada", "Lovelace"));
 * }
 * }</pre>
 */
public final class EventSubscription implements AutoCloseable {
    private final Runnable cancel;
    private final AtomicBoolean closed = new AtomicBoolean();

    EventSubscription(Runnable cancel) {
        this.cancel = cancel;
    }

    /** Stops delivery to this subscriber. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cancel.run();
        }
    }
}
