package dev.rapport.crm.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The length of a reporting period. Weeks are ISO weeks (Monday to Sunday); quarters start in
 * January, April, July and October.
 *
 * <pre>{@code
 * PeriodUnit.QUARTER.startOf(LocalDate.of(2017, 5, 17));   // 2017-04-01
 * }</pre>
 */
public enum PeriodUnit {
    /** One calendar day. */
    DAY,
    /** One ISO week, Monday to Sunday. */
    WEEK,
    /** One calendar month. */
    MONTH,
    /** One calendar quarter. */
    QUARTER,
    /** One calendar year. */
    YEAR;

    /**
     * The first day of the period that contains a day.
     *
     * @param day the day
     * @return the first day of its period
     */
    public LocalDate startOf(LocalDate day) {
        switch (this) {
            case DAY:
                return day;
            case WEEK:
                return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH:
                return day.withDayOfMonth(1);
            case QUARTER:
                return LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case YEAR:
                return day.withDayOfYear(1);
            default:
                throw new IllegalStateException("unknown unit " + this);
        }
    }

    /**
     * The first day of the next period.
     *
     * @param start the first day of a period of this unit
     * @return the first day after it
     */
    public LocalDate next(LocalDate start) {
        switch (this) {
            case DAY:
                return start.plusDays(1);
            case WEEK:
                return start.plusWeeks(1);
            case MONTH:
                return start.plusMonths(1);
            case QUARTER:
                return start.plusMonths(3);
            case YEAR:
                return start.plusYears(1);
            default:
                throw new IllegalStateException("unknown unit " + this);
        }
    }
}
