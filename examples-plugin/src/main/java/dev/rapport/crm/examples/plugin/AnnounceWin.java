package dev.rapport.crm.examples.plugin;

import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.workflow.spi.ActionConfig;
import dev.rapport.crm.workflow.spi.ActionStep;
import dev.rapport.crm.workflow.spi.ActionType;
import dev.rapport.crm.workflow.spi.Message;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A custom workflow action, {@code "announce-win"}: posts a won deal to a team chat channel, as a
 * message through the host's {@code MessageSender} (template {@value #TEMPLATE}, with the channel,
 * the deal's name and amount as parameters).
 *
 * <pre>{@code
 * {"id": "announce-wins", "entity": "opportunity", "trigger": {"event": "OpportunityWon"},
 *  "actions": [{"type": "announce-win", "channel": "#sales"}]}
 * }</pre>
 */
public final class AnnounceWin implements ActionType {
    /** The template of the chat message. */
    public static final String TEMPLATE = "chat-announcement";

    /** Creates the action type; {@code ServiceLoader} calls this. */
    public AnnounceWin() {
    }

    // tag::action-type-name[]
    @Override
    public String name() {
        return "announce-win";
    }
    // end::action-type-name[]

    // tag::action-type-create[]
    @Override
    public ActionStep create(ActionConfig config) {
        String channel = config.text("channel");           // a rule without a channel fails when loaded
        return context -> {
            OpportunityId id = (OpportunityId) context.subject().orElseThrow();
            Opportunity deal = context.crm().opportunities().get(id);
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("channel", channel);
            parameters.put("deal", deal.name());
            parameters.put("amount", deal.amount() == null ? "" : deal.amount().toString());
            context.messages().send(new Message(context.crm().tenant(), TEMPLATE, id, parameters,
                    context.idempotencyKey()));
            return "announced in " + channel;
        };
    }
    // end::action-type-create[]
}
