package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.util.List;
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
