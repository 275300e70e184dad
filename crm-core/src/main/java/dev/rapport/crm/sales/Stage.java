package dev.rapport.crm.sales;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One stage of a {@link Pipeline}: a stable key, a display name, its position, the probability
 * of winning from it, its forecast category, whether it is closed (and won), and the requirements
 * an opportunity must meet to enter it.
 *
 * <p>Rules: the key is a lower-case slug ({@code "needs-analysis"}); the probability is in
 * [0, 1]; a won stage is closed, has probability 1 and forecast category
 * {@link ForecastCategory#CLOSED}; a lost stage (closed, not won) has probability 0 and category
 * {@link ForecastCategory#OMITTED}; an open stage is never {@link ForecastCategory#CLOSED}.
 * {@code order} is the stage's 1-based position in its pipeline, set by the pipeline (0 until
 * the stage is placed in one).
 *
 * <pre>{@code
 * Stage proposal = Stage.open("proposal", "Proposal", new BigDecimal("0.6"), ForecastCategory.BEST_CASE)
 *         .requiring(StageRequirement.amountRequired());
 * Stage won = Stage.won("closed-won", "Closed won");
 * Stage lost = Stage.lost("closed-lost", "Closed lost");
 * }</pre>
 *
 * @param key the stable key, a lower-case slug
 * @param name the display name
 * @param order the 1-based position in the pipeline (0 when not in one)
 * @param probability the probability of winning, in [0, 1]
 * @param forecastCategory how it counts in a forecast
 * @param closed whether opportunities in it are closed
 * @param won whether opportunities in it are won (implies closed)
 * @param requirements what an opportunity must meet to enter it
 */
public record Stage(String key, String name, int order, BigDecimal probability, ForecastCategory forecastCategory,
        boolean closed, boolean won, List<StageRequirement> requirements) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:[-_][a-z0-9]+)*");

    /**
     * Validates the stage.
     *
     * @param key the stable key, a lower-case slug
     * @param name the display name
     * @param order the 1-based position in the pipeline (0 when not in one)
     * @param probability the probability of winning, in [0, 1]
     * @param forecastCategory how it counts in a forecast
     * @param closed whether opportunities in it are closed
     * @param won whether opportunities in it are won (implies closed)
     * @param requirements what an opportunity must meet to enter it
     * @throws CrmValidationException naming the field if a value is missing or the rules above
     *     are broken
     */
    public Stage {
        key = checkKey(key, "stage.key");
        name = Checks.maxLength(Checks.nonBlank(name, "stage.name"), 100, "stage.name");
        Checks.check(order >= 0, "stage.order", "must not be negative");
        Checks.notNull(probability, "stage.probability");
        Checks.check(probability.signum() >= 0 && probability.compareTo(BigDecimal.ONE) <= 0,
                "stage.probability", "must be between 0 and 1");
        Checks.notNull(forecastCategory, "stage.forecastCategory");
        Checks.check(!won || closed, "stage.won", "a won stage must be closed");
        if (won) {
            Checks.check(probability.compareTo(BigDecimal.ONE) == 0, "stage.probability",
                    "must be 1 for a won stage");
            Checks.check(forecastCategory == ForecastCategory.CLOSED, "stage.forecastCategory",
                    "must be CLOSED for a won stage");
        } else if (closed) {
            Checks.check(probability.signum() == 0, "stage.probability", "must be 0 for a lost stage");
            Checks.check(forecastCategory == ForecastCategory.OMITTED, "stage.forecastCategory",
                    "must be OMITTED for a lost stage");
        } else {
            Checks.check(forecastCategory != ForecastCategory.CLOSED, "stage.forecastCategory",
                    "must not be CLOSED for an open stage");
        }
        requirements = Checks.list(requirements, "stage.requirements");
    }

    /**
     * An open stage.
     *
     * @param key the key, a lower-case slug such as {@code "proposal"}
     * @param name the display name
     * @param probability the probability of winning, in [0, 1]
     * @param category how it counts in a forecast (not CLOSED)
     * @return the stage, without requirements
     * @throws CrmValidationException naming the field if a value is invalid
     */
    public static Stage open(String key, String name, BigDecimal probability, ForecastCategory category) {
        return new Stage(key, name, 0, probability, category, false, false, List.of());
    }

    /**
     * The closed-won stage: probability 1, forecast category CLOSED.
     *
     * @param key the key, e.g. {@code "closed-won"}
     * @param name the display name
     * @return the stage
     * @throws CrmValidationException naming the field if a value is invalid
     */
    public static Stage won(String key, String name) {
        return new Stage(key, name, 0, BigDecimal.ONE, ForecastCategory.CLOSED, true, true, List.of());
    }

    /**
     * A closed-lost stage: probability 0, forecast category OMITTED.
     *
     * @param key the key, e.g. {@code "closed-lost"}
     * @param name the display name
     * @return the stage
     * @throws CrmValidationException naming the field if a value is invalid
     */
    public static Stage lost(String key, String name) {
        return new Stage(key, name, 0, BigDecimal.ZERO, ForecastCategory.OMITTED, true, false, List.of());
    }

    /**
     * A copy with one more entry requirement.
     *
     * @param requirement the requirement
     * @return the copy
     */
    public Stage requiring(StageRequirement requirement) {
        List<StageRequirement> next = new ArrayList<>(requirements);
        next.add(Checks.notNull(requirement, "stage.requirements"));
        return new Stage(key, name, order, probability, forecastCategory, closed, won, next);
    }

    /**
     * A copy with other entry requirements.
     *
     * @param newRequirements the requirements
     * @return the copy
     */
    public Stage withRequirements(List<StageRequirement> newRequirements) {
        return new Stage(key, name, order, probability, forecastCategory, closed, won, newRequirements);
    }

    Stage withOrder(int newOrder) {
        return newOrder == order ? this
                : new Stage(key, name, newOrder, probability, forecastCategory, closed, won, requirements);
    }

    /**
     * Whether opportunities in this stage are still open.
     *
     * @return true if not closed
     */
    public boolean isOpen() {
        return !closed;
    }

    /**
     * Whether this is a closed-lost stage.
     *
     * @return true if closed and not won
     */
    public boolean isLost() {
        return closed && !won;
    }

    /**
     * The status of an opportunity in this stage.
     *
     * @return OPEN, WON or LOST
     */
    public OpportunityStatus status() {
        return won ? OpportunityStatus.WON : closed ? OpportunityStatus.LOST : OpportunityStatus.OPEN;
    }

    /**
     * Checks every entry requirement against an opportunity.
     *
     * @param opportunity the opportunity as it would enter this stage
     * @return the requirements that are not met, in order; empty if it may enter
     */
    public List<RequirementResult.Unmet> unmetRequirements(Opportunity opportunity) {
        List<RequirementResult.Unmet> unmet = new ArrayList<>();
        for (StageRequirement requirement : requirements) {
            if (requirement.check(opportunity) instanceof RequirementResult.Unmet u) {
                unmet.add(u);
            }
        }
        return List.copyOf(unmet);
    }

    static String checkKey(@Nullable String key, String field) {
        String k = Checks.maxLength(Checks.nonBlank(key, field), 64, field);
        if (!SLUG.matcher(k).matches()) {
            throw new CrmValidationException(field, "must be a lower-case slug such as proposal or closed-won");
        }
        return k;
    }
}
