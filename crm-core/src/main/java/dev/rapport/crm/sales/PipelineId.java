package dev.rapport.crm.sales;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;

/**
 * The id of a pipeline.
 *
 * <pre>{@code
 * PipelineId id = PipelineId.of("x-1");
 * }</pre>
 *
 * @param value the id, non-blank, at most 128 characters
 */
public record PipelineId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the id, non-blank, at most 128 characters
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public PipelineId {
        value = Checks.nonBlank(value, "pipelineId");
        Checks.maxLength(value, 128, "pipelineId");
    }

    /**
     * The id from its text.
     *
     * @param value the id
     * @return the typed id
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public static PipelineId of(String value) {
        return new PipelineId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
