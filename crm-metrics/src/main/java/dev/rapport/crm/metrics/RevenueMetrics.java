package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Recurring-revenue metrics over one period: MRR movements, gross and net revenue retention,
 * logo churn, revenue churn and customer retention, all computed in one pass over
 * {@link CustomerMrr} (one item per customer). See {@code docs/metrics.md} for formulas and
 * sources.
 *
 * <pre>{@code
 * Conversion eur = Conversion.strict("EUR");
 * MrrMovements bridge = RevenueMetrics.mrrMovements(eur).of(customers);
 * Ratio grr = RevenueMetrics.grossRevenueRetention(eur).of(customers);   // never above 1
 * Ratio nrr = RevenueMetrics.netRevenueRetention(eur).of(customers);
 * Ratio logoChurn = RevenueMetrics.logoChurn().of(customers);
 * }</pre>
 */
public final class RevenueMetrics {

    private RevenueMetrics() {
    }

    /**
     * The MRR bridge: start, new, expansion, reactivation, contraction, churn, end.
     *
     * @param conversion the reporting currency
     * @return the metric
     */
    public static Metric<CustomerMrr, MrrMovements> mrrMovements(Conversion conversion) {
        return metric(conversion, Kind.MOVEMENTS, MrrMovements.class);
    }

    /**
     * Gross revenue retention: {@code (start − contraction − churn) / start}, over the customers
     * paying at the start; expansion is not counted, so it never exceeds 1.
     *
     * @param conversion the reporting currency
     * @return the metric; undefined with no MRR at the start
     */
    public static Metric<CustomerMrr, Ratio> grossRevenueRetention(Conversion conversion) {
        return metric(conversion, Kind.GRR, Ratio.class);
    }

    /**
     * Net revenue retention: {@code (start + expansion − contraction − churn) / start}, over the
     * customers paying at the start (new and reactivated customers are not counted).
     *
     * @param conversion the reporting currency
     * @return the metric; undefined with no MRR at the start
     */
    public static Metric<CustomerMrr, Ratio> netRevenueRetention(Conversion conversion) {
        return metric(conversion, Kind.NRR, Ratio.class);
    }

    /**
     * Gross revenue churn rate: {@code (contraction + churn) / start}.
     *
     * @param conversion the reporting currency
     * @return the metric; undefined with no MRR at the start
     */
    public static Metric<CustomerMrr, Ratio> grossRevenueChurn(Conversion conversion) {
        return metric(conversion, Kind.GROSS_CHURN, Ratio.class);
    }

    /**
     * Net revenue churn rate: {@code (contraction + churn − expansion) / start}; negative when
     * expansion outweighs the losses.
     *
     * @param conversion the reporting currency
     * @return the metric; undefined with no MRR at the start
     */
    public static Metric<CustomerMrr, Ratio> netRevenueChurn(Conversion conversion) {
        return metric(conversion, Kind.NET_CHURN, Ratio.class);
    }

    /**
     * Logo (customer) churn rate: customers lost during the period over customers at its start.
     *
     * @return the metric; undefined with no customers at the start
     */
    public static Metric<CustomerMrr, Ratio> logoChurn() {
        return metric(null, Kind.LOGO_CHURN, Ratio.class);
    }

    /**
     * Customer retention rate: {@code (E − N) / S}, customers at the end minus those acquired
     * (new or reactivated) during the period, over customers at the start.
     *
     * @return the metric; undefined with no customers at the start
     */
    public static Metric<CustomerMrr, Ratio> customerRetention() {
        return metric(null, Kind.CUSTOMER_RETENTION, Ratio.class);
    }

