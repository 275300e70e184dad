package dev.rapport.crm.field;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The definition of one custom field: its key, label, type, whether it is required, and the
 * constraints its type allows. Immutable: every fluent method returns a new definition, checked
 * as it is made.
 *
 * <ul>
 *   <li>{@code key}: a lower-case identifier, {@code [a-z][a-z0-9_]{0,62}};</li>
 *   <li>TEXT: an optional {@code maxLength} (every text is at most {@value #TEXT_LIMIT} characters);</li>
 *   <li>NUMBER and DECIMAL: optional {@code min} and {@code max} (whole numbers for NUMBER);</li>
 *   <li>DATE: optional {@code minDate} and {@code maxDate};</li>
 *   <li>ENUM: the allowed {@code options} (at least one before the field can be defined);</li>
 *   <li>MONEY: optionally one fixed {@code currency};</li>
 *   <li>any type: an optional {@code defaultValue}, which a record without a value of its own
 *       reads (see {@link CustomFieldSchema#valueOf}); a required field with a default is
 *       satisfied by it.</li>
 * </ul>
 *
 * <pre>{@code
 * FieldDefinition tier = FieldDefinition.of("tier", FieldType.ENUM)
 *         .label("Customer tier")
 *         .options("bronze", "silver", "gold")
 *         .required(true)
 *         .defaultValue(FieldValue.choice("bronze"));
 * FieldDefinition seats = FieldDefinition.of("seats", FieldType.NUMBER).range(1, 10_000);
 * }</pre>
 *
 * @param key the field key, e.g. {@code "contract_tier"}
 * @param label the label shown to users
 * @param type the field type
 * @param required whether every record must have a value (its own or the default)
 * @param options the allowed options of an ENUM field, in display order; empty for other types
 * @param currency the fixed currency of a MONEY field, or null for any currency
 * @param maxLength the maximum length of a TEXT field, or null for the general limit
 * @param min the minimum of a NUMBER or DECIMAL field, or null
 * @param max the maximum of a NUMBER or DECIMAL field, or null
 * @param minDate the earliest date of a DATE field, or null
 * @param maxDate the latest date of a DATE field, or null
 * @param defaultValue the value a record without one reads, or null
 */
public record FieldDefinition(String key, String label, FieldType type, boolean required, List<String> options,
        @Nullable Currency currency, @Nullable Integer maxLength, @Nullable BigDecimal min, @Nullable BigDecimal max,
        @Nullable LocalDate minDate, @Nullable LocalDate maxDate, @Nullable FieldValue defaultValue) {

    /** The most characters any TEXT value may have. */
    public static final int TEXT_LIMIT = 10_000;

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /**
     * Validates the definition.
     *
     * @param key the field key, e.g. {@code "contract_tier"}
     * @param label the label shown to users
     * @param type the field type
     * @param required whether every record must have a value (its own or the default)
     * @param options the allowed options of an ENUM field, in display order; empty for other types
     * @param currency the fixed currency of a MONEY field, or null for any currency
     * @param maxLength the maximum length of a TEXT field, or null for the general limit
     * @param min the minimum of a NUMBER or DECIMAL field, or null
     * @param max the maximum of a NUMBER or DECIMAL field, or null
     * @param minDate the earliest date of a DATE field, or null
     * @param maxDate the latest date of a DATE field, or null
     * @param defaultValue the value a record without one reads, or null
     * @throws CrmValidationException naming the part that is invalid: {@code key}, {@code label},
     *     {@code type}, {@code options}, {@code currency}, {@code maxLength}, {@code min}, {@code max},
     *     {@code minDate}, {@code maxDate} or {@code defaultValue}
     */
    public FieldDefinition {
        Checks.notNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new CrmValidationException("key",
                    "must be a lower-case identifier: a letter, then up to 62 letters, digits or underscores");
        }
        label = Checks.maxLength(Checks.nonBlank(label, "label"), 200, "label");
        Checks.notNull(type, "type");
        options = Checks.list(options, "options");
        if (!options.isEmpty()) {
            only(type, FieldType.ENUM, "options");
            List<String> trimmed = options.stream().map(o -> Checks.maxLength(Checks.nonBlank(o, "options"), 200,
                    "options")).toList();
            if (new HashSet<>(trimmed).size() != trimmed.size()) {
                throw new CrmValidationException("options", "must not list an option twice");
            }
            options = trimmed;
        }
        if (currency != null) {
            only(type, FieldType.MONEY, "currency");
        }
        if (maxLength != null) {
            only(type, FieldType.TEXT, "maxLength");
            if (maxLength < 1 || maxLength > TEXT_LIMIT) {
                throw new CrmValidationException("maxLength", "must be between 1 and " + TEXT_LIMIT);
            }
        }
        if (min != null || max != null) {
            if (type != FieldType.NUMBER && type != FieldType.DECIMAL) {
                throw new CrmValidationException(min != null ? "min" : "max", "applies only to NUMBER and DECIMAL fields");
            }
            if (type == FieldType.NUMBER) {
                whole(min, "min");
                whole(max, "max");
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw new CrmValidationException("max", "must not be less than min");
            }
        }
        if (minDate != null || maxDate != null) {
            only(type, FieldType.DATE, minDate != null ? "minDate" : "maxDate");
            if (minDate != null && maxDate != null && minDate.isAfter(maxDate)) {
                throw new CrmValidationException("maxDate", "must not be before minDate");
            }
        }
        if (defaultValue != null) {
            Optional<String> problem = violation(defaultValue, type, options, currency, maxLength, min, max, minDate,
                    maxDate);
            if (problem.isPresent()) {
                throw new CrmValidationException("defaultValue", problem.get());
            }
        }
    }

    private static void only(FieldType type, FieldType allowed, String field) {
        if (type != allowed) {
            throw new CrmValidationException(field, "applies only to " + allowed + " fields");
        }
    }

    private static void whole(@Nullable BigDecimal bound, String field) {
        if (bound != null && bound.stripTrailingZeros().scale() > 0) {
            throw new CrmValidationException(field, "must be a whole number for a NUMBER field");
        }
    }

    /**
     * An optional field of a type, labelled with its key, without constraints.
     *
     * @param key the field key
     * @param type the type
     * @return the definition
     * @throws CrmValidationException naming {@code key} if it is not a lower-case identifier
     */
    public static FieldDefinition of(String key, FieldType type) {
        return new FieldDefinition(key, key, type, false, List.of(), null, null, null, null, null, null, null);
    }

    /**
     * With a label.
     *
     * @param value the label
     * @return the definition
     * @throws CrmValidationException naming {@code label} if blank
     */
    public FieldDefinition label(String value) {
        return new FieldDefinition(key, value, type, required, options, currency, maxLength, min, max, minDate,
                maxDate, defaultValue);
    }

    /**
     * Required or not.
     *
     * @param value whether the field is required
     * @return the definition
     */
    public FieldDefinition required(boolean value) {
        return new FieldDefinition(key, label, type, value, options, currency, maxLength, min, max, minDate, maxDate,
                defaultValue);
    }

    /**
     * The allowed options of an ENUM field.
     *
     * @param values the options, in display order
     * @return the definition
     * @throws CrmValidationException naming {@code options} if the field is not ENUM or an option is
     *     blank or repeated
     */
    public FieldDefinition options(String... values) {
        return new FieldDefinition(key, label, type, required, List.of(values), currency, maxLength, min, max,
                minDate, maxDate, defaultValue);
    }

    /**
     * The fixed currency of a MONEY field.
     *
     * @param code the ISO 4217 code
     * @return the definition
     * @throws CrmValidationException naming {@code currency} if the field is not MONEY or the code unknown
     */
    public FieldDefinition currency(String code) {
        Currency c;
        try {
            c = Currency.getInstance(Checks.nonBlank(code, "currency").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CrmValidationException("currency", "is not an ISO 4217 code");
        }
        return new FieldDefinition(key, label, type, required, options, c, maxLength, min, max, minDate, maxDate,
                defaultValue);
    }

    /**
     * The maximum length of a TEXT field.
     *
     * @param value the most characters
     * @return the definition
     * @throws CrmValidationException naming {@code maxLength} if the field is not TEXT or the length
     *     is out of range
     */
    public FieldDefinition maxLength(int value) {
        return new FieldDefinition(key, label, type, required, options, currency, value, min, max, minDate, maxDate,
                defaultValue);
    }

    /**
     * The range of a NUMBER or DECIMAL field, bounds included.
     *
     * @param lowest the minimum, or null
     * @param highest the maximum, or null
     * @return the definition
     * @throws CrmValidationException naming {@code min} or {@code max} if the field is not numeric or
     *     the bounds are inverted
     */
    public FieldDefinition range(@Nullable BigDecimal lowest, @Nullable BigDecimal highest) {
        return new FieldDefinition(key, label, type, required, options, currency, maxLength, lowest, highest, minDate,
                maxDate, defaultValue);
    }

    /**
     * The range of a NUMBER or DECIMAL field, bounds included.
     *
     * @param lowest the minimum
     * @param highest the maximum
     * @return the definition
     * @throws CrmValidationException naming {@code min} or {@code max} if the field is not numeric or
     *     the bounds are inverted
     */
    public FieldDefinition range(long lowest, long highest) {
        return range(BigDecimal.valueOf(lowest), BigDecimal.valueOf(highest));
    }

    /**
     * The range of a DATE field, bounds included.
     *
     * @param earliest the earliest date, or null
     * @param latest the latest date, or null
     * @return the definition
     * @throws CrmValidationException naming {@code minDate} or {@code maxDate} if the field is not a
     *     DATE or the bounds are inverted
     */
    public FieldDefinition dateRange(@Nullable LocalDate earliest, @Nullable LocalDate latest) {
        return new FieldDefinition(key, label, type, required, options, currency, maxLength, min, max, earliest,
                latest, defaultValue);
    }

    /**
     * The value a record without one reads.
     *
     * @param value the default, or null for none
     * @return the definition
     * @throws CrmValidationException naming {@code defaultValue} if it does not satisfy the definition
     */
    public FieldDefinition defaultValue(@Nullable FieldValue value) {
        return new FieldDefinition(key, label, type, required, options, currency, maxLength, min, max, minDate,
                maxDate, value);
    }

    /**
     * Why a value does not satisfy this definition, if it does not.
     *
     * <pre>{@code
     * FieldDefinition.of("renewal", FieldType.DATE).violation(FieldValue.text("soon"));
     * // Optional["expected DATE but was TEXT"]
     * }</pre>
     *
     * @param value the value
     * @return the reason, e.g. {@code "expected DATE but was TEXT"}, or empty if the value is valid
     */
    public Optional<String> violation(FieldValue value) {
        Checks.notNull(value, "value");
        return violation(value, type, options, currency, maxLength, min, max, minDate, maxDate);
    }

    private static Optional<String> violation(FieldValue value, FieldType type, List<String> options,
            @Nullable Currency currency, @Nullable Integer maxLength, @Nullable BigDecimal min,
            @Nullable BigDecimal max, @Nullable LocalDate minDate, @Nullable LocalDate maxDate) {
        if (value.type() != type) {
            return Optional.of("expected " + type + " but was " + value.type());
        }
        if (value instanceof FieldValue.Text text) {
            int limit = maxLength != null ? maxLength : TEXT_LIMIT;
            if (text.value().length() > limit) {
                return Optional.of("must be at most " + limit + " characters");
            }
        } else if (value instanceof FieldValue.Number number) {
            return range(BigDecimal.valueOf(number.value()), min, max);
        } else if (value instanceof FieldValue.Decimal decimal) {
            return range(decimal.value(), min, max);
        } else if (value instanceof FieldValue.Date date) {
            if (minDate != null && date.value().isBefore(minDate)) {
                return Optional.of("must not be before " + minDate);
            }
            if (maxDate != null && date.value().isAfter(maxDate)) {
                return Optional.of("must not be after " + maxDate);
            }
        } else if (value instanceof FieldValue.Choice choice) {
            if (!options.contains(choice.option())) {
                return Optional.of("is not one of the allowed options");
            }
        } else if (value instanceof FieldValue.MoneyValue money) {
            if (currency != null && !currency.equals(money.value().currency())) {
                return Optional.of("expected currency " + currency.getCurrencyCode() + " but was "
                        + money.value().currencyCode());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> range(BigDecimal value, @Nullable BigDecimal min, @Nullable BigDecimal max) {
        if (min != null && value.compareTo(min) < 0) {
            return Optional.of("must be at least " + min.toPlainString());
        }
        if (max != null && value.compareTo(max) > 0) {
            return Optional.of("must be at most " + max.toPlainString());
        }
        return Optional.empty();
    }
}
