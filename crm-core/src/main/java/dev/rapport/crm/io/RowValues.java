package dev.rapport.crm.io;

import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The cleansed values of one row by field, with typed access. Every parse failure rejects the row,
 * naming the column and the value as read.
 */
final class RowValues {
    /** One field's value: the column it came from, the raw value and the cleansed value. */
    record Cell(@Nullable String column, @Nullable String raw, @Nullable String value) {
    }

    private final long line;
    private final Map<String, Cell> cells;
    private final ImportMapping mapping;
    private final List<DateTimeFormatter> dateFormats;

    RowValues(long line, Map<String, Cell> cells, ImportMapping mapping, List<DateTimeFormatter> dateFormats) {
        this.line = line;
        this.cells = cells;
        this.mapping = mapping;
        this.dateFormats = dateFormats;
    }

    long line() {
        return line;
    }

    boolean has(String field) {
        Cell cell = cells.get(field);
        return cell != null && cell.value() != null;
    }

    /** The column a field came from, or the field's name when no column maps to it. */
    String column(String field) {
        Cell cell = cells.get(field);
        return cell == null || cell.column() == null ? field : cell.column();
    }

    @Nullable String raw(String field) {
        Cell cell = cells.get(field);
        return cell == null ? null : cell.raw();
    }

    RowRejected reject(String field, String reason) {
        return new RowRejected(column(field), raw(field), reason);
    }

    @Nullable String text(String field) {
        Cell cell = cells.get(field);
        return cell == null ? null : cell.value();
    }

    String required(String field) {
        String v = text(field);
        if (v == null) {
            throw new RowRejected(column(field), null, "is required");
        }
        return v;
    }

    @Nullable BigDecimal decimal(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(v.replace(" ", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw reject(field, "is not a number");
        }
        BigDecimal factor = mapping.scaleOf(field);
        return factor == null ? number : number.multiply(factor);
    }

    @Nullable Integer integer(String field) {
        BigDecimal number = decimal(field);
        if (number == null) {
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw reject(field, "is not a whole number");
        }
    }

    @Nullable Money money(String field) {
        BigDecimal amount = decimal(field);
        if (amount == null) {
            return null;
        }
        String code = text("currency");
        Currency currency;
        if (code != null) {
            try {
                currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw reject("currency", "is not an ISO 4217 code");
            }
        } else if (mapping.currency() != null) {
            currency = mapping.currency();
        } else {
            throw reject(field, "needs a currency: map a currency column or set the mapping's currency");
        }
        int scale = Math.max(0, currency.getDefaultFractionDigits());
        if (amount.stripTrailingZeros().scale() > scale) {
            throw reject(field, "has more decimals than " + currency.getCurrencyCode() + " allows");
        }
        return new Money(amount, currency);
    }

    @Nullable LocalDate date(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        for (DateTimeFormatter format : dateFormats) {
            try {
                return LocalDate.parse(v, format);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        throw reject(field, "is not a date in the formats " + mapping.datePatterns());
    }

    <E extends Enum<E>> @Nullable E enumValue(String field, Class<E> type) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        String name = v.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw reject(field, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static List<DateTimeFormatter> formats(ImportMapping mapping) {
        return mapping.datePatterns().stream()
                .map(p -> DateTimeFormatter.ofPattern(p.replace("yyyy", "uuuu"), Locale.ROOT)
                        .withResolverStyle(ResolverStyle.STRICT))
                .toList();
    }

    static Map<String, Cell> newCells() {
        return new HashMap<>();
    }
}
