package dev.rapport.crm;

/**
 * A typed identifier. Every aggregate has its own id type ({@code ContactId}, {@code AccountId},
 * ...), so an id of one kind can never be passed where another is expected.
 *
 * <pre>{@code
 * ContactId id = ContactId.of("c-42");
 * String raw = id.value();
 * }</pre>
 */
public interface EntityId {
    /**
     * The id as stored.
     *
     * @return a non-blank string
     */
    String value();
}
