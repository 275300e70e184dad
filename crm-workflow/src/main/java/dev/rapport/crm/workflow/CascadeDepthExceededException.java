package dev.rapport.crm.workflow;

import dev.rapport.crm.CrmException;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rules triggered rules that triggered rules beyond the engine's depth limit. The rule that would
 * have gone one level deeper did not run; the error, naming the whole chain of rules, is kept in
 * a {@link DeadLetter}.
 *
 * <pre>{@code
 * engine.deadLetters().stream()
 *     .filter(d -> d.failure() instanceof CascadeDepthExceededException)
 *     .forEach(d -> System.out.println(((CascadeDepthExceededException) d.failure()).chain()));
 * }</pre>
 */
public final class CascadeDepthExceededException extends CrmException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The chain of rule ids, outermost first, ending with the rule that was stopped. */
    private final ArrayList<String> chain;

    /**
     * Creates the exception.
     *
     * @param chain the chain of rule ids, outermost first, ending with the rule that was stopped
     * @param limit the depth limit
     */
    public CascadeDepthExceededException(List<String> chain, int limit) {
        super("rule cascade deeper than " + limit + ": " + String.join(" -> ", chain));
        this.chain = new ArrayList<>(chain);
    }

    /**
     * The chain of rule ids, outermost first, ending with the rule that was stopped.
     *
     * @return the chain
     */
    public List<String> chain() {
        return Collections.unmodifiableList(chain);
    }
}
