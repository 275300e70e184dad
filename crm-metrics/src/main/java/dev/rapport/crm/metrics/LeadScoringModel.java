package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A naive Bayes lead-scoring model: counts of field values among won and lost examples, with
 * additive (Laplace) smoothing and a minimum support. It is immutable; {@link #retrain} adds new
 * examples to the counts without re-reading the old ones, and training is a {@link Metric}
 * ({@link #trainer}), so models trained on parts merge into the model of the whole.
 *
 * <p>Scoring: {@code P(won | x) = P(won) Π P(x_f | won) / Σ_c P(c) Π P(x_f | c)} with
 * {@code P(v | c) = (n(f, v, c) + α) / (n(f, c) + α × |V_f|)}, where {@code n(f, c)} counts the
 * class's examples that have field {@code f}, and {@code |V_f|} the distinct values of {@code f}
 * seen in training. A value seen in fewer than {@code minSupport} examples (or never) is left out
 * of the product and reported as unused. The arithmetic is exact decimal (34 digits); the
 * probability and factors are rounded half-even to {@link Ratio#SCALE} decimals.
 *
 * <pre>{@code
 * LeadScoringModel model = LeadScoringModel.trainer(BigDecimal.ONE, 5).of(closedLeads);
 * LeadScore score = model.score(Map.of("source", "REFERRAL", "industry", "retail"));
 * model = model.retrain(lastWeeksClosedLeads);
 * }</pre>
 */
public final class LeadScoringModel {

    private static final MathContext MC = MathContext.DECIMAL128;

    private final BigDecimal alpha;
    private final long minSupport;
    private final long won;
    private final long lost;
    /** field -> value -> {won, lost}. */
    private final Map<String, Map<String, long[]>> counts;

    private LeadScoringModel(BigDecimal alpha, long minSupport, long won, long lost,
            Map<String, Map<String, long[]>> counts) {
        this.alpha = alpha;
        this.minSupport = minSupport;
        this.won = won;
        this.lost = lost;
        this.counts = counts;
    }

    /**
     * The training metric: reads closed examples and produces a model.
     *
     * @param alpha the smoothing constant, greater than 0 (1 is Laplace smoothing)
     * @param minSupport the fewest examples a value needs to count in a score, at least 1
     * @return the metric
     * @throws dev.rapport.crm.CrmValidationException if a setting is out of range
     */
    public static Metric<ScoringExample, LeadScoringModel> trainer(BigDecimal alpha, long minSupport) {
        Inputs.present(alpha, "alpha");
        Inputs.check(alpha.signum() > 0, "alpha", "must be greater than 0");
        Inputs.check(minSupport >= 1, "minSupport", "must be at least 1");
        return new SimpleMetric<>(keep -> new Trainer(alpha, minSupport));
    }

    /**
     * This model with more examples counted in (incremental retraining).
     *
     * @param examples the new closed examples
     * @return the updated model
     */
    public LeadScoringModel retrain(Iterable<ScoringExample> examples) {
        Trainer t = new Trainer(alpha, minSupport);
        t.load(this);
        for (ScoringExample e : examples) {
            t.add(e);
        }
        return t.result();
    }

    /**
     * The number of training examples.
     *
     * @return won plus lost examples
     */
    public long examples() {
        return won + lost;
    }

    /**
     * Scores a lead.
     *
     * @param fields the lead's field values by field name
     * @return the score, with one contribution per field
     */
    public LeadScore score(Map<String, String> fields) {
        Objects.requireNonNull(fields, "fields");
        List<FieldContribution> contributions = new ArrayList<>();
        if (won == 0 || lost == 0) {
            new TreeMap<>(fields).forEach((f, v) -> contributions.add(
                    new FieldContribution(f, v, BigDecimal.ONE.setScale(Ratio.SCALE), support(f, v), false)));
            return new LeadScore(MetricStatus.UNDEFINED, null, null, contributions);
        }
        BigDecimal pWon = BigDecimal.valueOf(won);
        BigDecimal pLost = BigDecimal.valueOf(lost);
        for (Map.Entry<String, String> e : new TreeMap<>(fields).entrySet()) {
            String f = e.getKey();
            String v = e.getValue();
            long support = support(f, v);
            if (support < minSupport) {
                contributions.add(new FieldContribution(f, v, BigDecimal.ONE.setScale(Ratio.SCALE), support, false));
                continue;
            }
            BigDecimal likelyWon = likelihood(f, v, 0);
            BigDecimal likelyLost = likelihood(f, v, 1);
            pWon = pWon.multiply(likelyWon, MC);
            pLost = pLost.multiply(likelyLost, MC);
            contributions.add(new FieldContribution(f, v,
                    likelyWon.divide(likelyLost, Ratio.SCALE, RoundingMode.HALF_EVEN), support, true));
        }
        BigDecimal probability = pWon.divide(pWon.add(pLost, MC), Ratio.SCALE, RoundingMode.HALF_EVEN);
        BigDecimal prior = BigDecimal.valueOf(won).divide(BigDecimal.valueOf(lost), Ratio.SCALE, RoundingMode.HALF_EVEN);
        return new LeadScore(MetricStatus.DEFINED, probability, prior, contributions);
    }

    private long support(String field, String value) {
        Map<String, long[]> values = counts.get(field);
        long[] c = values == null ? null : values.get(value);
        return c == null ? 0 : c[0] + c[1];
    }

    /** P(value | class) with smoothing; cls 0 = won, 1 = lost. */
    private BigDecimal likelihood(String field, String value, int cls) {
        Map<String, long[]> values = counts.get(field);
        long withField = 0;
        for (long[] c : values.values()) {
            withField += c[cls];
        }
        long n = values.get(value)[cls];
        BigDecimal numerator = BigDecimal.valueOf(n).add(alpha);
        BigDecimal denominator = BigDecimal.valueOf(withField).add(alpha.multiply(BigDecimal.valueOf(values.size())));
        return numerator.divide(denominator, MC);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof LeadScoringModel)) {
            return false;
        }
        LeadScoringModel m = (LeadScoringModel) o;
        return alpha.compareTo(m.alpha) == 0 && minSupport == m.minSupport && won == m.won && lost == m.lost
                && flat(counts).equals(flat(m.counts));
    }

    @Override
    public int hashCode() {
        return Objects.hash(minSupport, won, lost, flat(counts));
    }

    private static Map<String, List<Long>> flat(Map<String, Map<String, long[]>> counts) {
        Map<String, List<Long>> out = new TreeMap<>();
        counts.forEach((f, values) -> values.forEach((v, c) -> out.put(f + "\u0000" + v, List.of(c[0], c[1]))));
        return out;
    }

    @Override
    public String toString() {
        return "LeadScoringModel[won=" + won + ", lost=" + lost + ", fields=" + counts.size() + "]";
    }

    /** Counts won and lost examples per field value. */
    private static final class Trainer implements Accumulator<ScoringExample, LeadScoringModel> {
        private final BigDecimal alpha;
        private final long minSupport;
        private final Map<String, Map<String, long[]>> counts = new HashMap<>();
        private long won;
        private long lost;

        Trainer(BigDecimal alpha, long minSupport) {
            this.alpha = alpha;
            this.minSupport = minSupport;
        }

        void load(LeadScoringModel model) {
            won = model.won;
            lost = model.lost;
            model.counts.forEach((f, values) -> values.forEach((v, c) -> counts
                    .computeIfAbsent(f, k -> new HashMap<>()).put(v, c.clone())));
        }

        @Override
        public void add(ScoringExample item) {
            Objects.requireNonNull(item, "example");
            int cls = item.won() ? 0 : 1;
            if (item.won()) {
                won++;
            } else {
                lost++;
            }
            item.fields().forEach((f, v) -> counts.computeIfAbsent(f, k -> new HashMap<>())
                    .computeIfAbsent(v, k -> new long[2])[cls]++);
        }

        @Override
        public void merge(Accumulator<ScoringExample, LeadScoringModel> other) {
            Trainer that = SimpleMetric.same(this, other, Trainer.class,
                    a -> List.of(a.alpha.stripTrailingZeros(), a.minSupport));
            won += that.won;
            lost += that.lost;
            that.counts.forEach((f, values) -> values.forEach((v, c) -> {
                long[] mine = counts.computeIfAbsent(f, k -> new HashMap<>()).computeIfAbsent(v, k -> new long[2]);
                mine[0] += c[0];
                mine[1] += c[1];
            }));
        }

        @Override
        public LeadScoringModel result() {
            Map<String, Map<String, long[]>> copy = new HashMap<>();
            counts.forEach((f, values) -> {
                Map<String, long[]> vs = new HashMap<>();
                values.forEach((v, c) -> vs.put(v, c.clone()));
                copy.put(f, vs);
            });
            return new LeadScoringModel(alpha, minSupport, won, lost, copy);
        }
    }
}
