package dev.rapport.crm.field;

import dev.rapport.crm.internal.Checks;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The custom field values of one record, by field key, immutable. Which keys are allowed and
 * with which types is decided by the entity type's schema when the record is stored.
 *
 * <pre>{@code
 * CustomFields fields = CustomFields.empty().with("tier", FieldValue.choice("gold"));
 * fields.get("tier");   // Optional[Choice[option=gold]]
 * }</pre>
 */
public final class CustomFields {
    private static final CustomFields EMPTY = new CustomFields(new TreeMap<>());

    private final Map<String, FieldValue> values;

    private CustomFields(TreeMap<String, FieldValue> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * No values.
     *
     * @return the empty set of values
     */
    public static CustomFields empty() {
        return EMPTY;
    }

    /**
     * Values from a map.
     *
     * @param values the values by field key
     * @return the values
     * @throws dev.rapport.crm.CrmValidationException if a key is blank or a value missing
     */
    public static CustomFields of(Map<String, FieldValue> values) {
        TreeMap<String, FieldValue> copy = new TreeMap<>();
        values.forEach((k, v) -> copy.put(Checks.nonBlank(k, "customFields.key"),
                Checks.notNull(v, "customFields." + k)));
        return copy.isEmpty() ? EMPTY : new CustomFields(copy);
    }

    /**
     * The value of a field.
     *
     * @param key the field key
     * @return the value, or empty if not set
     */
    public Optional<FieldValue> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * A copy with one value set.
     *
     * @param key the field key
     * @param value the value
     * @return the new values
     */
    public CustomFields with(String key, FieldValue value) {
        TreeMap<String, FieldValue> copy = new TreeMap<>(values);
        copy.put(Checks.nonBlank(key, "customFields.key"), Checks.notNull(value, "customFields." + key));
        return new CustomFields(copy);
    }

    /**
     * A copy without a field.
     *
     * @param key the field key
     * @return the new values
     */
    public CustomFields without(String key) {
        if (!values.containsKey(key)) {
            return this;
        }
        TreeMap<String, FieldValue> copy = new TreeMap<>(values);
        copy.remove(key);
        return copy.isEmpty() ? EMPTY : new CustomFields(copy);
    }

    /**
     * All values, by key in key order.
     *
     * @return an unmodifiable view
     */
    public Map<String, FieldValue> asMap() {
        return values;
    }

    /**
     * Whether no value is set.
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomFields other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
