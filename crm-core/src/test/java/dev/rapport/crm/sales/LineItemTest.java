package dev.rapport.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineItemTest {
    private static final ProductId SEAT = ProductId.of("seat");

    private static final Gen<BigDecimal> PRICES = Gen.bigDecimals(BigDecimal.ZERO, new BigDecimal("99999.99"), 2);
    private static final Gen<BigDecimal> QUANTITIES = Gen.bigDecimals(new BigDecimal("0.001"), new BigDecimal("1000"), 3);
    private static final Gen<BigDecimal> DISCOUNTS = Gen.bigDecimals(BigDecimal.ZERO, new BigDecimal("100"), 2);

    @Test
    void theTotalIsPriceTimesQuantityLessTheDiscountPercentage() {
        LineItem seats = LineItem.of(SEAT, 40, Money.of("120.00", "EUR")).withDiscount(new BigDecimal("12.5"));
        assertThat(seats.gross()).isEqualTo(Money.of("4800.00", "EUR"));
        assertThat(seats.total()).isEqualTo(Money.of("4200.00", "EUR"));
    }

    @Test
    void theTotalIsRoundedOnceHalfEvenToTheMinorUnit() {
        // 3 x 0.35 = 1.05; 50% off = 0.525 -> 0.52 (half-even), not 0.53
        LineItem item = LineItem.of(SEAT, 3, Money.of("0.35", "EUR")).withDiscount(new BigDecimal("50"));
        assertThat(item.total()).isEqualTo(Money.of("0.52", "EUR"));
    }

    @Test
    void quantitiesMayBeFractions() {
        LineItem hours = LineItem.of(ProductId.of("consulting-hour"), new BigDecimal("2.5"), Money.of("100", "USD"));
        assertThat(hours.total()).isEqualTo(Money.of("250.00", "USD"));
    }

    @Test
    void aQuantityMustBeAboveZero() {
        assertThatThrownBy(() -> LineItem.of(SEAT, 0, Money.of("1", "EUR")))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("quantity");
        assertThatThrownBy(() -> LineItem.of(SEAT, new BigDecimal("-1"), Money.of("1", "EUR")))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("quantity");
    }

    @Test
    void aUnitPriceMustNotBeNegative() {
        assertThatThrownBy(() -> LineItem.of(SEAT, 1, Money.of("-1", "EUR")))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("unitPrice");
    }

    @Test
    void aDiscountMustBeAPercentageBetweenZeroAndHundred() {
        LineItem item = LineItem.of(SEAT, 1, Money.of("10", "EUR"));
        assertThatThrownBy(() -> item.withDiscount(new BigDecimal("100.01")))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("discount");
        assertThatThrownBy(() -> item.withDiscount(new BigDecimal("-1")))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("discount");
        assertThat(item.withDiscount(new BigDecimal("100")).total().isZero()).isTrue();
    }

    @Test
    void equalNumbersMakeEqualLines() {
        assertThat(new LineItem(SEAT, new BigDecimal("2.00"), Money.of("1", "EUR"), new BigDecimal("10.0")))
                .isEqualTo(new LineItem(SEAT, new BigDecimal("2"), Money.of("1", "EUR"), BigDecimal.TEN));
    }

    @Test
    void theTotalEqualsTheExactProductRoundedOnce() {
        PropertyCheck.forAll(PRICES, QUANTITIES, DISCOUNTS).tries(500).check((price, quantity, discount) -> {
            LineItem item = new LineItem(SEAT, quantity, Money.of(price, "EUR"), discount);
            BigDecimal exact = price.multiply(quantity).multiply(BigDecimal.valueOf(100).subtract(discount))
                    .divide(BigDecimal.valueOf(100));
            assertThat(item.total().amount()).isEqualTo(exact.setScale(2, RoundingMode.HALF_EVEN));
            // never more than the gross, never below zero, off from the exact value by at most half a cent
            assertThat(item.total()).isLessThanOrEqualTo(item.gross());
            assertThat(item.total().isNegative()).isFalse();
            assertThat(item.total().amount().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
        });
    }

    @Test
    void wholeQuantitiesWithoutDiscountAreExactMultiples() {
        PropertyCheck.forAll(PRICES, Gen.integers(1, 10_000)).tries(500).check((price, quantity) -> {
            Money unit = Money.of(price, "EUR");
            Money repeated = Money.zero("EUR");
            for (int i = 0; i < Math.min(quantity, 50); i++) {
                repeated = repeated.plus(unit);
            }
            LineItem item = LineItem.of(SEAT, quantity, unit);
            assertThat(item.total()).isEqualTo(unit.times(BigDecimal.valueOf(quantity)));
            if (quantity <= 50) {
                assertThat(item.total()).isEqualTo(repeated);
            }
        });
    }

    @Test
    void theOpportunityAmountIsExactlyTheSumOfItsLineTotals() {
        Gen<LineItem> lines = Gen.zip(PRICES, QUANTITIES, (p, q) -> LineItem.of(SEAT, q, Money.of(p, "EUR")))
                .flatMap(l -> DISCOUNTS.map(l::withDiscount));
        PropertyCheck.forAll(Gen.lists(lines, 1, 12)).tries(300).check(list -> {
            List<LineItem> distinct = new java.util.ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                LineItem l = list.get(i);
                distinct.add(new LineItem(ProductId.of("p" + i), l.quantity(), l.unitPrice(), l.discountPercent()));
            }
            BigDecimal expected = distinct.stream().map(l -> l.total().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(Opportunity.sum(distinct).amount()).isEqualByComparingTo(expected);
            assertThat(Opportunity.sum(distinct).amount().scale()).isEqualTo(2);
        });
    }
}
