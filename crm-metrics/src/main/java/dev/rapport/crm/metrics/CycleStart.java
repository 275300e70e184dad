package dev.rapport.crm.metrics;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a sales cycle starts: when the deal was created, or when it first entered a stage (for
 * example when the buyer was first engaged). Deals whose history lacks the start are left out of
 * the cycle metrics (and so out of their sample size).
 *
 * <pre>{@code
 * SalesMetrics.salesCycleDays(CycleStart.created());
 * SalesMetrics.salesCycleDays(CycleStart.stageEntered("engaging"));
 * }</pre>
 *
 * @param stage the stage whose first entry starts the cycle, or empty for the creation day
 */
public record CycleStart(Optional<String> stage) {

    /**
     * Checks the part is present.
     *
     * @param stage the stage whose first entry starts the cycle, or empty for the creation day
     */
    public CycleStart {
        Objects.requireNonNull(stage, "stage");
    }

    /**
     * The cycle starts when the deal is created.
     *
     * @return the start point
     */
    public static CycleStart created() {
        return new CycleStart(Optional.empty());
    }

    /**
     * The cycle starts when the deal first enters a stage.
     *
     * @param stage the stage's key
     * @return the start point
     */
    public static CycleStart stageEntered(String stage) {
        return new CycleStart(Optional.of(Inputs.id(stage, "stage")));
    }

    /**
     * The start day of a deal's cycle.
     *
     * @param deal the deal
     * @return the day, or empty when the deal's history does not show it
     */
    public Optional<LocalDate> of(Deal deal) {
        return stage.isEmpty() ? Optional.of(deal.createdOn()) : deal.firstEntered(stage.get());
    }
}
