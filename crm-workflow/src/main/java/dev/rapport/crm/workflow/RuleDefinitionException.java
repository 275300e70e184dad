package dev.rapport.crm.workflow;

import dev.rapport.crm.CrmException;
import java.io.Serial;

/**
 * A rule (or rule set) is not valid: an unknown field, an operator that does not apply to a
 * field's type, a literal of the wrong type, an action type that is not installed. Carries the
 * JSON pointer of the mistake, e.g. {@code /rules/3/condition/all/1/field}, and a reason without
 * personal data.
 *
 * <pre>{@code
 * try {
 *     JsonRules.parser().parse(json);
 * } catch (RuleDefinitionException e) {
 *     editor.highlight(e.pointer(), e.reason());
 * }
 * }</pre>
 */
public final class RuleDefinitionException extends CrmException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The JSON pointer of the mistake. */
    private final String pointer;

    /** What is wrong. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param pointer the JSON pointer of the mistake ({@code ""} for the whole document)
     * @param reason what is wrong
     */
    public RuleDefinitionException(String pointer, String reason) {
        super((pointer.isEmpty() ? "/" : pointer) + ": " + reason);
        this.pointer = pointer;
        this.reason = reason;
    }

    /**
     * The JSON pointer of the mistake.
     *
     * @return the pointer, e.g. {@code /rules/0/trigger/event}
     */
    public String pointer() {
        return pointer;
    }

    /**
     * What is wrong.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
