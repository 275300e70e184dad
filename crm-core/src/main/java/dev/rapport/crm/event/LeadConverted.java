package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.sales.OpportunityId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A lead was converted into a contact and an account, and optionally an opportunity.
 *
 * <pre>{@code
 * crm.events().subscribe(LeadConverted.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param leadId the lead
 * @param contactId the contact it became (new or existing)
 * @param accountId the account it joined (new or existing), or null for a person without a company
 * @param opportunityId the opportunity created, or null
 * @param newContact true if the contact was created by the conversion
 * @param newAccount true if the account was created by the conversion
 */
public record LeadConverted(EventMeta meta, LeadId leadId, ContactId contactId, @Nullable AccountId accountId, @Nullable OpportunityId opportunityId, boolean newContact, boolean newAccount) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param leadId the lead
     * @param contactId the contact it became (new or existing)
     * @param accountId the account it joined (new or existing), or null for a person without a company
     * @param opportunityId the opportunity created, or null
     * @param newContact true if the contact was created by the conversion
     * @param newAccount true if the account was created by the conversion
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public LeadConverted {
        Checks.notNull(meta, "meta");
        Checks.notNull(leadId, "leadId");
        Checks.notNull(contactId, "contactId");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(leadId, contactId, accountId, opportunityId);
    }
}
