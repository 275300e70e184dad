package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;

/**
 * One customer's RFM segment: recency (days since the last purchase), frequency (purchases) and
 * monetary value (sum paid), each scored 1 to 5 by quintile among all customers, 5 best (most
 * recent, most frequent, highest spend). {@code segment} is the three scores as a code such as
 * {@code "545"}.
 *
 * <pre>{@code
 * List<RfmScore> scores = CustomerMetrics.rfm(asOf, Conversion.strict("EUR")).of(purchases);
 * scores.get(0).segment();   // e.g. "555"
 * }</pre>
 *
 * @param customerId the customer
 * @param recencyDays days from the last purchase to the as-of day
 * @param frequency the number of purchases
 * @param monetary the sum of the purchases in the reporting currency
 * @param recencyScore the recency quintile, 1 to 5
 * @param frequencyScore the frequency quintile, 1 to 5
 * @param monetaryScore the monetary quintile, 1 to 5
 * @param segment the scores as a three-digit code, recency first
 */
public record RfmScore(String customerId, long recencyDays, long frequency, Money monetary, int recencyScore,
        int frequencyScore, int monetaryScore, String segment) {

    /**
     * Checks the scores are quintiles and the code matches them.
     *
     * @param customerId the customer
     * @param recencyDays days from the last purchase to the as-of day
     * @param frequency the number of purchases
     * @param monetary the sum of the purchases
     * @param recencyScore the recency quintile
     * @param frequencyScore the frequency quintile
     * @param monetaryScore the monetary quintile
     * @param segment the scores as a code
     * @throws dev.rapport.crm.CrmValidationException if a score is outside 1..5 or the code differs
     */
    public RfmScore {
        Inputs.id(customerId, "customerId");
        Inputs.present(monetary, "monetary");
        Inputs.check(recencyScore >= 1 && recencyScore <= 5, "recencyScore", "must be between 1 and 5");
        Inputs.check(frequencyScore >= 1 && frequencyScore <= 5, "frequencyScore", "must be between 1 and 5");
        Inputs.check(monetaryScore >= 1 && monetaryScore <= 5, "monetaryScore", "must be between 1 and 5");
        Inputs.check(("" + recencyScore + frequencyScore + monetaryScore).equals(segment), "segment",
                "must be the three scores");
    }
}
