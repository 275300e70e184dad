package dev.rapport.crm.metrics;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deals stored column by column in primitive arrays, for the sales summary over millions of
 * deals ({@link SalesMetrics#summary(SalesSummarySpec, DealColumns)}): about 30 bytes per deal
 * plus 5 per stage entry, against several hundred for {@link Deal} objects, and a summary pass
 * that allocates nothing per deal. Amounts are kept as minor units (cents) of one reporting
 * currency, days as epoch days, stages as indexes into the funnel's stages; stage entries of other
 * stages are not kept (no sales summary reads them). Deal ids are not kept either, so results
 * computed from columns list no contributing ids: drill down with the {@link Deal}-based
 * calculators.
 *
 * <p>Fill the columns once with a {@link Builder}, from deals or from primitive values; the
 * columns are then immutable and may be read by several threads.
 *
 * <pre>{@code
 * DealColumns.Builder b = DealColumns.builder(List.of("qualify", "propose", "negotiate"), "EUR", 1_000_000);
 * for (Deal d : deals) {
 *     b.add(d, Conversion.strict("EUR"));
 * }
 * DealColumns columns = b.build();
 * }</pre>
 */
public final class DealColumns {

    /** The closed-day value of an open deal in {@link Builder#add(DealStatus, long, BigDecimal, ForecastCategory, int, int, int[], int[])}. */
    public static final int NOT_CLOSED = Integer.MIN_VALUE;

    /** The most stages columns can follow. */
    public static final int MAX_STAGES = 64;

    final List<String> stages;
    final Currency currency;
    final int size;
    /** DealStatus ordinal. */
    final byte[] status;
    /** The effective forecast category's ordinal ({@link Deal#effectiveCategory()}). */
    final byte[] category;
    /** Index into {@link #probabilities}. */
    final byte[] probability;
    final long[] amount;
    final int[] created;
    final int[] closed;
    /** Deal i's stage entries are at [historyStart[i], historyStart[i + 1]). */
    final int[] historyStart;
    final byte[] historyStage;
    final int[] historyDay;
    final BigDecimal[] probabilities;

    private DealColumns(Builder b, boolean copy) {
        this.stages = b.stages;
        this.currency = b.currency;
        this.size = b.size;
        this.status = copy ? Arrays.copyOf(b.status, b.size) : b.status;
        this.category = copy ? Arrays.copyOf(b.category, b.size) : b.category;
        this.probability = copy ? Arrays.copyOf(b.probability, b.size) : b.probability;
        this.amount = copy ? Arrays.copyOf(b.amount, b.size) : b.amount;
        this.created = copy ? Arrays.copyOf(b.created, b.size) : b.created;
        this.closed = copy ? Arrays.copyOf(b.closed, b.size) : b.closed;
        this.historyStart = copy ? Arrays.copyOf(b.historyStart, b.size + 1) : b.historyStart;
        this.historyStage = copy ? Arrays.copyOf(b.historyStage, b.entries) : b.historyStage;
        this.historyDay = copy ? Arrays.copyOf(b.historyDay, b.entries) : b.historyDay;
        this.probabilities = b.probabilityTable.toArray(new BigDecimal[0]);
    }

    /**
     * A builder.
     *
     * @param stages the funnel's stages in order (1 to {@value #MAX_STAGES}, no repeats, not {@code "won"})
     * @param currencyCode the reporting currency of the amounts
     * @param expectedSize how many deals will be added (the arrays start at that size)
     * @return the builder
     * @throws dev.rapport.crm.CrmValidationException on {@code "stages"}, {@code "currency"} or
     *     {@code "expectedSize"} when out of range
     */
    public static Builder builder(List<String> stages, String currencyCode, int expectedSize) {
        List<String> s = SalesMetrics.stages(stages);
        Inputs.check(s.size() <= MAX_STAGES, "stages", "must be at most " + MAX_STAGES);
        Inputs.check(expectedSize >= 0, "expectedSize", "must not be negative");
        return new Builder(s, Money.zero(Inputs.id(currencyCode, "currency")).currency(), expectedSize);
    }

    /**
     * How many deals the columns hold.
     *
     * @return the number of deals
     */
    public int size() {
        return size;
    }

    /**
     * The funnel's stages, in order.
     *
     * @return the stages
     */
    public List<String> stages() {
        return stages;
    }

    /**
     * The reporting currency of the amounts.
     *
     * @return the currency
     */
    public Currency currency() {
        return currency;
    }

    /** Appends deals to growing columns. Not thread-safe. */
    public static final class Builder {
        private final List<String> stages;
        private final Map<String, Integer> stageIndex = new HashMap<>();
        private final Currency currency;
        private final int scale;
        private final List<BigDecimal> probabilityTable = new ArrayList<>();
        private final Map<BigDecimal, Integer> probabilityIndex = new HashMap<>();
        private int size;
        private int entries;
        private byte[] status;
        private byte[] category;
        private byte[] probability;
        private long[] amount;
        private int[] created;
        private int[] closed;
        private int[] historyStart;
        private byte[] historyStage;
        private int[] historyDay;

        private Builder(List<String> stages, Currency currency, int expectedSize) {
            this.stages = stages;
            for (int i = 0; i < stages.size(); i++) {
                stageIndex.put(stages.get(i), i);
            }
            this.currency = currency;
            this.scale = Money.zero(currency).amount().scale();
            int n = Math.max(expectedSize, 16);
            status = new byte[n];
            category = new byte[n];
            probability = new byte[n];
            amount = new long[n];
            created = new int[n];
            closed = new int[n];
            historyStart = new int[n + 1];
            historyStage = new byte[n * 2];
            historyDay = new int[n * 2];
        }

        /**
         * Appends a deal, its amount converted to the reporting currency.
         *
         * @param deal the deal
         * @param conversion how its amount reaches the reporting currency (the columns' currency)
         * @return this builder
         * @throws dev.rapport.crm.CrmValidationException on {@code "conversion"} when it reports
         *     in another currency
         * @throws dev.rapport.crm.revenue.CurrencyMismatchException when the amount cannot be
         *     converted
         */
        public Builder add(Deal deal, Conversion conversion) {
            Objects.requireNonNull(deal, "deal");
            Inputs.present(conversion, "conversion");
            Inputs.check(conversion.currency().equals(currency), "conversion", "must report in the columns' currency");
            Money m = conversion.toReporting(deal.amount());
            long minorUnits;
            int createdDay;
            int closedDay;
            try {
                minorUnits = m.amount().unscaledValue().longValueExact();
                createdDay = Math.toIntExact(deal.createdOn().toEpochDay());
                LocalDate closedOn = deal.closedOn();
                closedDay = closedOn == null ? NOT_CLOSED : Math.toIntExact(closedOn.toEpochDay());
                for (StageVisit v : deal.stageHistory()) {
                    Math.toIntExact(v.enteredOn().toEpochDay());
                }
            } catch (ArithmeticException e) {
                throw new CrmValidationException("amount", "or a day is too large for columns");
            }
            // A Deal is consistent by construction; only the probability table can refuse it.
            int p = probabilityIndex(deal.probability());
            List<StageVisit> history = deal.stageHistory();
            ensure(size + 1, entries + history.size());
            for (StageVisit v : history) {
                Integer idx = stageIndex.get(v.stage());
                if (idx != null) {
                    historyStage[entries] = (byte) (int) idx;
                    historyDay[entries] = (int) v.enteredOn().toEpochDay();
                    entries++;
                }
            }
            append(deal.status(), minorUnits, p, deal.forecastCategory(), createdDay, closedDay);
            return this;
        }

        private BigDecimal lastProbability = BigDecimal.ONE.negate();
        private int lastProbabilityIndex = -1;

        /** The probability's index in the table, adding it if new; the last one is remembered by identity. */
        private int probabilityIndex(BigDecimal stageProbability) {
            if (stageProbability == lastProbability) {
                return lastProbabilityIndex;
            }
            BigDecimal key = stageProbability.stripTrailingZeros();
            Integer p = probabilityIndex.get(key);
            if (p == null) {
                Inputs.check(probabilityTable.size() < Byte.MAX_VALUE, "probability",
                        "must take at most 127 distinct values");
                p = probabilityTable.size();
                probabilityTable.add(key);
                probabilityIndex.put(key, p);
            }
            lastProbability = stageProbability;
            lastProbabilityIndex = p;
            return p;
        }

        private void append(DealStatus dealStatus, long amountMinorUnits, int p, ForecastCategory forecastCategory,
                int createdEpochDay, int closedEpochDay) {
            status[size] = (byte) dealStatus.ordinal();
            category[size] = (byte) effective(dealStatus, forecastCategory).ordinal();
            probability[size] = (byte) p;
            amount[size] = amountMinorUnits;
            created[size] = createdEpochDay;
            closed[size] = closedEpochDay;
            size++;
            historyStart[size] = entries;
        }

        /**
         * Appends a deal from primitive values, checked as {@link Deal} checks them.
         *
         * @param dealStatus open, won, lost or no decision
         * @param amountMinorUnits the amount in minor units of the reporting currency (cents), not
         *     negative
         * @param stageProbability the current stage's probability, in [0, 1] (at most 127 distinct
         *     values over all deals)
         * @param forecastCategory the deal's own forecast category
         * @param createdEpochDay the creation day, as {@link LocalDate#toEpochDay()}
         * @param closedEpochDay the close day, or {@link #NOT_CLOSED} while open
         * @param entryStages the stage entries, oldest first, as indexes into the stages
         * @param entryEpochDays the day of each entry
         * @return this builder
         * @throws dev.rapport.crm.CrmValidationException naming what is wrong; nothing is appended
         */
        public Builder add(DealStatus dealStatus, long amountMinorUnits, BigDecimal stageProbability,
                ForecastCategory forecastCategory, int createdEpochDay, int closedEpochDay, int[] entryStages,
                int[] entryEpochDays) {
            Inputs.present(dealStatus, "status");
            Inputs.check(amountMinorUnits >= 0, "amount", "must not be negative");
            Inputs.fraction(stageProbability, "probability");
            Inputs.present(forecastCategory, "forecastCategory");
            Inputs.check(dealStatus.closed() == (closedEpochDay != NOT_CLOSED), "closedOn",
                    "must be set exactly when the deal is closed");
            Inputs.check(closedEpochDay == NOT_CLOSED || closedEpochDay >= createdEpochDay, "closedOn",
                    "is before createdOn");
            Inputs.present(entryStages, "entryStages");
            Inputs.present(entryEpochDays, "entryEpochDays");
            Inputs.check(entryStages.length == entryEpochDays.length, "entryEpochDays",
                    "must have one day per stage entry");
            for (int s : entryStages) {
                Inputs.check(s >= 0 && s < stages.size(), "entryStages", "must index the stages");
            }
            int p = probabilityIndex(stageProbability);
            ensure(size + 1, entries + entryStages.length);
            for (int j = 0; j < entryStages.length; j++) {
                historyStage[entries] = (byte) entryStages[j];
                historyDay[entries] = entryEpochDays[j];
                entries++;
            }
            append(dealStatus, amountMinorUnits, p, forecastCategory, createdEpochDay, closedEpochDay);
            return this;
        }

        private static ForecastCategory effective(DealStatus s, ForecastCategory own) {
            switch (s) {
                case WON:
                    return ForecastCategory.CLOSED;
                case LOST:
                case NO_DECISION:
                    return ForecastCategory.OMITTED;
                default:
                    return own == ForecastCategory.CLOSED ? ForecastCategory.COMMIT : own;
            }
        }

        private void ensure(int deals, int entryCount) {
            if (deals > status.length) {
                int n = Math.max(deals, status.length + (status.length >> 1));
                status = Arrays.copyOf(status, n);
                category = Arrays.copyOf(category, n);
                probability = Arrays.copyOf(probability, n);
                amount = Arrays.copyOf(amount, n);
                created = Arrays.copyOf(created, n);
                closed = Arrays.copyOf(closed, n);
                historyStart = Arrays.copyOf(historyStart, n + 1);
            }
            if (entryCount > historyStage.length) {
                int n = Math.max(entryCount, historyStage.length + (historyStage.length >> 1));
                historyStage = Arrays.copyOf(historyStage, n);
                historyDay = Arrays.copyOf(historyDay, n);
            }
        }

        /**
         * The columns of the deals added so far, trimmed to size.
         *
         * @return the columns
         */
        public DealColumns build() {
            return new DealColumns(this, true);
        }

        /** The columns so far without copying: valid until the builder changes. */
        DealColumns view() {
            return new DealColumns(this, false);
        }

        /** Empties the builder, probabilities included, keeping its arrays. */
        void reset() {
            size = 0;
            entries = 0;
            probabilityTable.clear();
            probabilityIndex.clear();
            lastProbability = BigDecimal.ONE.negate();
            lastProbabilityIndex = -1;
        }

        int size() {
            return size;
        }

        /** Whether a deal with this probability can be added without exceeding the distinct probabilities. */
        boolean fits(BigDecimal stageProbability) {
            return probabilityTable.size() < Byte.MAX_VALUE
                    || probabilityIndex.containsKey(stageProbability.stripTrailingZeros());
        }

        /** The reporting currency's decimals. */
        int scale() {
            return scale;
        }
    }
}
