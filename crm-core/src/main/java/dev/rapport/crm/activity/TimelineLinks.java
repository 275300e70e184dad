package dev.rapport.crm.activity;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.service.TicketId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The records an activity or a task belongs to: at most one contact, one account, one
 * opportunity and one ticket. An activity appears on the timeline of each of them.
 *
 * <pre>{@code
 * TimelineLinks links = TimelineLinks.none().withContact(ada.id()).withAccount(acme.id());
 * links.ids();   // [ada's id, acme's id]
 * }</pre>
 *
 * @param contactId the contact, or null
 * @param accountId the account, or null
 * @param opportunityId the opportunity, or null
 * @param ticketId the ticket, or null
 */
public record TimelineLinks(@Nullable ContactId contactId, @Nullable AccountId accountId,
        @Nullable OpportunityId opportunityId, @Nullable TicketId ticketId) {
    private static final TimelineLinks NONE = new TimelineLinks(null, null, null, null);

    /**
     * No links.
     *
     * @return the empty links
     */
    public static TimelineLinks none() {
        return NONE;
    }

    /**
     * With a contact.
     *
     * @param value the contact, or null to remove the link
     * @return the links
     */
    public TimelineLinks withContact(@Nullable ContactId value) {
        return new TimelineLinks(value, accountId, opportunityId, ticketId);
    }

    /**
     * With an account.
     *
     * @param value the account, or null to remove the link
     * @return the links
     */
    public TimelineLinks withAccount(@Nullable AccountId value) {
        return new TimelineLinks(contactId, value, opportunityId, ticketId);
    }

    /**
     * With an opportunity.
     *
     * @param value the opportunity, or null to remove the link
     * @return the links
     */
    public TimelineLinks withOpportunity(@Nullable OpportunityId value) {
        return new TimelineLinks(contactId, accountId, value, ticketId);
    }

    /**
     * With a ticket.
     *
     * @param value the ticket, or null to remove the link
     * @return the links
     */
    public TimelineLinks withTicket(@Nullable TicketId value) {
        return new TimelineLinks(contactId, accountId, opportunityId, value);
    }

    /**
     * The linked ids, in the order contact, account, opportunity, ticket.
     *
     * @return the ids present
     */
    public List<EntityId> ids() {
        List<EntityId> ids = new ArrayList<>(4);
        if (contactId != null) {
            ids.add(contactId);
        }
        if (accountId != null) {
            ids.add(accountId);
        }
        if (opportunityId != null) {
            ids.add(opportunityId);
        }
        if (ticketId != null) {
            ids.add(ticketId);
        }
        return List.copyOf(ids);
    }

    /**
     * Whether nothing is linked.
     *
     * @return true if there is no link
     */
    public boolean isEmpty() {
        return contactId == null && accountId == null && opportunityId == null && ticketId == null;
    }
}
