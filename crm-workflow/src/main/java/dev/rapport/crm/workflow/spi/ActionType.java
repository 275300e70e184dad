package dev.rapport.crm.workflow.spi;

/**
 * A kind of action a rule can run, provided by the host or a library and found by
 * {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.rapport.crm.workflow.spi.ActionType}). A provider has a name that
 * JSON rules refer to in {@code "type"}; it turns a rule's configuration into a step once, when
 * the rule is loaded, and it reaches the CRM only through the narrow {@link ActionContext}.
 *
 * <pre>{@code
 * public final class NotifySlack implements ActionType {
 *     public String name() { return "notify-slack"; }
 *     public ActionStep create(ActionConfig config) {
 *         String channel = config.text("channel");           // fails at load time when missing
 *         return context -> { slack.post(channel, context.subject().value()); return "posted"; };
 *     }
 * }
 * }</pre>
 */
public interface ActionType {
    /**
     * The name rules use in {@code "type"}; unique among installed types.
     *
     * @return the name, e.g. {@code "notify-slack"}
     */
    String name();

    /**
     * Builds the step a rule runs from the rule's configuration. Called when a rule is loaded,
     * so a bad configuration fails then, not when the rule fires.
     *
     * @param config the configuration written in the rule
     * @return the step
     * @throws ActionConfigException if the configuration is missing a key or has a wrong value
     */
    ActionStep create(ActionConfig config);
}
