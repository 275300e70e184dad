package dev.rapport.crm.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Service metrics over {@link TicketTimes}: first response time and resolution time (mean and
 * median, in whole minutes, truncated) and SLA attainment. Group by priority with
 * {@code groupedBy(TicketTimes::priority)}.
 *
 * <pre>{@code
 * Stats frt = ServiceMetrics.firstResponseMinutes().of(tickets);
 * Map<TicketPriority, Ratio> sla = ServiceMetrics.slaAttainment(SlaKind.RESOLUTION, asOf)
 *     .groupedBy(TicketTimes::priority).of(tickets);
 * }</pre>
 */
public final class ServiceMetrics {

    private ServiceMetrics() {
    }

    /**
     * First response time in minutes over the tickets that had a first response.
     *
     * @return the metric
     */
    public static Metric<TicketTimes, Stats> firstResponseMinutes() {
        return new SimpleMetric<>(keep -> new TimeAcc(SlaKind.FIRST_RESPONSE, keep));
    }

    /**
     * Resolution time in minutes over the resolved tickets.
     *
     * @return the metric
     */
    public static Metric<TicketTimes, Stats> resolutionMinutes() {
        return new SimpleMetric<>(keep -> new TimeAcc(SlaKind.RESOLUTION, keep));
    }

    /**
     * SLA attainment: tickets that met their target over the tickets whose outcome is known at
     * {@code asOf}. A ticket met the target if the response (or resolution) came within it; it
     * breached if it came later, or has not come and the target has already passed at
     * {@code asOf}; a ticket still within its target, or without a target, is not counted.
     *
     * @param kind first response or resolution
     * @param asOf the instant at which pending tickets are judged
     * @return the metric; undefined when no ticket's outcome is known
     */
    public static Metric<TicketTimes, Ratio> slaAttainment(SlaKind kind, Instant asOf) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(asOf, "asOf");
        return new SimpleMetric<>(keep -> new SlaAcc(kind, asOf, keep));
    }

    private static Optional<Duration> time(TicketTimes t, SlaKind kind) {
        return kind == SlaKind.FIRST_RESPONSE ? t.firstResponseTime() : t.resolutionTime();
    }

    private static final class TimeAcc implements Accumulator<TicketTimes, Stats> {
        private final SlaKind kind;
        private final StatsState state;

        TimeAcc(SlaKind kind, boolean keep) {
            this.kind = kind;
            this.state = new StatsState(keep);
        }

        @Override
        public void add(TicketTimes item) {
            Objects.requireNonNull(item, "ticket");
            time(item, kind).ifPresent(d -> state.add(d.toMinutes(), item.id()));
        }

        @Override
        public void merge(Accumulator<TicketTimes, Stats> other) {
            state.merge(SimpleMetric.same(this, other, TimeAcc.class, a -> a.kind).state);
        }

        @Override
        public Stats result() {
            return state.result("minutes");
        }
    }

    private static final class SlaAcc implements Accumulator<TicketTimes, Ratio> {
        private final SlaKind kind;
        private final Instant asOf;
        private final Ids ids;
        private long met;
        private long judged;

        SlaAcc(SlaKind kind, Instant asOf, boolean keep) {
            this.kind = kind;
            this.asOf = asOf;
            this.ids = new Ids(keep);
        }

        @Override
        public void add(TicketTimes item) {
            Objects.requireNonNull(item, "ticket");
            Duration target = kind == SlaKind.FIRST_RESPONSE ? item.firstResponseTarget() : item.resolutionTarget();
            if (target == null) {
                return;
            }
            Optional<Duration> took = time(item, kind);
            if (took.isPresent()) {
                judged++;
                met += took.get().compareTo(target) <= 0 ? 1 : 0;
            } else if (Duration.between(item.openedAt(), asOf).compareTo(target) > 0) {
                judged++;
            } else {
                return;
            }
            ids.add(item.id());
        }

        @Override
        public void merge(Accumulator<TicketTimes, Ratio> other) {
            SlaAcc that = SimpleMetric.same(this, other, SlaAcc.class, a -> List.of(a.kind, a.asOf));
            met += that.met;
            judged += that.judged;
            ids.addAll(that.ids);
        }

        @Override
        public Ratio result() {
            return Ratio.of(met, judged, judged, ids.list());
        }
    }
}
