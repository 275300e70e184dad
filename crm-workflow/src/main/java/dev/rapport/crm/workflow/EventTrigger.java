package dev.rapport.crm.workflow;

import dev.rapport.crm.event.CrmEvent;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A trigger on every event of a type, optionally filtered. Immutable: {@link #filter} returns a
 * new trigger.
 *
 * <pre>{@code
 * EventTrigger<LeadCaptured> web = Triggers.event(LeadCaptured.class)
 *     .filter("from the web form", e -> e.source() == LeadSource.WEB_FORM);
 * }</pre>
 *
 * @param <E> the event type
 */
public final class EventTrigger<E extends CrmEvent> implements Trigger {
    private final Class<E> type;
    private final Predicate<? super E> filter;
    private final String filterName;

    EventTrigger(Class<E> type, Predicate<? super E> filter, String filterName) {
        this.type = type;
        this.filter = filter;
        this.filterName = filterName;
    }

    /**
     * This trigger, only for events the filter accepts.
     *
     * @param accept the filter
     * @return the new trigger
     */
    public EventTrigger<E> filter(Predicate<? super E> accept) {
        return filter("filtered", accept);
    }

    /**
     * This trigger, only for events the named filter accepts.
     *
     * @param name a description for traces
     * @param accept the filter
     * @return the new trigger
     */
    public EventTrigger<E> filter(String name, Predicate<? super E> accept) {
        Objects.requireNonNull(accept, "accept");
        Predicate<? super E> previous = filter;
        return new EventTrigger<>(type, e -> previous.test(e) && accept.test(e),
                filterName.isEmpty() ? name : filterName + ", " + name);
    }

    /**
     * The event type.
     *
     * @return the type
     */
    public Class<E> type() {
        return type;
    }

    boolean filtered() {
        return !filterName.isEmpty();
    }

    boolean matches(CrmEvent event) {
        return type.isInstance(event) && filter.test(type.cast(event));
    }

    @Override
    public String describe() {
        return "event " + type.getSimpleName() + (filterName.isEmpty() ? "" : " [" + filterName + "]");
    }
}
