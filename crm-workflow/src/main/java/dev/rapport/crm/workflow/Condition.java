package dev.rapport.crm.workflow;

/**
 * A condition over a {@link RuleContext}: evaluated to an {@link Evaluation} that says which parts
 * held. Build conditions with {@link Conditions} (Java predicates, field comparisons, all/any/not)
 * or load them from JSON with {@link JsonRules}; both give the same objects.
 *
 * <p>Missing values: a comparison with a missing value is false; {@code exists} tests for one;
 * {@code not} inverts, so {@code not(title = "CTO")} holds for a contact without a title.
 *
 * <pre>{@code
 * Condition c = Conditions.all(
 *     Conditions.field(EntityKind.CONTACT, "lifecycleStage", Operator.EQ, "LEAD"),
 *     Conditions.contact("has an e-mail", contact -> contact.primaryEmail().isPresent()));
 * boolean holds = c.evaluate(context).result();
 * }</pre>
 */
public interface Condition {
    /**
     * Evaluates the condition.
     *
     * @param context the rule context
     * @return the evaluation, with the parts
     */
    Evaluation evaluate(RuleContext context);

    /**
     * A short description, e.g. {@code all(lifecycleStage = LEAD, has an e-mail)}.
     *
     * @return the description
     */
    String describe();
}
