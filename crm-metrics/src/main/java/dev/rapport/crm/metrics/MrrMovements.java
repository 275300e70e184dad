package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;
import java.util.List;
import java.util.Objects;

/**
 * The bridge from starting to ending MRR over a period, which always balances:
 * {@code start + new + expansion + reactivation − contraction − churned = end}. Each customer
 * contributes to exactly one movement (or none when unchanged): new (no MRR at start, never paid
 * before), reactivation (no MRR at start, paid before), expansion (more at end), contraction (less
 * at end, but not zero), churn (MRR at start, none at end).
 *
 * <pre>{@code
 * MrrMovements m = RevenueMetrics.mrrMovements(Conversion.strict("EUR")).of(customers);
 * m.end();                  // equals start + newMrr + expansion + reactivation - contraction - churned
 * }</pre>
 *
 * @param start MRR at the start of the period
 * @param newMrr MRR of new customers
 * @param expansion MRR added by customers who paid more
 * @param reactivation MRR of returning customers
 * @param contraction MRR lost by customers who paid less (positive amount)
 * @param churned MRR lost by customers who stopped paying (positive amount)
 * @param end MRR at the end of the period
 * @param customersAtStart customers paying at the start
 * @param newCustomers customers counted as new
 * @param reactivatedCustomers customers counted as reactivated
 * @param churnedCustomers customers counted as churned
 * @param customersAtEnd customers paying at the end
 * @param ids the ids of the contributing customers (empty when ids are off)
 */
public record MrrMovements(Money start, Money newMrr, Money expansion, Money reactivation, Money contraction,
        Money churned, Money end, long customersAtStart, long newCustomers, long reactivatedCustomers,
        long churnedCustomers, long customersAtEnd, List<String> ids) {

    /**
     * Checks the bridge balances.
     *
     * @param start MRR at the start of the period
     * @param newMrr MRR of new customers
     * @param expansion MRR added by customers who paid more
     * @param reactivation MRR of returning customers
     * @param contraction MRR lost by customers who paid less
     * @param churned MRR lost by customers who stopped paying
     * @param end MRR at the end of the period
     * @param customersAtStart customers paying at the start
     * @param newCustomers customers counted as new
     * @param reactivatedCustomers customers counted as reactivated
     * @param churnedCustomers customers counted as churned
     * @param customersAtEnd customers paying at the end
     * @param ids the ids of the contributing customers
     * @throws IllegalArgumentException if the movements do not add up
     */
    public MrrMovements {
        Objects.requireNonNull(end, "end");
        ids = List.copyOf(ids);
        Money bridged = start.plus(newMrr).plus(expansion).plus(reactivation).minus(contraction).minus(churned);
        if (bridged.compareTo(end) != 0) {
            throw new IllegalArgumentException("MRR movements do not add up to the ending MRR");
        }
        if (customersAtStart + newCustomers + reactivatedCustomers - churnedCustomers != customersAtEnd) {
            throw new IllegalArgumentException("customer movements do not add up to the ending count");
        }
    }
}
