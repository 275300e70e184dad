package dev.rapport.crm.examples.plugins;

import dev.rapport.crm.Crm;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.workflow.ActionTypes;
import dev.rapport.crm.workflow.JsonRules;
import dev.rapport.crm.workflow.RuleSet;
import dev.rapport.crm.workflow.Trace;
import dev.rapport.crm.workflow.WorkflowEngine;
import dev.rapport.crm.workflow.spi.MessageSender;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A host that extends Rapport with plugins it does not compile against: the action types and the
 * message sender on its class path are found by {@link ServiceLoader}, and a JSON rule uses the
 * plugin's action type by name. Put a plugin jar (such as {@code examples-plugin}) on the class
 * path and its {@code META-INF/services} files do the rest.
 */
public final class PluginHost {
    /** The rule the host loads: announce every won deal in the sales channel. */
    public static final String RULES = """
            {"rules": [
              {"id": "announce-wins", "entity": "opportunity",
               "trigger": {"event": "OpportunityWon"},
               "actions": [{"type": "announce-win", "channel": "#sales"}]}
            ]}
            """;

    private PluginHost() {
    }

    /**
     * What the host found and what the rule did.
     *
     * @param actionTypes the names of the installed action types
     * @param sender the class of the message sender found
     * @param won the deal that was won
     * @param traces the rule's traces
     */
    public record Result(List<String> actionTypes, String sender, Opportunity won, List<Trace> traces) {
    }

    /**
     * Runs the host and prints what it found.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Result result = run();
        System.out.println("Action types installed: " + result.actionTypes());
        System.out.println("Message sender: " + result.sender());
        result.traces().forEach(t -> System.out.println("Rule " + t.ruleId() + ": " + t.outcome() + " " + t.steps()));
    }

    /**
     * Loads the plugins, wins a deal and lets the plugin's action announce it.
     *
     * @return what happened
     */
    public static Result run() {
        // tag::load-plugins[]
        ActionTypes types = ActionTypes.installed();
        MessageSender sender = ServiceLoader.load(MessageSender.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no MessageSender plugin on the class path"));
        RuleSet rules = JsonRules.parser().actionTypes(types).parse(RULES);
        // end::load-plugins[]

        Crm crm = Crm.builder().build();
        try (WorkflowEngine engine = WorkflowEngine.builder(crm).rules(rules).messageSender(sender).build()) {
            Opportunity deal = crm.opportunities().create(NewOpportunity.named("Fleet rollout")
                    .amount(Money.of("120000.00", "EUR")));
            Opportunity won = crm.opportunities().closeWon(deal.id(), "best price");
            return new Result(List.copyOf(types.names()), sender.getClass().getName(), won, engine.traces());
        }
    }
}
