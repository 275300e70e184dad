package dev.rapport.crm;

import java.io.Serial;

/**
 * A command named an aggregate that does not exist in the current tenant. Aggregates of other
 * tenants are reported as not found too: their existence is not revealed.
 *
 * <pre>{@code
 * try {
 *     crm.contacts().get(ContactId.of("unknown"));
 * } catch (CrmNotFoundException e) {
 *     assert e.entityType().equals("Contact");
 * }
 * }</pre>
 */
public class CrmNotFoundException extends CrmException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String entityType;
    private final String entityId;

    /**
     * Creates the exception.
     *
     * @param entityType the aggregate type, e.g. {@code "Contact"}
     * @param entityId the id that was not found
     */
    public CrmNotFoundException(String entityType, String entityId) {
        super(entityType + " " + entityId + " does not exist");
        this.entityType = entityType;
        this.entityId = entityId;
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
     * The id that was not found.
     *
     * @return the id as a string
     */
    public String entityId() {
        return entityId;
    }
}
