package dev.rapport.crm.metrics;

import dev.rapport.crm.CrmValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

/**
 * A reporting period: a unit and its first day. Instants are placed in a period through an
 * explicit {@link ZoneId}, because "March" starts at a different instant in Berlin and in Tokyo.
 * Periods order by start, then by unit; {@link #toString()} is a short label ({@code 2017-03-14},
 * {@code 2017-W11}, {@code 2017-03}, {@code 2017-Q1}, {@code 2017}) that JSON map keys use.
 *
 * <pre>{@code
 * Map<Period, Ratio> byQuarter = SalesMetrics.winRateByCount(NoDecision.EXCLUDED)
 *     .groupedBy(Period.byDate(PeriodUnit.QUARTER, (Deal d) -> d.closedOnIfClosed().orElseThrow()))
 *     .of(closedDeals);
 * Period q = Period.of(PeriodUnit.MONTH, Instant.parse("2026-02-28T23:30:00Z"), ZoneId.of("Europe/Berlin"));
 * q.toString();   // 2026-03
 * }</pre>
 *
 * @param unit the unit
 * @param start the first day
 */
public record Period(PeriodUnit unit, LocalDate start) implements Comparable<Period> {

    private static final Comparator<Period> ORDER =
            Comparator.comparing(Period::start).thenComparing(Period::unit);

    /**
     * Checks the start is the first day of a period of the unit.
     *
     * @param unit the unit
     * @param start the first day
     * @throws CrmValidationException if {@code start} is not the first day of a period
     */
    public Period {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(start, "start");
        if (!unit.startOf(start).equals(start)) {
            throw new CrmValidationException("start", "is not the first day of a " + unit.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * The period of a unit containing a day.
     *
     * @param unit the unit
     * @param day the day
     * @return the period
     */
    public static Period of(PeriodUnit unit, LocalDate day) {
        return new Period(unit, unit.startOf(day));
    }

    /**
     * The period of a unit containing an instant, in a time zone.
     *
     * @param unit the unit
     * @param instant the instant
     * @param zone the zone in which periods start
     * @return the period
     */
    public static Period of(PeriodUnit unit, Instant instant, ZoneId zone) {
        return of(unit, LocalDate.ofInstant(instant, zone));
    }

    /**
     * A grouping key: the period of an item's day.
     *
     * @param unit the unit
     * @param day the item's day
     * @param <T> the item type
     * @return the key function
     */
    public static <T> Function<T, Period> byDate(PeriodUnit unit, Function<? super T, LocalDate> day) {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(day, "day");
        return item -> of(unit, day.apply(item));
    }

    /**
     * A grouping key: the period of an item's instant in a zone.
     *
     * @param unit the unit
     * @param zone the zone in which periods start
     * @param instant the item's instant
     * @param <T> the item type
     * @return the key function
     */
    public static <T> Function<T, Period> byInstant(PeriodUnit unit, ZoneId zone, Function<? super T, Instant> instant) {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(instant, "instant");
        return item -> of(unit, instant.apply(item), zone);
    }

    /**
     * The first day after the period.
     *
     * @return the exclusive end
     */
    public LocalDate endExclusive() {
        return unit.next(start);
    }

    /**
     * Whether a day lies in the period.
     *
     * @param day the day
     * @return true if {@code start <= day < endExclusive()}
     */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(endExclusive());
    }

    /**
     * The next period of the same unit.
     *
     * @return the following period
     */
    public Period next() {
        return new Period(unit, endExclusive());
    }

    @Override
    public int compareTo(Period other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        switch (unit) {
            case DAY:
                return start.toString();
            case WEEK:
                return String.format(java.util.Locale.ROOT, "%d-W%02d",
                        start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH:
                return String.format(java.util.Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER:
                return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR:
                return Integer.toString(start.getYear());
            default:
                throw new IllegalStateException("unknown unit " + unit);
        }
    }
}
