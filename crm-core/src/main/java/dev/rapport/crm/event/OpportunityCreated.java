package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.sales.PipelineId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An opportunity was created in a pipeline stage.
 *
 * <pre>{@code
 * crm.events().subscribe(OpportunityCreated.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param opportunityId the opportunity
 * @param accountId its account, or null
 * @param pipelineId its pipeline
 * @param stage the key of its first stage
 */
public record OpportunityCreated(EventMeta meta, OpportunityId opportunityId, @Nullable AccountId accountId, PipelineId pipelineId, String stage) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param opportunityId the opportunity
     * @param accountId its account, or null
     * @param pipelineId its pipeline
     * @param stage the key of its first stage
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public OpportunityCreated {
        Checks.notNull(meta, "meta");
        Checks.notNull(opportunityId, "opportunityId");
        Checks.notNull(pipelineId, "pipelineId");
        stage = Checks.nonBlank(stage, "stage");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(opportunityId, accountId, pipelineId);
    }
}
