package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;
import java.util.List;
import java.util.Objects;

/**
 * The settings of a sales summary ({@link SalesMetrics#summary(SalesSummarySpec)}): the funnel's
 * stages, where the sales cycle starts, how no-decision deals count, the quota for the coverage,
 * the period of the period-basis funnels and the reporting currency.
 *
 * <pre>{@code
 * SalesSummarySpec spec = new SalesSummarySpec(List.of("qualify", "propose", "negotiate"),
 *     CycleStart.created(), NoDecision.EXCLUDED, Money.of("500000.00", "EUR"),
 *     Period.of(PeriodUnit.QUARTER, LocalDate.of(2026, 1, 1)), Conversion.strict("EUR"));
 * }</pre>
 *
 * @param stages the funnel's stages in order (at least one, no repeats, not {@code "won"})
 * @param cycleStart where the sales cycle starts; a stage must be one of the stages
 * @param noDecision whether no-decision deals count as lost or are left out
 * @param quota the target of the pipeline coverage
 * @param period the period of the period-basis funnels
 * @param conversion the reporting currency
 */
public record SalesSummarySpec(List<String> stages, CycleStart cycleStart, NoDecision noDecision, Money quota,
        Period period, Conversion conversion) {

    /**
     * Checks the settings.
     *
     * @param stages the funnel's stages
     * @param cycleStart where the sales cycle starts
     * @param noDecision how no-decision deals count
     * @param quota the coverage's target
     * @param period the period of the period-basis funnels
     * @param conversion the reporting currency
     * @throws dev.rapport.crm.CrmValidationException on {@code "stages"} when empty or repeating,
     *     on {@code "cycleStart"} when its stage is not among the stages, on {@code "quota"} when
     *     negative
     */
    public SalesSummarySpec {
        stages = SalesMetrics.stages(stages);
        Inputs.present(cycleStart, "cycleStart");
        Inputs.check(cycleStart.stage().isEmpty() || stages.contains(cycleStart.stage().get()), "cycleStart",
                "must start at one of the stages");
        Inputs.present(noDecision, "noDecision");
        Inputs.present(quota, "quota");
        Inputs.present(period, "period");
        Inputs.present(conversion, "conversion");
        Inputs.check(!conversion.toReporting(quota).isNegative(), "quota", "must not be negative");
        Objects.requireNonNull(stages, "stages");
    }
}
