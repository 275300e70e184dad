package dev.rapport.crm.workflow;

import java.util.List;
import java.util.Objects;

/**
 * The result of evaluating a condition, with the result of each part, so a trace shows why a
 * rule did or did not match.
 *
 * <pre>{@code
 * Evaluation e = condition.evaluate(context);
 * if (!e.result()) {
 *     e.parts().forEach(p -> System.out.println(p.description() + " -> " + p.result()));
 * }
 * }</pre>
 *
 * @param description what was evaluated, e.g. {@code lifecycleStage = CUSTOMER}
 * @param result the result
 * @param parts the evaluations of the parts (empty for a leaf)
 */
public record Evaluation(String description, boolean result, List<Evaluation> parts) {
    /**
     * Validates the evaluation.
     *
     * @param description what was evaluated, e.g. {@code lifecycleStage = CUSTOMER}
     * @param result the result
     * @param parts the evaluations of the parts (empty for a leaf)
     */
    public Evaluation {
        Objects.requireNonNull(description, "description");
        parts = List.copyOf(parts);
    }

    static Evaluation leaf(String description, boolean result) {
        return new Evaluation(description, result, List.of());
    }
}
