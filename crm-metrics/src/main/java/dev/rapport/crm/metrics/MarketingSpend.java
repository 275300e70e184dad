package dev.rapport.crm.metrics;

import dev.rapport.crm.marketing.Campaign;
import dev.rapport.crm.revenue.Money;

/**
 * Money spent on acquiring customers through a channel in the measured period (campaign cost,
 * salaries and tools allotted to the channel).
 *
 * <pre>{@code
 * new MarketingSpend("campaign-12", "events", Money.of("8000.00", "EUR"));
 * }</pre>
 *
 * @param id the spend's id (a campaign id, a cost line)
 * @param channel the channel
 * @param cost the cost (not negative)
 */
public record MarketingSpend(String id, String channel, Money cost) implements AcquisitionEntry {

    /**
     * Checks the parts.
     *
     * @param id the spend's id
     * @param channel the channel
     * @param cost the cost
     * @throws dev.rapport.crm.CrmValidationException if a part is missing or the cost negative
     */
    public MarketingSpend {
        Inputs.id(id, "id");
        Inputs.id(channel, "channel");
        Inputs.present(cost, "cost");
        Inputs.check(!cost.isNegative(), "cost", "must not be negative");
    }

    /**
     * A crm-core campaign's actual cost, on its channel.
     *
     * @param campaign the campaign
     * @return its spend
     */
    public static MarketingSpend of(Campaign campaign) {
        return new MarketingSpend(campaign.id().value(), campaign.channel().name(), campaign.actualCost());
    }
}
