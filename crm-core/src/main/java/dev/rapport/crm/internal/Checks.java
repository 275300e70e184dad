package dev.rapport.crm.internal;

import dev.rapport.crm.CrmValidationException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks that throw {@link CrmValidationException} naming the field. Internal: not API.
 */
public final class Checks {
    /**
     * The class of the JDK's immutable lists of one or two elements, which refuse null when made.
     * (Its lists of more may hold null: {@code Stream.toList()} makes them.)
     */
    private static final Class<?> IMMUTABLE_SMALL = List.of(1).getClass();

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
        String trimmed = nfc(value.strip());
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
        String trimmed = nfc(value.strip());
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
        if (values.getClass() == IMMUTABLE_SMALL || values == List.of()) {
            // Holds no null and is what copyOf would return: records are rebuilt on every
            // change, each time with the (mostly short) lists of the one before.
            @SuppressWarnings("unchecked")
            List<T> same = (List<T>) values;
            return same;
        }
        if (values instanceof List<? extends T> list && values instanceof java.util.RandomAccess) {
            // Records are rebuilt on every change: checking by index spares an iterator each time.
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) {
                    throw new CrmValidationException(field, "must not contain null");
                }
            }
        } else {
            for (T value : values) {
                if (value == null) {
                    throw new CrmValidationException(field, "must not contain null");
                }
            }
        }
        return List.copyOf(values);
    }

    /**
     * The text in Unicode normalization form C. Text made only of characters below U+0300 (where
     * the combining marks start) is already in that form and is returned as it is, without the
     * cost of the normalizer.
     *
     * @param value the text
     * @return the same text in form C
     */
    public static String nfc(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= '\u0300') {
                return Normalizer.normalize(value, Normalizer.Form.NFC);
            }
        }
        return value;
    }

    /**
     * Normalizes a set of tags: each trimmed, in form C, not blank, at most 100 characters; the
     * result is sorted and immutable. A set this method made is returned as it is.
     *
     * @param tags the tags or null
     * @return the normalized tags, empty when none
     * @throws CrmValidationException naming {@code tags} if one is blank or too long
     */
    public static Set<String> tags(@Nullable Set<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return Set.of();
        }
        if (tags instanceof Tags) {
            return tags;
        }
        TreeSet<String> normalized = new TreeSet<>();
        for (String tag : tags) {
            normalized.add(maxLength(nonBlank(tag, "tags"), 100, "tags"));
        }
        return new Tags(normalized);
    }

    /** Normalized tags: sorted, read-only. */
    private static final class Tags extends AbstractSet<String> {
        private final TreeSet<String> tags;

        Tags(TreeSet<String> tags) {
            this.tags = tags;
        }

        @Override
        public Iterator<String> iterator() {
            return Collections.unmodifiableSet(tags).iterator();
        }

        @Override
        public int size() {
            return tags.size();
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof String && tags.contains(o);
        }
    }
}
