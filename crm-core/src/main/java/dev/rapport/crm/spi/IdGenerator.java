package dev.rapport.crm.spi;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the ids of new aggregates and events. The default makes random UUIDs; a host may use
 * its own scheme, and tests use {@link #sequential(String)} for readable, repeatable ids.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().idGenerator(IdGenerator.sequential("t")).build();
 * }</pre>
 */
@FunctionalInterface
public interface IdGenerator {
    /**
     * A new id, unique across the store.
     *
     * @param kind the kind of thing the id is for, e.g. {@code "contact"}
     * @return a non-blank id of at most 128 characters
     */
    String newId(String kind);

    /**
     * Random UUIDs.
     *
     * @return the generator
     */
    static IdGenerator uuids() {
        return kind -> UUID.randomUUID().toString();
    }

    /**
     * Readable sequential ids: {@code prefix-kind-1}, {@code prefix-kind-2}, ... (one counter).
     *
     * @param prefix a prefix, e.g. {@code "t"}
     * @return the generator
     */
    static IdGenerator sequential(String prefix) {
        AtomicLong counter = new AtomicLong();
        return kind -> prefix + "-" + kind + "-" + counter.incrementAndGet();
    }
}
