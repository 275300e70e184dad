package dev.rapport.crm.field;

import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A typed value of a custom field. There is one record per field type, so a value always says
 * what it is; the schema of the entity type decides which fields exist and which type each has.
 *
 * <pre>{@code
 * FieldValue tier = FieldValue.choice("gold");
 * FieldValue seats = FieldValue.number(25);
 * }</pre>
 */
public sealed interface FieldValue {

    /**
     * The field type this value belongs to.
     *
     * @return the type
     */
    FieldType type();

    /**
     * A text value.
     *
     * @param value the text, non-blank
     * @return the value
     */
    static FieldValue text(String value) {
        return new Text(value);
    }

    /**
     * A whole number.
     *
     * @param value the number
     * @return the value
     */
    static FieldValue number(long value) {
        return new Number(value);
    }

    /**
     * A decimal number.
     *
     * @param value the number
     * @return the value
     */
    static FieldValue decimal(BigDecimal value) {
        return new Decimal(value);
    }

    /**
     * A calendar date.
     *
     * @param value the date
     * @return the value
     */
    static FieldValue date(LocalDate value) {
        return new Date(value);
    }

    /**
     * A yes/no value.
     *
     * @param value the flag
     * @return the value
     */
    static FieldValue bool(boolean value) {
        return new Bool(value);
    }

    /**
     * One option of an enumeration field.
     *
     * @param option the option key
     * @return the value
     */
    static FieldValue choice(String option) {
        return new Choice(option);
    }

    /**
     * An amount of money.
     *
     * @param value the amount
     * @return the value
     */
    static FieldValue money(Money value) {
        return new MoneyValue(value);
    }

    /**
     * A text value.
     *
     * @param value the text, non-blank
     */
    record Text(String value) implements FieldValue {
        /**
         * Validates the text.
         *
         * @param value the text, non-blank
         * @throws dev.rapport.crm.CrmValidationException if blank
         */
        public Text {
            value = Checks.nonBlank(value, "value");
        }

        @Override
        public FieldType type() {
            return FieldType.TEXT;
        }
    }

    /**
     * A whole number.
     *
     * @param value the number
     */
    record Number(long value) implements FieldValue {
        @Override
        public FieldType type() {
            return FieldType.NUMBER;
        }
    }

    /**
     * A decimal number.
     *
     * @param value the number
     */
    record Decimal(BigDecimal value) implements FieldValue {
        /**
         * Validates the number.
         *
         * @param value the number
         * @throws dev.rapport.crm.CrmValidationException if missing
         */
        public Decimal {
            Checks.notNull(value, "value");
        }

        @Override
        public FieldType type() {
            return FieldType.DECIMAL;
        }
    }

    /**
     * A calendar date.
     *
     * @param value the date
     */
    record Date(LocalDate value) implements FieldValue {
        /**
         * Validates the date.
         *
         * @param value the date
         * @throws dev.rapport.crm.CrmValidationException if missing
         */
        public Date {
            Checks.notNull(value, "value");
        }

        @Override
        public FieldType type() {
            return FieldType.DATE;
        }
    }

    /**
     * A yes/no value.
     *
     * @param value the flag
     */
    record Bool(boolean value) implements FieldValue {
        @Override
        public FieldType type() {
            return FieldType.BOOLEAN;
        }
    }

    /**
     * One option of an enumeration field.
     *
     * @param option the option key
     */
    record Choice(String option) implements FieldValue {
        /**
         * Validates the option.
         *
         * @param option the option key
         * @throws dev.rapport.crm.CrmValidationException if blank
         */
        public Choice {
            option = Checks.nonBlank(option, "option");
        }

        @Override
        public FieldType type() {
            return FieldType.ENUM;
        }
    }

    /**
     * An amount of money.
     *
     * @param value the amount
     */
    record MoneyValue(Money value) implements FieldValue {
        /**
         * Validates the amount.
         *
         * @param value the amount
         * @throws dev.rapport.crm.CrmValidationException if missing
         */
        public MoneyValue {
            Checks.notNull(value, "value");
        }

        @Override
        public FieldType type() {
            return FieldType.MONEY;
        }
    }
}
