package dev.rapport.crm.metrics;

import dev.rapport.crm.CrmValidationException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** A metric per key; one child accumulator per key seen. */
final class GroupedMetric<T, K, R> implements Metric<T, Map<K, R>> {
    private final Metric<T, R> inner;
    private final Function<? super T, ? extends Collection<? extends K>> keys;

    GroupedMetric(Metric<T, R> inner, Function<? super T, ? extends Collection<? extends K>> keys) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    static <T, K> Function<T, List<K>> single(Function<? super T, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        return item -> {
            K k = key.apply(item);
            if (k == null) {
                throw missingKey();
            }
            return List.of(k);
        };
    }

    private static CrmValidationException missingKey() {
        return new CrmValidationException("groupKey", "is missing; map absent values to an explicit key");
    }

    @Override
    public Accumulator<T, Map<K, R>> newAccumulator() {
        return new Acc();
    }

    @Override
    public Metric<T, Map<K, R>> withoutIds() {
        return new GroupedMetric<>(inner.withoutIds(), keys);
    }

    private final class Acc implements Accumulator<T, Map<K, R>> {
        private final Map<K, Accumulator<T, R>> groups = new LinkedHashMap<>();

        @Override
        public void add(T item) {
            Collection<? extends K> ks = keys.apply(item);
            if (ks == null) {
                throw missingKey();
            }
            Set<K> distinct = new LinkedHashSet<>();
            for (K k : ks) {
                if (k == null) {
                    throw missingKey();
                }
                distinct.add(k);
            }
            for (K k : distinct) {
                Accumulator<T, R> acc = groups.get(k);
                if (acc == null) {
                    Accumulator<T, R> fresh = inner.newAccumulator();
                    fresh.add(item); // only a valid first item creates the group
                    groups.put(k, fresh);
                } else {
                    acc.add(item);
                }
            }
        }

        @Override
        public void merge(Accumulator<T, Map<K, R>> other) {
            if (!(other instanceof GroupedMetric<?, ?, ?>.Acc) || other == this) {
                throw new IllegalArgumentException("not a separate accumulator of a grouped metric");
            }
            @SuppressWarnings("unchecked") // same outer metric type: checked by instanceof above
            Acc that = (Acc) other;
            that.groups.forEach((k, acc) -> {
                Accumulator<T, R> mine = groups.get(k);
                if (mine == null) {
                    groups.put(k, acc);
                } else {
                    mine.merge(acc);
                }
            });
        }

        @Override
        public Map<K, R> result() {
            Map<K, R> out = new LinkedHashMap<>();
            groups.forEach((k, acc) -> out.put(k, acc.result()));
            return Collections.unmodifiableMap(out);
        }
    }
}
