package dev.rapport.crm.workflow.spi;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration a rule gives an action: plain JSON values (text, numbers as
 * {@link BigDecimal}, booleans, lists and nested maps of these), read with typed accessors that
 * fail with an {@link ActionConfigException} naming the key.
 *
 * <pre>{@code
 * ActionConfig config = ActionConfig.of(Map.of("channel", "#sales", "retries", 3));
 * String channel = config.text("channel");
 * int retries = config.integer("retries");
 * }</pre>
 */
public final class ActionConfig {
    private final Map<String, Object> values;

    private ActionConfig(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * A configuration from plain values; integers are widened to {@link BigDecimal}.
     *
     * @param values the values by key
     * @return the configuration
     */
    public static ActionConfig of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, normalize(v)));
        return new ActionConfig(Collections.unmodifiableMap(copy));
    }

    private static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return value;
    }

    /**
     * The keys given.
     *
     * @return the keys
     */
    public Set<String> keys() {
        return values.keySet();
    }

    /**
     * A required text value.
     *
     * @param key the key
     * @return the text
     * @throws ActionConfigException if missing, blank or not text
     */
    public String text(String key) {
        return optionalText(key).orElseThrow(() -> new ActionConfigException(key, "is required"));
    }

    /**
     * An optional text value.
     *
     * @param key the key
     * @return the text, if given
     * @throws ActionConfigException if given but not non-blank text
     */
    public Optional<String> optionalText(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw new ActionConfigException(key, "must be non-blank text");
        }
        return Optional.of(s);
    }

    /**
     * A required number.
     *
     * @param key the key
     * @return the number
     * @throws ActionConfigException if missing or not a number
     */
    public BigDecimal number(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new ActionConfigException(key, "is required");
        }
        if (!(v instanceof BigDecimal d)) {
            throw new ActionConfigException(key, "must be a number");
        }
        return d;
    }

    /**
     * A required whole number that fits an {@code int}.
     *
     * @param key the key
     * @return the number
     * @throws ActionConfigException if missing, not a number, or not whole
     */
    public int integer(String key) {
        BigDecimal d = number(key);
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            throw new ActionConfigException(key, "must be a whole number");
        }
    }

    /**
     * An optional boolean.
     *
     * @param key the key
     * @param fallback the value when the key is absent
     * @return the boolean
     * @throws ActionConfigException if given but not a boolean
     */
    public boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new ActionConfigException(key, "must be true or false");
        }
        return b;
    }

    /**
     * A required list of text values.
     *
     * @param key the key
     * @return the texts
     * @throws ActionConfigException if missing, empty, or holding something other than text
     */
    public List<String> texts(String key) {
        Object v = values.get(key);
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new ActionConfigException(key, "must be a non-empty list of text");
        }
        for (Object o : list) {
            if (!(o instanceof String s) || s.isBlank()) {
                throw new ActionConfigException(key, "must be a non-empty list of text");
            }
        }
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) list;
        return List.copyOf(texts);
    }

    @Override
    public String toString() {
        return "ActionConfig" + values.keySet();
    }
}
