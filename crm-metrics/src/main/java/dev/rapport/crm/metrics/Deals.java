package dev.rapport.crm.metrics;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.LineItem;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.OpportunityStatus;
import dev.rapport.crm.sales.Pipeline;
import dev.rapport.crm.sales.PipelineId;
import dev.rapport.crm.sales.Stage;
import dev.rapport.crm.sales.StageChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads crm-core's opportunities as {@link Deal}s for the sales metrics: the owner (or
 * {@code "unassigned"}), pipeline, source (or {@code "unknown"}), products of the line items,
 * amount (zero while unknown), status (a lost deal whose reason the mapping calls no decision is
 * {@link DealStatus#NO_DECISION}), creation and close days in the mapping's zone, the current
 * stage's probability and forecast category from its pipeline, and the stage history.
 *
 * <pre>{@code
 * Function<Opportunity, Deal> toDeal = Deals.mapper(crm.pipelines().list(), DealMapping.utc("EUR"));
 * Ratio winRate = SalesMetrics.winRateByCount(NoDecision.EXCLUDED).of(opportunities.stream().map(toDeal));
 * }</pre>
 */
public final class Deals {

    private Deals() {
    }

    /**
     * One opportunity as a deal.
     *
     * @param opportunity the opportunity
     * @param pipeline its pipeline
     * @param mapping zone, unknown-amount currency and no-decision reasons
     * @return the deal
     * @throws CrmValidationException on {@code "tenantId"} if the pipeline belongs to another
     *     tenant (a metric never mixes tenants), on {@code "pipeline"} if it is not the
     *     opportunity's, or on {@code "stage"} if the pipeline has no such stage
     */
    public static Deal from(Opportunity opportunity, Pipeline pipeline, DealMapping mapping) {
        Objects.requireNonNull(opportunity, "opportunity");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(mapping, "mapping");
        if (!pipeline.tenantId().equals(opportunity.tenantId())) {
            throw new CrmValidationException("tenantId", "the pipeline belongs to another tenant");
        }
        if (!pipeline.id().equals(opportunity.pipelineId())) {
            throw new CrmValidationException("pipeline", "is not the opportunity's pipeline");
        }
        Stage stage = pipeline.stage(opportunity.stage())
                .orElseThrow(() -> new CrmValidationException("stage", "is not in the opportunity's pipeline"));
        List<StageVisit> history = new ArrayList<>(opportunity.stageHistory().size());
        for (StageChange change : opportunity.stageHistory()) {
            history.add(new StageVisit(change.to(), day(change.at(), mapping)));
        }
        List<String> products = new ArrayList<>(opportunity.lineItems().size());
        for (LineItem item : opportunity.lineItems()) {
            products.add(item.productId().value());
        }
        Money amount = opportunity.amount() == null ? Money.zero(mapping.unknownAmountCurrency()) : opportunity.amount();
        Instant closedAt = opportunity.closedAt();
        return new Deal(opportunity.id().value(),
                opportunity.ownerId() == null ? "unassigned" : opportunity.ownerId().value(),
                opportunity.pipelineId().value(),
                opportunity.source() == null ? "unknown" : opportunity.source().name(),
                products, amount, status(opportunity, mapping), day(opportunity.createdAt(), mapping),
                closedAt == null ? null : day(closedAt, mapping), opportunity.stage(), stage.probability(),
                stage.forecastCategory(), history);
    }

    /**
     * A function mapping opportunities to deals, finding each one's pipeline by id.
     *
     * @param pipelines the tenant's pipelines
     * @param mapping zone, unknown-amount currency and no-decision reasons
     * @return the function; it throws {@link CrmValidationException} on {@code "pipeline"} for an
     *     opportunity whose pipeline is not among them
     */
    public static Function<Opportunity, Deal> mapper(Iterable<Pipeline> pipelines, DealMapping mapping) {
        Objects.requireNonNull(mapping, "mapping");
        Map<PipelineId, Pipeline> byId = new HashMap<>();
        for (Pipeline p : pipelines) {
            byId.put(p.id(), p);
        }
        return opportunity -> {
            Pipeline p = byId.get(opportunity.pipelineId());
            if (p == null) {
                throw new CrmValidationException("pipeline", "is not among the given pipelines");
            }
            return from(opportunity, p, mapping);
        };
    }

    private static DealStatus status(Opportunity opportunity, DealMapping mapping) {
        if (opportunity.status() == OpportunityStatus.WON) {
            return DealStatus.WON;
        }
        if (opportunity.status() == OpportunityStatus.LOST) {
            @Nullable String reason = opportunity.closeReason();
            return reason != null && mapping.noDecision().test(reason) ? DealStatus.NO_DECISION : DealStatus.LOST;
        }
        return DealStatus.OPEN;
    }

    private static LocalDate day(Instant at, DealMapping mapping) {
        return LocalDate.ofInstant(at, mapping.zone());
    }
}