    /**
     * Each customer's MRR at the start and at the end of a period, from the MRR histories of
     * their subscriptions: the MRR in effect at the start is the last point dated before the
     * period's first day, at the end the last point dated before the day after the period; a
     * customer is {@code activeBefore} when any subscription brought MRR before the period. A
     * customer's subscriptions are added up, so moving revenue from one subscription to another
     * is an expansion or contraction, not churn plus new. Customers are listed by id; feed the
     * result to {@link #mrrMovements} and the retention metrics.
     *
     * @param period the period
     * @param conversion the reporting currency
     * @return the metric; memory grows with the number of customers
     */
    public static Metric<SubscriptionMrr, List<CustomerMrr>> customerMrr(Period period, Conversion conversion) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(conversion, "conversion");
        return new SimpleMetric<>(keep -> new CustomerMrrAcc(period, conversion));
    }

    /** Per customer: MRR at start, MRR at end, whether active before. */
    private static final class CustomerMrrAcc implements Accumulator<SubscriptionMrr, List<CustomerMrr>> {
        private final Period period;
        private final Conversion conversion;
        private final Map<String, Money[]> mrr = new HashMap<>();
        private final Set<String> activeBefore = new HashSet<>();

        CustomerMrrAcc(Period period, Conversion conversion) {
            this.period = period;
            this.conversion = conversion;
        }

        @Override
        public void add(SubscriptionMrr item) {
            Objects.requireNonNull(item, "subscription");
            Money atStart = conversion.zero();
            Money atEnd = conversion.zero();
            boolean before = false;
            for (MrrPoint p : item.history()) {
                Money value = conversion.toReporting(p.mrr());
                if (p.date().isBefore(period.start())) {
                    atStart = value;
                    before |= !value.isZero();
                }
                if (p.date().isBefore(period.endExclusive())) {
                    atEnd = value;
                }
            }
            Money[] sums = mrr.computeIfAbsent(item.customerId(), c -> new Money[] {conversion.zero(), conversion.zero()});
            sums[0] = sums[0].plus(atStart);
            sums[1] = sums[1].plus(atEnd);
            if (before) {
                activeBefore.add(item.customerId());
            }
        }

        @Override
        public void merge(Accumulator<SubscriptionMrr, List<CustomerMrr>> other) {
            CustomerMrrAcc that = SimpleMetric.same(this, other, CustomerMrrAcc.class,
                    a -> List.of(a.period, a.conversion));
            that.mrr.forEach((c, s) -> {
                Money[] mine = mrr.computeIfAbsent(c, k -> new Money[] {conversion.zero(), conversion.zero()});
                mine[0] = mine[0].plus(s[0]);
                mine[1] = mine[1].plus(s[1]);
            });
            activeBefore.addAll(that.activeBefore);
        }

        @Override
        public List<CustomerMrr> result() {
            List<CustomerMrr> out = new ArrayList<>(mrr.size());
            new TreeMap<>(mrr).forEach((c, s) -> out.add(new CustomerMrr(c, s[0], s[1], activeBefore.contains(c))));
            return List.copyOf(out);
        }
    }

    private enum Kind { MOVEMENTS, GRR, NRR, GROSS_CHURN, NET_CHURN, LOGO_CHURN, CUSTOMER_RETENTION }

    private static <R> Metric<CustomerMrr, R> metric(@Nullable Conversion conversion, Kind kind, Class<R> type) {
        return new SimpleMetric<>(keep -> new MrrAcc<>(conversion, kind, type, keep));
    }

    private static final class MrrAcc<R> implements Accumulator<CustomerMrr, R> {
        private final Conversion conversion;
        private final Kind kind;
        private final Class<R> type;
        private final Ids ids;
        private Money start;
        private Money newMrr;
        private Money expansion;
        private Money reactivation;
        private Money contraction;
        private Money churned;
        private Money end;
        private long atStart;
        private long newCount;
        private long reactivated;
        private long churnedCount;
        private long atEnd;
        private long sample;

        MrrAcc(@Nullable Conversion conversion, Kind kind, Class<R> type, boolean keep) {
            // Logo counts need no currency; any reporting currency serves for the unused sums.
            this.conversion = conversion == null ? Conversion.strict("XXX") : conversion;
            this.kind = kind;
            this.type = type;
            this.ids = new Ids(keep);
            Money zero = this.conversion.zero();
            start = zero;
            newMrr = zero;
            expansion = zero;
            reactivation = zero;
            contraction = zero;
            churned = zero;
            end = zero;
        }

        @Override
        public void add(CustomerMrr item) {
            Objects.requireNonNull(item, "customer");
            boolean counts = kind == Kind.LOGO_CHURN || kind == Kind.CUSTOMER_RETENTION;
            Money s = counts ? zeroOrOne(item.startMrr()) : conversion.toReporting(item.startMrr());
            Money e = counts ? zeroOrOne(item.endMrr()) : conversion.toReporting(item.endMrr());
            int cmp = e.compareTo(s);
            if (s.isZero() && !e.isZero()) {
                if (item.activeBefore()) {
                    reactivation = reactivation.plus(e);
                    reactivated++;
                } else {
                    newMrr = newMrr.plus(e);
                    newCount++;
                }
            } else if (!s.isZero() && e.isZero()) {
                churned = churned.plus(s);
                churnedCount++;
            } else if (cmp > 0) {
                expansion = expansion.plus(e.minus(s));
            } else if (cmp < 0) {
                contraction = contraction.plus(s.minus(e));
            }
            start = start.plus(s);
            end = end.plus(e);
            atStart += s.isZero() ? 0 : 1;
            atEnd += e.isZero() ? 0 : 1;
            sample++;
            ids.add(item.customerId());
        }

        /** For logo metrics only presence matters: 0 or 1 unit of the placeholder currency. */
        private Money zeroOrOne(Money m) {
            return m.isZero() ? conversion.zero() : new Money(BigDecimal.ONE, conversion.currency());
        }

        @Override
        public void merge(Accumulator<CustomerMrr, R> other) {
            @SuppressWarnings("unchecked") // the kind check below makes the result types equal
            MrrAcc<R> that = SimpleMetric.same(this, other, MrrAcc.class, a -> List.of(a.conversion, a.kind));
            start = start.plus(that.start);
            newMrr = newMrr.plus(that.newMrr);
            expansion = expansion.plus(that.expansion);
            reactivation = reactivation.plus(that.reactivation);
            contraction = contraction.plus(that.contraction);
            churned = churned.plus(that.churned);
            end = end.plus(that.end);
            atStart += that.atStart;
            newCount += that.newCount;
            reactivated += that.reactivated;
            churnedCount += that.churnedCount;
            atEnd += that.atEnd;
            sample += that.sample;
            ids.addAll(that.ids);
        }

        @Override
        public R result() {
            List<String> list = ids.list();
            BigDecimal s = start.amount();
            Object out;
            switch (kind) {
                case MOVEMENTS:
                    out = new MrrMovements(start, newMrr, expansion, reactivation, contraction, churned, end, atStart,
                            newCount, reactivated, churnedCount, atEnd, list);
                    break;
                case GRR:
                    out = Ratio.of(s.subtract(contraction.amount()).subtract(churned.amount()), s, sample, list);
                    break;
                case NRR:
                    out = Ratio.of(s.add(expansion.amount()).subtract(contraction.amount())
                            .subtract(churned.amount()), s, sample, list);
                    break;
                case GROSS_CHURN:
                    out = Ratio.of(contraction.amount().add(churned.amount()), s, sample, list);
                    break;
                case NET_CHURN:
                    out = Ratio.of(contraction.amount().add(churned.amount()).subtract(expansion.amount()), s, sample,
                            list);
                    break;
                case LOGO_CHURN:
                    out = Ratio.of(churnedCount, atStart, sample, list);
                    break;
                case CUSTOMER_RETENTION:
                    out = Ratio.of(atEnd - newCount - reactivated, atStart, sample, list);
                    break;
                default:
                    throw new IllegalStateException("unknown kind " + kind);
            }
            return type.cast(out);
        }
    }
}
