package dev.rapport.crm.metrics;

import java.util.Objects;
import java.util.function.Function;

/**
 * A metric made from an accumulator factory that takes whether to keep ids, plus a key naming
 * the metric's parameters, so that accumulators of differently configured metrics never merge.
 */
final class SimpleMetric<T, R> implements Metric<T, R> {
    private final Function<Boolean, Accumulator<T, R>> factory;
    private final boolean keepIds;

    SimpleMetric(Function<Boolean, Accumulator<T, R>> factory) {
        this(factory, true);
    }

    private SimpleMetric(Function<Boolean, Accumulator<T, R>> factory, boolean keepIds) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.keepIds = keepIds;
    }

    @Override
    public Accumulator<T, R> newAccumulator() {
        return factory.apply(keepIds);
    }

    @Override
    public Metric<T, R> withoutIds() {
        return new SimpleMetric<>(factory, false);
    }

    /**
     * The other accumulator as this one's class, refusing a different metric's accumulator, a
     * differently configured one, or the accumulator itself.
     */
    static <A> A same(A self, Object other, Class<A> type, Function<? super A, ?> config) {
        Objects.requireNonNull(other, "other");
        if (!type.isInstance(other) || other == self) {
            throw new IllegalArgumentException("cannot merge an accumulator of a different metric");
        }
        A that = type.cast(other);
        if (!Objects.equals(config.apply(self), config.apply(that))) {
            throw new IllegalArgumentException("cannot merge accumulators of differently configured metrics");
        }
        return that;
    }
}
