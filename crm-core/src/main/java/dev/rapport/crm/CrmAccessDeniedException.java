package dev.rapport.crm;

import java.io.Serial;
import java.util.Objects;

/**
 * The access policy refused an operation on a field: the current actor's roles may not change
 * (or, where a whole record would be incomplete without it, see) that field of that type of
 * record. Thrown before anything is stored; the refusal is written to the audit trail.
 *
 * <pre>{@code
 * try {
 *     crm.opportunities().update(deal.withAmount(Money.of("1.00", "EUR")));
 * } catch (CrmAccessDeniedException e) {
 *     assert e.entityType().equals("Opportunity") && e.field().equals("amount");
 * }
 * }</pre>
 */
public class CrmAccessDeniedException extends CrmException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String entityType;
    private final String field;
    private final boolean write;

    /**
     * Creates the exception.
     *
     * @param entityType the type of record, e.g. {@code "Opportunity"}
     * @param field the field, e.g. {@code "amount"}
     * @param write true if a write was refused, false if a read
     */
    public CrmAccessDeniedException(String entityType, String field, boolean write) {
        super((write ? "may not change " : "may not read ") + Objects.requireNonNull(entityType, "entityType") + "."
                + Objects.requireNonNull(field, "field"));
        this.entityType = entityType;
        this.field = field;
        this.write = write;
    }

    /**
     * The type of record.
     *
     * @return e.g. {@code "Opportunity"}
     */
    public String entityType() {
        return entityType;
    }

    /**
     * The field.
     *
     * @return e.g. {@code "amount"}
     */
    public String field() {
        return field;
    }

    /**
     * Whether a write (rather than a read) was refused.
     *
     * @return true for a write
     */
    public boolean write() {
        return write;
    }
}
