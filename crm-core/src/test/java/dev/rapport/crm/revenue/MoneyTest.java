package dev.rapport.crm.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsKeepTheCurrencysScale() {
        assertThat(Money.of("12", "EUR").amount()).isEqualTo(new BigDecimal("12.00"));
        assertThat(Money.of("12", "JPY").amount()).isEqualTo(new BigDecimal("12"));
        assertThat(Money.of("120000.00", "EUR").toString()).isEqualTo("120000.00 EUR");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefusedNotRounded() {
        assertThatThrownBy(() -> Money.of("0.001", "EUR"))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(CrmValidationException.class);
    }

    @Test
    void badCurrenciesAndNumbersNameTheField() {
        assertThatThrownBy(() -> Money.of("1", "EURO"))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> Money.of("one", "EUR"))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void factorsRoundHalfEvenToTheCurrencysScale() {
        assertThat(Money.of("0.05", "EUR").times(new BigDecimal("0.5")).amount()).isEqualTo(new BigDecimal("0.02"));
        assertThat(Money.of("0.15", "EUR").times(new BigDecimal("0.5")).amount()).isEqualTo(new BigDecimal("0.08"));
    }

    @Test
    void conversionGoesThroughTheExchangeRatesPort() {
        ExchangeRates rates = (from, to, day) -> Optional.of(new BigDecimal("1.0850"));
        Money usd = rates.convert(Money.of("100.00", "EUR"), Currency.getInstance("USD"), LocalDate.of(2026, 1, 2));
        assertThat(usd).isEqualTo(Money.of("108.50", "USD"));
        assertThatThrownBy(() -> ExchangeRates.none().convert(Money.of("1", "EUR"), Currency.getInstance("USD"),
                LocalDate.of(2026, 1, 2))).isInstanceOf(CurrencyMismatchException.class);
    }
}
