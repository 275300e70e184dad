package dev.rapport.crm.metrics;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Customer metrics over survey answers and purchases: NPS, CSAT, CES and RFM segments. Every
 * method returns a {@link Metric}; see {@code docs/metrics.md} for the formulas and sources.
 *
 * <pre>{@code
 * NetPromoterScore nps = CustomerMetrics.nps().of(npsAnswers);
 * Ratio csat = CustomerMetrics.csat().of(csatAnswers);                 // share of 4s and 5s
 * Ratio ces = CustomerMetrics.ces().of(cesAnswers);                    // mean of 1..7
 * List<RfmScore> rfm = CustomerMetrics.rfm(LocalDate.of(2026, 3, 31), Conversion.strict("EUR"))
 *     .of(purchases);
 * }</pre>
 */
public final class CustomerMetrics {

    private CustomerMetrics() {
    }

    /**
     * The Net Promoter Score of 0–10 answers.
     *
     * @return the metric; an answer outside 0..10 is refused with a validation error on
     *     {@code "score"}
     */
    public static Metric<SurveyResponse, NetPromoterScore> nps() {
        return new SimpleMetric<>(NpsAcc::new);
    }

    /**
     * Customer satisfaction on the usual 1–5 scale: the share of answers of 4 or 5.
     *
     * @return the metric; an answer outside 1..5 is refused
     */
    public static Metric<SurveyResponse, Ratio> csat() {
        return csat(5, 4);
    }

    /**
     * Customer satisfaction on a 1–{@code scaleMax} scale: the share of answers of at least
     * {@code satisfiedFrom}.
     *
     * @param scaleMax the top of the scale (at least 2)
     * @param satisfiedFrom the lowest answer that counts as satisfied (1..scaleMax)
     * @return the metric; an answer outside 1..scaleMax is refused
     * @throws CrmValidationException if the scale is not valid
     */
    public static Metric<SurveyResponse, Ratio> csat(int scaleMax, int satisfiedFrom) {
        Inputs.check(scaleMax >= 2, "scaleMax", "must be at least 2");
        Inputs.check(satisfiedFrom >= 1 && satisfiedFrom <= scaleMax, "satisfiedFrom", "must lie on the scale");
        List<Integer> config = List.of(1, scaleMax, satisfiedFrom);
        return new SimpleMetric<>(keep -> new CountAcc(config, keep));
    }

    /**
     * Customer effort on the usual 1–7 scale: the mean answer.
     *
     * @return the metric; an answer outside 1..7 is refused
     */
    public static Metric<SurveyResponse, Ratio> ces() {
        return ces(1, 7);
    }

    /**
     * Customer effort on a {@code scaleMin}–{@code scaleMax} scale: the mean answer.
     *
     * @param scaleMin the bottom of the scale
     * @param scaleMax the top of the scale (above the bottom)
     * @return the metric; an answer outside the scale is refused
     * @throws CrmValidationException if the scale is empty
     */
    public static Metric<SurveyResponse, Ratio> ces(int scaleMin, int scaleMax) {
        Inputs.check(scaleMax > scaleMin, "scaleMax", "must be above scaleMin");
        List<Integer> config = List.of(scaleMin, scaleMax);
        return new SimpleMetric<>(keep -> new MeanAcc(config, keep));
    }

