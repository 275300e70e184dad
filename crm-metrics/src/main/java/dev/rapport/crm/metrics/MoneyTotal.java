package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;
import java.util.List;
import java.util.Objects;

/**
 * An exact sum of amounts in the reporting currency, with the sample size and contributing ids.
 * A sum is always defined: the sum of nothing is zero.
 *
 * <pre>{@code
 * MoneyTotal weighted = SalesMetrics.weightedPipeline(Conversion.strict("EUR")).of(openDeals);
 * weighted.total();   // e.g. 42000.00 EUR
 * }</pre>
 *
 * @param total the sum
 * @param sampleSize how many items contributed
 * @param ids the ids of the contributing items (empty when ids are off)
 */
public record MoneyTotal(Money total, long sampleSize, List<String> ids) {

    /**
     * Checks the parts are present.
     *
     * @param total the sum
     * @param sampleSize how many items contributed
     * @param ids the ids of the contributing items
     */
    public MoneyTotal {
        Objects.requireNonNull(total, "total");
        ids = List.copyOf(ids);
    }
}
