package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Marketing metrics: customer acquisition cost (blended, or per channel by grouping) and
 * lead-source performance. CAC payback is in {@link CustomerValue#cacPaybackPeriods}.
 *
 * <pre>{@code
 * Conversion eur = Conversion.strict("EUR");
 * MoneyRatio blended = MarketingMetrics.cac(eur).of(entries);
 * Map<String, MoneyRatio> perChannel = MarketingMetrics.cac(eur).groupedBy(AcquisitionEntry::channel).of(entries);
 * }</pre>
 */
public final class MarketingMetrics {

    private MarketingMetrics() {
    }

    /**
     * Customer acquisition cost: the spend over the customers acquired. The ids are those of the
     * acquired customers.
     *
     * @param conversion the reporting currency
     * @return the metric; undefined when no customer was acquired
     */
    public static Metric<AcquisitionEntry, MoneyRatio> cac(Conversion conversion) {
        Objects.requireNonNull(conversion, "conversion");
        return new SimpleMetric<>(keep -> new CacAcc(conversion, keep));
    }

    /**
     * Lead-source performance: leads, conversion rate, won revenue and revenue per lead. The ids
     * of the conversion rate are all leads; those of the revenue the leads with revenue.
     *
     * @param conversion the reporting currency
     * @return the metric
     */
    public static Metric<LeadOutcome, SourcePerformance> leadSourcePerformance(Conversion conversion) {
        Objects.requireNonNull(conversion, "conversion");
        return new SimpleMetric<>(keep -> new SourceAcc(conversion, keep));
    }

    private static final class CacAcc implements Accumulator<AcquisitionEntry, MoneyRatio> {
        private final Conversion conversion;
        private final Ids ids;
        private Money spend;
        private long customers;

        CacAcc(Conversion conversion, boolean keep) {
            this.conversion = conversion;
            this.ids = new Ids(keep);
            this.spend = conversion.zero();
        }

        @Override
        public void add(AcquisitionEntry item) {
            Objects.requireNonNull(item, "entry");
            if (item instanceof MarketingSpend) {
                spend = spend.plus(conversion.toReporting(((MarketingSpend) item).cost()));
            } else {
                customers++;
                ids.add(item.id());
            }
        }

        @Override
        public void merge(Accumulator<AcquisitionEntry, MoneyRatio> other) {
            CacAcc that = SimpleMetric.same(this, other, CacAcc.class, a -> a.conversion);
            spend = spend.plus(that.spend);
            customers += that.customers;
            ids.addAll(that.ids);
        }

        @Override
        public MoneyRatio result() {
            return MoneyRatio.of(spend, BigDecimal.valueOf(customers), customers, ids.list());
        }
    }

    private static final class SourceAcc implements Accumulator<LeadOutcome, SourcePerformance> {
        private final Conversion conversion;
        private final Ids leadIds;
        private final Ids revenueIds;
        private long leads;
        private long converted;
        private long withRevenue;
        private Money revenue;

        SourceAcc(Conversion conversion, boolean keep) {
            this.conversion = conversion;
            this.leadIds = new Ids(keep);
            this.revenueIds = new Ids(keep);
            this.revenue = conversion.zero();
        }

        @Override
        public void add(LeadOutcome item) {
            Objects.requireNonNull(item, "lead");
            Money won = item.wonRevenue() == null ? null : conversion.toReporting(item.wonRevenue());
            leads++;
            converted += item.converted() ? 1 : 0;
            leadIds.add(item.leadId());
            if (won != null) {
                revenue = revenue.plus(won);
                withRevenue++;
                revenueIds.add(item.leadId());
            }
        }

        @Override
        public void merge(Accumulator<LeadOutcome, SourcePerformance> other) {
            SourceAcc that = SimpleMetric.same(this, other, SourceAcc.class, a -> a.conversion);
            leads += that.leads;
            converted += that.converted;
            withRevenue += that.withRevenue;
            revenue = revenue.plus(that.revenue);
            leadIds.addAll(that.leadIds);
            revenueIds.addAll(that.revenueIds);
        }

        @Override
        public SourcePerformance result() {
            return new SourcePerformance(leads, Ratio.of(converted, leads, leads, leadIds.list()),
                    new MoneyTotal(revenue, withRevenue, revenueIds.list()),
                    MoneyRatio.of(revenue, BigDecimal.valueOf(leads), leads, leadIds.list()));
        }
    }
}
