package dev.rapport.crm.workflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The field values of the entity a rule is selected for, by field path: the same paths the JSON
 * condition language names ({@code lifecycleStage}, {@code tags}, {@code custom.region}). A path
 * without a value is missing, with the one meaning missing values have everywhere: every
 * comparison with it is false ({@code !=} included), {@code exists} is false, {@code not} inverts.
 * Values are converted once, when the facts are built: any {@link Number} to a decimal (so 5
 * equals 5.0), an {@link Enum} to its name, a collection of strings to a tag set; strings,
 * booleans, {@link LocalDate dates} and {@link Instant instants} are kept. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * Facts facts = Facts.builder()
 *     .put("lifecycleStage", LifecycleStage.LEAD)
 *     .put("custom.region", "EU")
 *     .put("tags", Set.of("vip"))
 *     .now(clock.instant())          // only "days-since" needs it
 *     .build();
 * List<Rule> hits = selector.select("ContactUpdated", facts);
 * }</pre>
 */
public final class Facts {
    private static final Facts EMPTY = new Facts(Map.of(), null, null);

    private final Map<String, Object> values;
    private final @Nullable Instant now;
    private final @Nullable Set<String> changed;

    private Facts(Map<String, Object> values, @Nullable Instant now, @Nullable Set<String> changed) {
        this.values = values;
        this.now = now;
        this.changed = changed;
    }

    /**
     * Facts with no values.
     *
     * @return the facts
     */
    public static Facts empty() {
        return EMPTY;
    }

    /**
     * Facts from a map of field path to value; null values are missing.
     *
     * @param values the values
     * @return the facts
     * @throws IllegalArgumentException if a value is of a type facts cannot hold, naming its path
     */
    public static Facts of(Map<String, ?> values) {
        Builder b = builder();
        values.forEach(b::put);
        return b.build();
    }

    /**
     * Starts building facts.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A value, converted as described in the class comment.
     *
     * @param path the field path
     * @return the value, or empty when missing
     */
    public Optional<Object> get(String path) {
        return Optional.ofNullable(values.get(path));
    }

    @Nullable Object value(String path) {
        return values.get(path);
    }

    @Nullable Instant now() {
        return now;
    }

    /** The paths the triggering change set; null means all (a creation). */
    @Nullable Set<String> changed() {
        return changed;
    }

    @Override
    public String toString() {
        // Values may be personal data: only the paths are shown.
        return "Facts" + new TreeSet<>(values.keySet());
    }

    /** Numbers are held stripped of trailing zeros, so equal numbers are equal map keys. */
    static BigDecimal number(BigDecimal n) {
        return n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
    }

    static Object convert(String path, Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof LocalDate
                || value instanceof Instant) {
            return value;
        }
        if (value instanceof BigDecimal d) {
            return number(d);
        }
        if (value instanceof Number n) {
            return number(new BigDecimal(n.toString()));
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Collection<?> c) {
            TreeSet<String> tags = new TreeSet<>();
            for (Object o : c) {
                if (!(o instanceof String s)) {
                    throw new IllegalArgumentException("fact '" + path + "': a collection must hold only strings");
                }
                tags.add(s);
            }
            return Collections.unmodifiableSortedSet(tags);
        }
        if (value instanceof dev.rapport.crm.revenue.Money) {
            return value;
        }
        throw new IllegalArgumentException("fact '" + path + "': unsupported value type "
                + value.getClass().getSimpleName());
    }

    /**
     * Builds {@link Facts}; a later value for a path replaces an earlier one.
     *
     * <pre>{@code
     * Facts f = Facts.builder().put("employees", 1200).put("industry", "Retail").build();
     * }</pre>
     */
    public static final class Builder {
        private final Map<String, Object> values = new HashMap<>();
        private @Nullable Instant now;
        private @Nullable Set<String> changed;

        private Builder() {
        }

        /**
         * Sets a value; null makes the path missing.
         *
         * @param path the field path
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the value is of a type facts cannot hold, naming the path
         */
        public Builder put(String path, @Nullable Object value) {
            Objects.requireNonNull(path, "path");
            if (value == null) {
                values.remove(path);
            } else {
                // Paths are a small vocabulary: the canonical instance makes lookups compare by identity.
                values.put(path.intern(), convert(path, value));
            }
            return this;
        }

        /**
         * The time {@code days-since} conditions count from (take it from the clock).
         *
         * @param value the time
         * @return this builder
         */
        public Builder now(Instant value) {
            now = Objects.requireNonNull(value, "now");
            return this;
        }

        /**
         * The paths the triggering change set, for {@code changed-to}; without it every path
         * counts as changed (as for a creation).
         *
         * @param paths the changed paths
         * @return this builder
         */
        public Builder changed(Collection<String> paths) {
            changed = Set.copyOf(paths);
            return this;
        }

        /**
         * Builds the facts.
         *
         * @return the facts
         */
        public Facts build() {
            return new Facts(Map.copyOf(values), now, changed);
        }
    }
}
