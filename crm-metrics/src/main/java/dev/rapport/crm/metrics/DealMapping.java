package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How {@link Deals} reads crm-core opportunities: the zone in which instants become days, the
 * currency of an opportunity whose amount is not known yet (it counts as zero), and which lost
 * reasons mean "no decision".
 *
 * <pre>{@code
 * DealMapping mapping = DealMapping.of(ZoneId.of("Europe/Berlin"), "EUR")
 *     .noDecisionWhen(reason -> reason.equalsIgnoreCase("no decision"));
 * }</pre>
 *
 * @param zone the zone in which creation and close instants become days
 * @param unknownAmountCurrency the currency of the zero amount of an opportunity without amount
 * @param noDecision which lost reasons mark a deal closed without a decision
 */
public record DealMapping(ZoneId zone, Currency unknownAmountCurrency, Predicate<String> noDecision) {

    /**
     * Checks the parts are present.
     *
     * @param zone the zone in which creation and close instants become days
     * @param unknownAmountCurrency the currency of the zero amount of an opportunity without amount
     * @param noDecision which lost reasons mark a deal closed without a decision
     */
    public DealMapping {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(unknownAmountCurrency, "unknownAmountCurrency");
        Objects.requireNonNull(noDecision, "noDecision");
    }

    /**
     * A mapping in a zone, where no lost reason means no decision.
     *
     * @param zone the zone in which instants become days
     * @param currencyCode the currency of unknown amounts
     * @return the mapping
     * @throws dev.rapport.crm.CrmValidationException if the code is unknown
     */
    public static DealMapping of(ZoneId zone, String currencyCode) {
        return new DealMapping(zone, Money.zero(currencyCode).currency(), reason -> false);
    }

    /**
     * A mapping in UTC, where no lost reason means no decision.
     *
     * @param currencyCode the currency of unknown amounts
     * @return the mapping
     * @throws dev.rapport.crm.CrmValidationException if the code is unknown
     */
    public static DealMapping utc(String currencyCode) {
        return of(ZoneOffset.UTC, currencyCode);
    }

    /**
     * This mapping with a rule for no-decision reasons.
     *
     * @param reasons true for a lost reason that means the buyer made no decision
     * @return the copy
     */
    public DealMapping noDecisionWhen(Predicate<String> reasons) {
        return new DealMapping(zone, unknownAmountCurrency, reasons);
    }
}
