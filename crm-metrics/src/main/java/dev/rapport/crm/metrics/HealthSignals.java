package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is known about one customer's health, each signal normalized by the host to [0, 1] where
 * 1 is healthy: product usage against plan, NPS mapped to [0, 1], the share of invoices paid on
 * time, the inverse of open support escalations, and so on.
 *
 * <pre>{@code
 * HealthSignals s = new HealthSignals("acct-1", Map.of("usage", new BigDecimal("0.8"), "nps", new BigDecimal("0.9")));
 * }</pre>
 *
 * @param customerId the customer
 * @param signals the signals by name, each in [0, 1]
 */
public record HealthSignals(String customerId, Map<String, BigDecimal> signals) {

    /**
     * Checks the parts; the signals are copied in name order.
     *
     * @param customerId the customer
     * @param signals the signals by name, each in [0, 1]
     * @throws dev.rapport.crm.CrmValidationException if the id or a name is blank or a signal is
     *     outside [0, 1]
     */
    public HealthSignals {
        Inputs.id(customerId, "customerId");
        Inputs.present(signals, "signals");
        TreeMap<String, BigDecimal> copy = new TreeMap<>();
        signals.forEach((k, v) -> copy.put(Inputs.id(k, "signals"), Inputs.fraction(v, "signals")));
        signals = Collections.unmodifiableMap(copy);
    }
}