    /**
     * RFM segments: recency, frequency and monetary quintile scores per customer. Memory grows
     * with the number of customers (the groups), not with the number of purchases.
     *
     * <p>Scoring: customers are ordered from worst to best on each dimension (longest recency,
     * fewest purchases, lowest spend first); the customer at 0-based position {@code p} of
     * {@code n} scores {@code floor(5p / n) + 1}. Tie rule: customers with equal values share the
     * score of the first position of their tie, so equal values always score the same and a tie
     * never scores above the worst of the positions it spans. The result lists customers by id.
     *
     * @param asOf the day recency is measured to
     * @param conversion the reporting currency of the monetary value
     * @return the metric; a purchase after {@code asOf} is refused on {@code "date"}
     */
    public static Metric<Purchase, List<RfmScore>> rfm(LocalDate asOf, Conversion conversion) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(conversion, "conversion");
        return new SimpleMetric<>(keep -> new RfmAcc(asOf, conversion));
    }

    static int checkScore(SurveyResponse r, int min, int max) {
        Objects.requireNonNull(r, "response");
        if (r.score() < min || r.score() > max) {
            throw new CrmValidationException("score", "is outside " + min + ".." + max);
        }
        return r.score();
    }

    private static final class NpsAcc implements Accumulator<SurveyResponse, NetPromoterScore> {
        private final Ids ids;
        private long promoters;
        private long passives;
        private long detractors;

        NpsAcc(boolean keep) {
            ids = new Ids(keep);
        }

        @Override
        public void add(SurveyResponse item) {
            int score = checkScore(item, 0, 10);
            if (score >= 9) {
                promoters++;
            } else if (score >= 7) {
                passives++;
            } else {
                detractors++;
            }
            ids.add(item.id());
        }

        @Override
        public void merge(Accumulator<SurveyResponse, NetPromoterScore> other) {
            NpsAcc that = SimpleMetric.same(this, other, NpsAcc.class, a -> "nps");
            promoters += that.promoters;
            passives += that.passives;
            detractors += that.detractors;
            ids.addAll(that.ids);
        }

        @Override
        public NetPromoterScore result() {
            long n = promoters + passives + detractors;
            BigDecimal score = n == 0 ? null
                    : BigDecimal.valueOf(promoters - detractors).multiply(BigDecimal.valueOf(100))
                            .divide(BigDecimal.valueOf(n), Ratio.SCALE - 2, RoundingMode.HALF_EVEN);
            return new NetPromoterScore(n == 0 ? MetricStatus.UNDEFINED : MetricStatus.DEFINED, score, promoters,
                    passives, detractors, n, ids.list());
        }
    }

    /** Share of answers at or above a threshold: config = [min, max, threshold]. */
    private static final class CountAcc implements Accumulator<SurveyResponse, Ratio> {
        private final List<Integer> config;
        private final Ids ids;
        private long hits;
        private long total;

        CountAcc(List<Integer> config, boolean keep) {
            this.config = config;
            this.ids = new Ids(keep);
        }

        @Override
        public void add(SurveyResponse item) {
            int score = checkScore(item, config.get(0), config.get(1));
            if (score >= config.get(2)) {
                hits++;
            }
            total++;
            ids.add(item.id());
        }

        @Override
        public void merge(Accumulator<SurveyResponse, Ratio> other) {
            CountAcc that = SimpleMetric.same(this, other, CountAcc.class, a -> a.config);
            hits += that.hits;
            total += that.total;
            ids.addAll(that.ids);
        }

        @Override
        public Ratio result() {
            return Ratio.of(hits, total, total, ids.list());
        }
    }

    /** Mean answer on a scale: config = [min, max]. */
    private static final class MeanAcc implements Accumulator<SurveyResponse, Ratio> {
        private final List<Integer> config;
        private final Ids ids;
        private long sum;
        private long total;

        MeanAcc(List<Integer> config, boolean keep) {
            this.config = config;
            this.ids = new Ids(keep);
        }

        @Override
        public void add(SurveyResponse item) {
            sum += checkScore(item, config.get(0), config.get(1));
            total++;
            ids.add(item.id());
        }

        @Override
        public void merge(Accumulator<SurveyResponse, Ratio> other) {
            MeanAcc that = SimpleMetric.same(this, other, MeanAcc.class, a -> a.config);
            sum += that.sum;
            total += that.total;
            ids.addAll(that.ids);
        }

        @Override
        public Ratio result() {
            return Ratio.of(sum, total, total, ids.list());
        }
    }

    /** Per customer: last purchase day, count and sum. */
    private static final class RfmAcc implements Accumulator<Purchase, List<RfmScore>> {
        private final LocalDate asOf;
        private final Conversion conversion;
        private final Map<String, long[]> lastAndCount = new HashMap<>();
        private final Map<String, Money> spend = new HashMap<>();

        RfmAcc(LocalDate asOf, Conversion conversion) {
            this.asOf = asOf;
            this.conversion = conversion;
        }

        @Override
        public void add(Purchase item) {
            Objects.requireNonNull(item, "purchase");
            if (item.date().isAfter(asOf)) {
                throw new CrmValidationException("date", "is after the as-of day");
            }
            Money amount = conversion.toReporting(item.amount());
            long day = item.date().toEpochDay();
            long[] state = lastAndCount.computeIfAbsent(item.customerId(), c -> new long[] {Long.MIN_VALUE, 0});
            state[0] = Math.max(state[0], day);
            state[1]++;
            spend.merge(item.customerId(), amount, Money::plus);
        }

        @Override
        public void merge(Accumulator<Purchase, List<RfmScore>> other) {
            RfmAcc that = SimpleMetric.same(this, other, RfmAcc.class, a -> List.of(a.asOf, a.conversion));
            that.lastAndCount.forEach((c, s) -> {
                long[] mine = lastAndCount.computeIfAbsent(c, k -> new long[] {Long.MIN_VALUE, 0});
                mine[0] = Math.max(mine[0], s[0]);
                mine[1] += s[1];
            });
            that.spend.forEach((c, m) -> spend.merge(c, m, Money::plus));
        }

        @Override
        public List<RfmScore> result() {
            List<String> customers = new ArrayList<>(lastAndCount.keySet());
            customers.sort(Comparator.naturalOrder());
            int n = customers.size();
            long[] recency = new long[n];
            long[] frequency = new long[n];
            for (int i = 0; i < n; i++) {
                long[] s = lastAndCount.get(customers.get(i));
                recency[i] = ChronoUnit.DAYS.between(LocalDate.ofEpochDay(s[0]), asOf);
                frequency[i] = s[1];
            }
            // Lower recency is better, so order by its negation to put the worst first.
            int[] r = quintiles(n, i -> -recency[i]);
            int[] f = quintiles(n, i -> frequency[i]);
            int[] m = quintilesBy(n, Comparator.comparing(i -> spend.get(customers.get(i)).amount()));
            List<RfmScore> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new RfmScore(customers.get(i), recency[i], frequency[i], spend.get(customers.get(i)), r[i],
                        f[i], m[i], "" + r[i] + f[i] + m[i]));
            }
            return List.copyOf(out);
        }

        private static int[] quintiles(int n, ToLongFunction<Integer> goodness) {
            return quintilesBy(n, Comparator.comparingLong(goodness));
        }

        private static int[] quintilesBy(int n, Comparator<Integer> worstFirst) {
            List<Integer> order = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            order.sort(worstFirst);
            int[] scores = new int[n];
            int tieStart = 0;
            for (int p = 0; p < n; p++) {
                if (p > 0 && worstFirst.compare(order.get(p - 1), order.get(p)) != 0) {
                    tieStart = p;
                }
                scores[order.get(p)] = (int) ((5L * tieStart) / n) + 1;
            }
            return scores;
        }
    }
}
