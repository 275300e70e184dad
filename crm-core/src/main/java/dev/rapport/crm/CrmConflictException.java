package dev.rapport.crm;

import java.io.Serial;

/**
 * An update was based on a version that is no longer current: someone else changed the aggregate
 * first. Nothing was written; re-read the aggregate and apply the change again.
 *
 * <pre>{@code
 * Contact current = crm.contacts().get(id);
 * try {
 *     crm.contacts().update(current.withTitle("CTO"));
 * } catch (CrmConflictException e) {
 *     // another thread or node won the race: reload and retry
 * }
 * }</pre>
 */
public class CrmConflictException extends CrmException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String entityType;
    private final String entityId;
    private final long expectedVersion;
    private final long actualVersion;

    /**
     * Creates the exception.
     *
     * @param entityType the aggregate type, e.g. {@code "Contact"}
     * @param entityId the aggregate's id
     * @param expectedVersion the version the update was based on
     * @param actualVersion the version currently stored
     */
    public CrmConflictException(String entityType, String entityId, long expectedVersion, long actualVersion) {
        super(entityType + " " + entityId + " was changed concurrently: the update was based on version "
                + expectedVersion + " but version " + actualVersion + " is stored");
        this.entityType = entityType;
        this.entityId = entityId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /**
     * The aggregate type.
     *
     * @return e.g. {@code "Contact"}
     */
    public String entityType() {
        return entityType;
    }

    /**
     * The aggregate id.
     *
     * @return the id as a string
     */
    public String entityId() {
        return entityId;
    }

    /**
     * The version the refused update was based on.
     *
     * @return the stale version
     */
    public long expectedVersion() {
        return expectedVersion;
    }

    /**
     * The version that is stored.
     *
     * @return the current version
     */
    public long actualVersion() {
        return actualVersion;
    }
}
