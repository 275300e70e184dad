package dev.rapport.crm.metrics;

/**
 * An input of customer acquisition cost: money spent on a channel, or a customer acquired through
 * one. CAC reads both kinds from one stream, so grouping by {@link #channel()} gives CAC per
 * channel and no grouping gives blended CAC.
 *
 * <pre>{@code
 * List<AcquisitionEntry> entries = List.of(
 *     new MarketingSpend("s-1", "paid-search", Money.of("5000.00", "EUR")),
 *     new NewCustomer("c-1", "paid-search"));
 * MoneyRatio cac = MarketingMetrics.cac(Conversion.strict("EUR")).of(entries);
 * }</pre>
 */
public sealed interface AcquisitionEntry permits MarketingSpend, NewCustomer {

    /**
     * The entry's id.
     *
     * @return the id
     */
    String id();

    /**
     * The acquisition channel (a campaign channel or lead source key).
     *
     * @return the channel
     */
    String channel();
}
