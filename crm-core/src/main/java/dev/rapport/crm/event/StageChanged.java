package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.sales.PipelineId;
import java.util.List;

/**
 * An opportunity moved from one stage to another.
 *
 * <pre>{@code
 * crm.events().subscribe(StageChanged.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param opportunityId the opportunity
 * @param pipelineId its pipeline
 * @param fromStage the key of the stage it left
 * @param toStage the key of the stage it entered
 */
public record StageChanged(EventMeta meta, OpportunityId opportunityId, PipelineId pipelineId, String fromStage, String toStage) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param opportunityId the opportunity
     * @param pipelineId its pipeline
     * @param fromStage the key of the stage it left
     * @param toStage the key of the stage it entered
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public StageChanged {
        Checks.notNull(meta, "meta");
        Checks.notNull(opportunityId, "opportunityId");
        Checks.notNull(pipelineId, "pipelineId");
        fromStage = Checks.nonBlank(fromStage, "fromStage");
        toStage = Checks.nonBlank(toStage, "toStage");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(opportunityId, pipelineId);
    }
}
