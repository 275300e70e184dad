package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.marketing.CampaignId;
import java.util.List;
import java.util.Set;

/**
 * A campaign's details, status or actual cost changed.
 *
 * <pre>{@code
 * crm.events().subscribe(CampaignUpdated.class, e -> System.out.println(e.changedFields()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param campaignId the campaign
 * @param changedFields the names of the fields that changed
 */
public record CampaignUpdated(EventMeta meta, CampaignId campaignId, Set<String> changedFields) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param campaignId the campaign
     * @param changedFields the names of the fields that changed
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public CampaignUpdated {
        Checks.notNull(meta, "meta");
        Checks.notNull(campaignId, "campaignId");
        changedFields = Set.copyOf(Checks.notNull(changedFields, "changedFields"));
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(campaignId);
    }
}
