package dev.rapport.crm.metrics;

/**
 * A customer acquired through a channel in the measured period (attributed first or last touch,
 * as the host's attribution decides).
 *
 * <pre>{@code
 * new NewCustomer("acct-9", "events");
 * }</pre>
 *
 * @param id the customer's id
 * @param channel the channel credited with the acquisition
 */
public record NewCustomer(String id, String channel) implements AcquisitionEntry {

    /**
     * Checks the parts.
     *
     * @param id the customer's id
     * @param channel the channel
     * @throws dev.rapport.crm.CrmValidationException if a part is blank
     */
    public NewCustomer {
        Inputs.id(id, "id");
        Inputs.id(channel, "channel");
    }
}
