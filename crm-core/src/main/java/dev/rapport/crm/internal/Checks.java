package dev.rapport.crm.internal;

import dev.rapport.crm.CrmValidationException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks that throw {@link CrmValidationException} naming the field. Internal: not API.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Requires a value.
     *
     * @param value the value
     * @param field the field name for the error
     * @param <T> the value type
     * @return the value
     * @throws CrmValidationException if the value is null
     */
    public static <T> T notNull(@Nullable T value, String field) {
        if (value == null) {
            throw new CrmValidationException(field, "is required");
        }
        return value;
    }

    /**
     * Requires a non-blank string and returns it trimmed and in Unicode NFC.
     *
     * @param value the value
     * @param field the field name for the error
     * @return the trimmed value
     * @throws CrmValidationException if the value is null or blank
     */
    public static String nonBlank(@Nullable String value, String field) {
        if (value == null) {
            throw new CrmValidationException(field, "is required");
        }
        String trimmed = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (trimmed.isEmpty()) {
            throw new CrmValidationException(field, "must not be blank");
        }
        return trimmed;
    }

    /**
     * Trims an optional string; blank becomes null.
     *
     * @param value the value or null
     * @return the trimmed value, or null when absent or blank
     */
    public static @Nullable String optional(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * Requires a string of at most {@code max} characters.
     *
     * @param value the value or null
     * @param max the maximum length
     * @param field the field name for the error
     * @return the value
     * @throws CrmValidationException if the value is longer
     */
    public static @Nullable String maxLength(@Nullable String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new CrmValidationException(field, "must be at most " + max + " characters");
        }
        return value;
    }

    /**
     * Requires a non-negative amount.
     *
     * @param value the value
     * @param field the field name for the error
     * @return the value
     * @throws CrmValidationException if the value is null or negative
     */
    public static BigDecimal nonNegative(@Nullable BigDecimal value, String field) {
        notNull(value, field);
        if (value.signum() < 0) {
            throw new CrmValidationException(field, "must not be negative");
        }
        return value;
    }

    /**
     * Requires a non-negative number.
     *
     * @param value the value
     * @param field the field name for the error
     * @return the value
     * @throws CrmValidationException if the value is negative
     */
    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new CrmValidationException(field, "must not be negative");
        }
        return value;
    }

    /**
     * Requires a positive version number (aggregates start at version 1).
     *
     * @param version the version
     * @return the version
     * @throws CrmValidationException if it is less than 1
     */
    public static long version(long version) {
        if (version < 1) {
            throw new CrmValidationException("version", "must be at least 1");
        }
        return version;
    }

    /**
     * Requires a condition.
     *
     * @param condition the condition that must hold
     * @param field the field name for the error
     * @param reason the reason when it does not hold
     * @throws CrmValidationException if the condition is false
     */
    public static void check(boolean condition, String field, String reason) {
        if (!condition) {
            throw new CrmValidationException(field, reason);
        }
    }

    /**
     * An immutable copy of a list whose elements must not be null.
     *
     * @param values the list or null (taken as empty)
     * @param field the field name for the error
     * @param <T> the element type
     * @return an unmodifiable copy
     * @throws CrmValidationException if an element is null
     */
    public static <T> List<T> list(@Nullable Collection<? extends T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (T value : values) {
            if (value == null) {
                throw new CrmValidationException(field, "must not contain null");
            }
        }
        return List.copyOf(values);
    }
}
