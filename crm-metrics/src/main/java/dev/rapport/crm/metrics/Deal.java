package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An opportunity as the sales metrics read it: who owns it, what it is worth, where it stands,
 * and the stages it went through. Hosts map their opportunities (or crm-core's) to deals; the
 * metrics never need more than this.
 *
 * <pre>{@code
 * Deal d = Deal.open("opp-7", "ada", Money.of("12000.00", "EUR"), LocalDate.of(2026, 1, 5))
 *     .inPipeline("new-business")
 *     .fromSource("REFERRAL")
 *     .selling(List.of("fleet-basic"))
 *     .entered("qualify", LocalDate.of(2026, 1, 5))
 *     .entered("proposal", LocalDate.of(2026, 2, 1))
 *     .inStage("proposal", new BigDecimal("0.60"), ForecastCategory.BEST_CASE)
 *     .won(LocalDate.of(2026, 3, 1));
 * }</pre>
 *
 * @param id the deal's id
 * @param ownerId the owner's id
 * @param pipelineId the pipeline's id ({@code "default"} unless set)
 * @param source where the deal came from ({@code "unknown"} unless set)
 * @param productIds the products the deal sells (possibly none)
 * @param amount the deal's amount (for a won deal, what was won)
 * @param status open, won, lost or no decision
 * @param createdOn the day the deal was created
 * @param closedOn the day it closed, null while open
 * @param stage the current stage's key
 * @param probability the current stage's win probability, in [0, 1]
 * @param forecastCategory the forecast category set on the deal while open
 * @param stageHistory the stages entered, oldest first
 */
public record Deal(String id, String ownerId, String pipelineId, String source, List<String> productIds, Money amount,
        DealStatus status, LocalDate createdOn, @Nullable LocalDate closedOn, String stage, BigDecimal probability,
        ForecastCategory forecastCategory, List<StageVisit> stageHistory) {

    /**
     * Checks the deal is consistent.
     *
     * @param id the deal's id
     * @param ownerId the owner's id
     * @param pipelineId the pipeline's id
     * @param source where the deal came from
     * @param productIds the products the deal sells
     * @param amount the deal's amount
     * @param status open, won, lost or no decision
     * @param createdOn the day the deal was created
     * @param closedOn the day it closed, null while open
     * @param stage the current stage's key
     * @param probability the current stage's win probability
     * @param forecastCategory the forecast category set on the deal
     * @param stageHistory the stages entered, oldest first
     * @throws dev.rapport.crm.CrmValidationException naming the part that is missing or wrong: a
     *     negative amount, a probability outside [0, 1], a closed deal without a close day (or an
     *     open one with one), a close day before the creation day
     */
    public Deal {
        Inputs.id(id, "id");
        Inputs.id(ownerId, "ownerId");
        Inputs.id(pipelineId, "pipelineId");
        Inputs.id(source, "source");
        Inputs.present(productIds, "productIds");
        productIds = List.copyOf(productIds);
        productIds.forEach(p -> Inputs.id(p, "productIds"));
        Inputs.present(amount, "amount");
        Inputs.check(!amount.isNegative(), "amount", "must not be negative");
        Inputs.present(status, "status");
        Inputs.present(createdOn, "createdOn");
        Inputs.check(status.closed() == (closedOn != null), "closedOn",
                "must be set exactly when the deal is closed");
        Inputs.check(closedOn == null || !closedOn.isBefore(createdOn), "closedOn", "is before createdOn");
        Inputs.id(stage, "stage");
        Inputs.fraction(probability, "probability");
        Inputs.present(forecastCategory, "forecastCategory");
        Inputs.present(stageHistory, "stageHistory");
        stageHistory = List.copyOf(stageHistory);
    }

    /**
     * A new open deal in stage {@code "open"}, probability 0, category pipeline, no history.
     *
     * @param id the deal's id
     * @param ownerId the owner's id
     * @param amount the amount
     * @param createdOn the creation day
     * @return the deal
     */
    public static Deal open(String id, String ownerId, Money amount, LocalDate createdOn) {
        return new Deal(id, ownerId, "default", "unknown", List.of(), amount, DealStatus.OPEN, createdOn, null, "open",
                BigDecimal.ZERO, ForecastCategory.PIPELINE, List.of());
    }

    /**
     * This deal in another pipeline.
     *
     * @param pipeline the pipeline's id
     * @return the copy
     */
    public Deal inPipeline(String pipeline) {
        return new Deal(id, ownerId, pipeline, source, productIds, amount, status, createdOn, closedOn, stage, probability,
                forecastCategory, stageHistory);
    }

    /**
     * This deal from a source.
     *
     * @param from the source, e.g. a lead source's name
     * @return the copy
     */
    public Deal fromSource(String from) {
        return new Deal(id, ownerId, pipelineId, from, productIds, amount, status, createdOn, closedOn, stage,
                probability, forecastCategory, stageHistory);
    }

    /**
     * This deal selling products.
     *
     * @param products the products' ids
     * @return the copy
     */
    public Deal selling(List<String> products) {
        return new Deal(id, ownerId, pipelineId, source, products, amount, status, createdOn, closedOn, stage,
                probability, forecastCategory, stageHistory);
    }

    /**
     * This deal in a current stage with its probability and forecast category.
     *
     * @param stageKey the stage
     * @param stageProbability the stage's probability, in [0, 1]
     * @param category the forecast category
     * @return the copy
     */
    public Deal inStage(String stageKey, BigDecimal stageProbability, ForecastCategory category) {
        return new Deal(id, ownerId, pipelineId, source, productIds, amount, status, createdOn, closedOn, stageKey, stageProbability,
                category, stageHistory);
    }

    /**
     * This deal with one more stage entry appended to its history.
     *
     * @param stageKey the stage entered
     * @param on the day
     * @return the copy
     */
    public Deal entered(String stageKey, LocalDate on) {
        List<StageVisit> history = new ArrayList<>(stageHistory);
        history.add(new StageVisit(stageKey, on));
        return new Deal(id, ownerId, pipelineId, source, productIds, amount, status, createdOn, closedOn, stageKey, probability,
                forecastCategory, history);
    }

    /**
     * This deal won on a day.
     *
     * @param on the close day
     * @return the copy
     */
    public Deal won(LocalDate on) {
        return closed(DealStatus.WON, on);
    }

    /**
     * This deal lost on a day.
     *
     * @param on the close day
     * @return the copy
     */
    public Deal lost(LocalDate on) {
        return closed(DealStatus.LOST, on);
    }

    /**
     * This deal closed with a status on a day.
     *
     * @param closedStatus won, lost or no decision
     * @param on the close day
     * @return the copy
     */
    public Deal closed(DealStatus closedStatus, LocalDate on) {
        Inputs.check(closedStatus != null && closedStatus.closed(), "status", "must be a closed status");
        return new Deal(id, ownerId, pipelineId, source, productIds, amount, closedStatus, createdOn, on, stage, probability,
                forecastCategory, stageHistory);
    }

    /**
     * The close day, while closed.
     *
     * @return the close day, or empty while open
     */
    public Optional<LocalDate> closedOnIfClosed() {
        return Optional.ofNullable(closedOn);
    }

    /**
     * The first day the deal entered a stage.
     *
     * @param stageKey the stage
     * @return the day, or empty if the history does not show it
     */
    public Optional<LocalDate> firstEntered(String stageKey) {
        for (StageVisit v : stageHistory) {
            if (v.stage().equals(stageKey)) {
                return Optional.of(v.enteredOn());
            }
        }
        return Optional.empty();
    }

    /**
     * The forecast category that counts: closed when won, omitted when lost or no decision, the
     * deal's own category while open.
     *
     * @return the effective category
     */
    public ForecastCategory effectiveCategory() {
        switch (status) {
            case WON:
                return ForecastCategory.CLOSED;
            case LOST:
            case NO_DECISION:
                return ForecastCategory.OMITTED;
            default:
                return forecastCategory == ForecastCategory.CLOSED ? ForecastCategory.COMMIT : forecastCategory;
        }
    }
}
