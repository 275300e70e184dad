package dev.rapport.crm.revenue;

import dev.rapport.crm.CrmValidationException;
import java.io.Serial;
import java.util.Currency;

/**
 * Two amounts of different currencies were combined without conversion.
 *
 * <pre>{@code
 * Money.of("1", "EUR").plus(Money.of("1", "USD"));   // throws CurrencyMismatchException
 * }</pre>
 */
public class CurrencyMismatchException extends CrmValidationException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param expected the currency of the left operand
     * @param actual the other currency
     */
    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("currency", "mixes " + expected.getCurrencyCode() + " with " + actual.getCurrencyCode()
                + " without conversion");
    }
}
