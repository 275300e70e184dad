package dev.rapport.crm.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldDefinitionTest {

    private static void assertRefused(Runnable making, String field) {
        assertThatThrownBy(making::run).isInstanceOf(CrmValidationException.class)
                .extracting(e -> ((CrmValidationException) e).field()).isEqualTo(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "tier", "contract_tier", "x1", "a234567890123456789012345678901234567890123456789012345678901b"})
    void lowerCaseIdentifiersAreKeys(String key) {
        assertThat(FieldDefinition.of(key, FieldType.TEXT).key()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Tier", "1st", "_x", "with-dash", "with space", "tier!", "ä",
        "a2345678901234567890123456789012345678901234567890123456789012bc"})
    void otherKeysAreRefused(String key) {
        assertRefused(() -> FieldDefinition.of(key, FieldType.TEXT), "key");
    }

    @Test
    void theLabelDefaultsToTheKey() {
        assertThat(FieldDefinition.of("tier", FieldType.TEXT).label()).isEqualTo("tier");
        assertThat(FieldDefinition.of("tier", FieldType.TEXT).label("Customer tier").label()).isEqualTo("Customer tier");
        assertRefused(() -> FieldDefinition.of("tier", FieldType.TEXT).label(" "), "label");
    }

    @Test
    void constraintsOnlyApplyToTheirTypes() {
        assertRefused(() -> FieldDefinition.of("f", FieldType.TEXT).options("a"), "options");
        assertRefused(() -> FieldDefinition.of("f", FieldType.TEXT).currency("EUR"), "currency");
        assertRefused(() -> FieldDefinition.of("f", FieldType.NUMBER).maxLength(5), "maxLength");
        assertRefused(() -> FieldDefinition.of("f", FieldType.TEXT).range(1, 2), "min");
        assertRefused(() -> FieldDefinition.of("f", FieldType.TEXT).dateRange(LocalDate.MIN, null), "minDate");
        assertRefused(() -> FieldDefinition.of("f", FieldType.TEXT).dateRange(null, LocalDate.MAX), "maxDate");
    }

    @Test
    void badConstraintsAreRefused() {
        assertRefused(() -> FieldDefinition.of("f", FieldType.ENUM).options("a", "a"), "options");
        assertRefused(() -> FieldDefinition.of("f", FieldType.ENUM).options("a", " "), "options");
        assertRefused(() -> FieldDefinition.of("f", FieldType.MONEY).currency("XYZ1"), "currency");
        assertRefused(() -> FieldDefinition.of("f", FieldType.TEXT).maxLength(0), "maxLength");
        assertRefused(() -> FieldDefinition.of("f", FieldType.TEXT).maxLength(FieldDefinition.TEXT_LIMIT + 1),
                "maxLength");
        assertRefused(() -> FieldDefinition.of("f", FieldType.NUMBER).range(5, 1), "max");
        assertRefused(() -> FieldDefinition.of("f", FieldType.NUMBER).range(new BigDecimal("0.5"), null), "min");
        assertRefused(() -> FieldDefinition.of("f", FieldType.DATE)
                .dateRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)), "maxDate");
    }

    @Test
    void aDefaultMustSatisfyTheDefinition() {
        assertRefused(() -> FieldDefinition.of("f", FieldType.NUMBER).range(1, 5).defaultValue(FieldValue.number(9)),
                "defaultValue");
        assertRefused(() -> FieldDefinition.of("f", FieldType.NUMBER).defaultValue(FieldValue.text("x")),
                "defaultValue");
        assertThat(FieldDefinition.of("f", FieldType.BOOLEAN).defaultValue(FieldValue.bool(true)).defaultValue())
                .isEqualTo(FieldValue.bool(true));
    }

    @Test
    void aValueOfAnotherTypeNamesBothTypes() {
        assertThat(FieldDefinition.of("renewal", FieldType.DATE).violation(FieldValue.text("soon")))
                .contains("expected DATE but was TEXT");
        assertThat(FieldDefinition.of("n", FieldType.NUMBER).violation(FieldValue.decimal(BigDecimal.ONE)))
                .contains("expected NUMBER but was DECIMAL");
    }

    @Test
    void textLongerThanItsMaximumIsRefused() {
        FieldDefinition code = FieldDefinition.of("code", FieldType.TEXT).maxLength(3);
        assertThat(code.violation(FieldValue.text("abc"))).isEmpty();
        assertThat(code.violation(FieldValue.text("abcd"))).contains("must be at most 3 characters");
        assertThat(FieldDefinition.of("note", FieldType.TEXT).violation(
                FieldValue.text("x".repeat(FieldDefinition.TEXT_LIMIT + 1))))
                .contains("must be at most " + FieldDefinition.TEXT_LIMIT + " characters");
    }

    @Test
    void numbersOutsideTheirRangeAreRefusedAndTheBoundsAreIncluded() {
        FieldDefinition seats = FieldDefinition.of("seats", FieldType.NUMBER).range(1, 100);
        assertThat(seats.violation(FieldValue.number(1))).isEmpty();
        assertThat(seats.violation(FieldValue.number(100))).isEmpty();
        assertThat(seats.violation(FieldValue.number(0))).contains("must be at least 1");
        assertThat(seats.violation(FieldValue.number(101))).contains("must be at most 100");
    }

    @Test
    void decimalsOutsideTheirRangeAreRefused() {
        FieldDefinition share = FieldDefinition.of("share", FieldType.DECIMAL)
                .range(new BigDecimal("0.00"), new BigDecimal("1.00"));
        assertThat(share.violation(FieldValue.decimal(new BigDecimal("0.5")))).isEmpty();
        assertThat(share.violation(FieldValue.decimal(new BigDecimal("-0.01")))).contains("must be at least 0.00");
        assertThat(share.violation(FieldValue.decimal(new BigDecimal("1.001")))).contains("must be at most 1.00");
        FieldDefinition open = FieldDefinition.of("open", FieldType.DECIMAL).range(null, BigDecimal.TEN);
        assertThat(open.violation(FieldValue.decimal(new BigDecimal("-1000")))).isEmpty();
    }

    @Test
    void datesOutsideTheirRangeAreRefused() {
        FieldDefinition day = FieldDefinition.of("day", FieldType.DATE)
                .dateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(day.violation(FieldValue.date(LocalDate.of(2026, 1, 1)))).isEmpty();
        assertThat(day.violation(FieldValue.date(LocalDate.of(2025, 12, 31)))).contains("must not be before 2026-01-01");
        assertThat(day.violation(FieldValue.date(LocalDate.of(2027, 1, 1)))).contains("must not be after 2026-12-31");
    }

    @Test
    void onlyListedOptionsAreAllowed() {
        FieldDefinition tier = FieldDefinition.of("tier", FieldType.ENUM).options("bronze", "silver", "gold");
        assertThat(tier.violation(FieldValue.choice("gold"))).isEmpty();
        assertThat(tier.violation(FieldValue.choice("platinum"))).contains("is not one of the allowed options");
        assertThat(tier.violation(FieldValue.choice("Gold"))).contains("is not one of the allowed options");
    }

    @Test
    void moneyInAnotherCurrencyThanTheFixedOneIsRefused() {
        FieldDefinition price = FieldDefinition.of("price", FieldType.MONEY).currency("eur");
        assertThat(price.violation(FieldValue.money(Money.of("5.00", "EUR")))).isEmpty();
        assertThat(price.violation(FieldValue.money(Money.of("5.00", "USD"))))
                .contains("expected currency EUR but was USD");
        assertThat(FieldDefinition.of("any", FieldType.MONEY).violation(FieldValue.money(Money.of("5", "JPY"))))
                .isEmpty();
    }

    @Test
    void booleansHaveNoConstraintButTheirType() {
        FieldDefinition flag = FieldDefinition.of("vip", FieldType.BOOLEAN);
        assertThat(flag.violation(FieldValue.bool(false))).isEmpty();
        assertThat(flag.violation(FieldValue.number(1))).contains("expected BOOLEAN but was NUMBER");
    }
}
