package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import java.util.List;

/**
 * Something that happened to the CRM's data. Events are published after the change is stored,
 * to subscribers of {@link dev.rapport.crm.Crm#events()} and to the
 * {@link dev.rapport.crm.spi.EventPublisher} port; they are the only way workflows and
 * integrations learn of changes. The hierarchy is sealed: every event type is listed here.
 *
 * <pre>{@code
 * crm.events().subscribe(event -> {
 *     if (event instanceof StageChanged s) {
 *         forecast.refresh(s.opportunityId());
 *     }
 * });
 * }</pre>
 */
public sealed interface CrmEvent permits
        ContactCreated,
        ContactUpdated,
        AccountCreated,
        AccountUpdated,
        ContactsMerged,
        AccountsMerged,
        LifecycleChanged,
        LeadCaptured,
        LeadQualified,
        LeadDisqualified,
        LeadConverted,
        OpportunityCreated,
        OpportunityUpdated,
        StageChanged,
        OpportunityWon,
        OpportunityLost,
        OpportunityReopened,
        ActivityLogged,
        TaskCreated,
        TaskCompleted,
        TicketOpened,
        TicketStatusChanged,
        TicketResolved,
        SubscriptionStarted,
        SubscriptionChanged,
        SubscriptionRenewed,
        SubscriptionCancelled,
        SubscriptionUpdated,
        CustomFieldSchemaChanged,
        CampaignMemberAdded,
        LeadUpdated,
        ActivityCorrected,
        TaskUpdated,
        TaskCancelled,
        TicketUpdated,
        CampaignCreated,
        CampaignUpdated,
        CampaignMemberTouched,
        ConsentChanged,
        PersonalDataErased {

    /**
     * The event's id, tenant, time and actor.
     *
     * @return the metadata
     */
    EventMeta meta();

    /**
     * The ids of the aggregates this event concerns, the main one first.
     *
     * @return the ids, never empty
     */
    List<EntityId> subjects();
}
