package dev.rapport.crm.jpa;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.activity.TimelineLinks;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.service.TicketId;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * The records an activity or task is linked to, as one indexed column per kind of record: a look-up
 * by link is a look-up on the column of the link's kind.
 */
@Access(AccessType.FIELD)
@Embeddable
class LinkColumns {
    @Column(name = "contact_id", length = 128)
    @Nullable String contactId;

    @Column(name = "account_id", length = 128)
    @Nullable String accountId;

    @Column(name = "opportunity_id", length = 128)
    @Nullable String opportunityId;

    @Column(name = "ticket_id", length = 128)
    @Nullable String ticketId;

    protected LinkColumns() {
    }

    static LinkColumns of(TimelineLinks links) {
        LinkColumns c = new LinkColumns();
        c.contactId = links.contactId() == null ? null : links.contactId().value();
        c.accountId = links.accountId() == null ? null : links.accountId().value();
        c.opportunityId = links.opportunityId() == null ? null : links.opportunityId().value();
        c.ticketId = links.ticketId() == null ? null : links.ticketId().value();
        return c;
    }

    static TimelineLinks toDomain(@Nullable LinkColumns c) {
        if (c == null) {
            return TimelineLinks.none();
        }
        return new TimelineLinks(c.contactId == null ? null : ContactId.of(c.contactId),
                c.accountId == null ? null : AccountId.of(c.accountId),
                c.opportunityId == null ? null : OpportunityId.of(c.opportunityId),
                c.ticketId == null ? null : TicketId.of(c.ticketId));
    }

    /**
     * The path of the column that holds links to records of the id's kind, on the entity alias
     * {@code e}, or null if nothing links to that kind of record.
     */
    static @Nullable String path(EntityId link) {
        if (link instanceof ContactId) {
            return "e.links.contactId";
        }
        if (link instanceof AccountId) {
            return "e.links.accountId";
        }
        if (link instanceof OpportunityId) {
            return "e.links.opportunityId";
        }
        if (link instanceof TicketId) {
            return "e.links.ticketId";
        }
        return null;
    }
}
