package dev.rapport.crm.internal;

import dev.rapport.crm.Actor;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.EventId;
import dev.rapport.crm.event.EventMeta;
import dev.rapport.crm.spi.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One command's unit of work: the store transaction, one instant for all of its timestamps, the
 * actor, and the events it emits (published only after the store commits). Internal: not API.
 */
public final class UnitOfWork {
    private final ServiceContext context;
    private StoreTransaction tx;
    private final Instant now;
    private final Actor actor;
    private final List<CrmEvent> events = new ArrayList<>();
    /** Attached values by type: a few at most, so a short array scanned by identity. */
    private Object[] attributes = new Object[4];
    private int attributeCount;

    UnitOfWork(ServiceContext context, StoreTransaction tx, Instant now, Actor actor) {
        this.context = context;
        this.tx = tx;
        this.now = now;
        this.actor = actor;
    }

    /**
     * The store transaction.
     *
     * @return the transaction
     */
    public StoreTransaction tx() {
        return tx;
    }

    /**
     * The time of this command, from the injected clock.
     *
     * @return the instant
     */
    public Instant now() {
        return now;
    }

    /**
     * Who runs this command.
     *
     * @return the actor
     */
    public Actor actor() {
        return actor;
    }

    /**
     * The tenant.
     *
     * @return the tenant
     */
    public TenantId tenant() {
        return context.tenant();
    }

    /**
     * The service context.
     *
     * @return the context
     */
    public ServiceContext context() {
        return context;
    }

    /**
     * A new id from the id generator.
     *
     * @param kind the kind of thing, e.g. {@code "contact"}
     * @return the id text
     */
    public String newId(String kind) {
        return context.ids().newId(kind);
    }

    /**
     * Metadata for a new event of this command.
     *
     * @return the metadata
     */
    public EventMeta meta() {
        return new EventMeta(EventId.of(newId("event")), context.tenant(), now, actor);
    }

    /**
     * Emits an event, to be published after commit.
     *
     * @param event the event
     */
    public void emit(CrmEvent event) {
        events.add(event);
    }

    List<CrmEvent> events() {
        return events;
    }

    /**
     * The events emitted so far.
     *
     * @return a copy of the events, in order
     */
    public List<CrmEvent> emitted() {
        return List.copyOf(events);
    }

    /** Replaces the transaction by the interceptor's view of it, before the command runs. */
    void tx(StoreTransaction intercepted) {
        this.tx = intercepted;
    }

    /**
     * A value attached to this command by a cross-cutting concern (audit, privacy), by its type.
     *
     * @param type the value's type, its key
     * @param <T> the value type
     * @return the value, or empty
     */
    public <T> Optional<T> attribute(Class<T> type) {
        for (int i = 0; i < attributeCount; i += 2) {
            if (attributes[i] == type) {
                return Optional.of(type.cast(attributes[i + 1]));
            }
        }
        return Optional.empty();
    }

    /**
     * Attaches a value to this command, replacing any of the same type; null removes it.
     *
     * @param type the value's type, its key
     * @param value the value, or null
     * @param <T> the value type
     */
    public <T> void attribute(Class<T> type, @org.jspecify.annotations.Nullable T value) {
        for (int i = 0; i < attributeCount; i += 2) {
            if (attributes[i] == type) {
                if (value == null) {
                    System.arraycopy(attributes, i + 2, attributes, i, attributeCount - i - 2);
                    attributeCount -= 2;
                    attributes[attributeCount] = null;
                    attributes[attributeCount + 1] = null;
                } else {
                    attributes[i + 1] = type.cast(value);
                }
                return;
            }
        }
        if (value != null) {
            if (attributeCount == attributes.length) {
                attributes = java.util.Arrays.copyOf(attributes, attributes.length * 2);
            }
            attributes[attributeCount++] = type;
            attributes[attributeCount++] = type.cast(value);
        }
    }
}
