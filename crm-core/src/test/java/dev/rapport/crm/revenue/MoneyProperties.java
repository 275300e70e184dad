package dev.rapport.crm.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.property.ForAll;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.Property;
import java.math.BigDecimal;
import java.util.List;

class MoneyProperties {

    static Gen<Money> euros() {
        return Gen.bigDecimals(new BigDecimal("-1000000.00"), new BigDecimal("1000000.00"), 2)
                .map(a -> Money.of(a, "EUR"));
    }

    static Gen<List<Money>> manyEuros() {
        return Gen.lists(euros(), 0, 30);
    }

    static Gen<Integer> quantities() {
        return Gen.integers(0, 50);
    }

    @Property(tries = 500)
    void addingThenSubtractingGivesBackTheAmountExactly(@ForAll("euros") Money a, @ForAll("euros") Money b) {
        assertThat(a.plus(b).minus(b)).isEqualTo(a);
        assertThat(a.plus(b)).isEqualTo(b.plus(a));
    }

    @Property(tries = 300)
    void sumsDoNotDependOnTheOrderOfTerms(@ForAll("manyEuros") List<Money> amounts) {
        Money forward = Money.zero("EUR");
        for (Money m : amounts) {
            forward = forward.plus(m);
        }
        Money backward = Money.zero("EUR");
        for (int i = amounts.size() - 1; i >= 0; i--) {
            backward = backward.plus(amounts.get(i));
        }
        BigDecimal exact = amounts.stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(forward).isEqualTo(backward);
        assertThat(forward.amount()).isEqualByComparingTo(exact);
    }

    @Property(tries = 300)
    void multiplyingByAQuantityEqualsRepeatedAddition(@ForAll("euros") Money price, @ForAll("quantities") Integer quantity) {
        Money repeated = Money.zero("EUR");
        for (int i = 0; i < quantity; i++) {
            repeated = repeated.plus(price);
        }
        assertThat(price.times(BigDecimal.valueOf(quantity))).isEqualTo(repeated);
    }

    @Property(tries = 200)
    void mixingCurrenciesIsAlwaysRefused(@ForAll("euros") Money euros) {
        Money dollars = Money.of(euros.amount(), "USD");
        assertThatThrownBy(() -> euros.plus(dollars)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> euros.minus(dollars)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> euros.compareTo(dollars)).isInstanceOf(CurrencyMismatchException.class);
    }
}
