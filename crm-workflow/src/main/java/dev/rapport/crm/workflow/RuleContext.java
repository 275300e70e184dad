package dev.rapport.crm.workflow;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.Crm;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.AccountUpdated;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.LeadConverted;
import dev.rapport.crm.event.LeadDisqualified;
import dev.rapport.crm.event.LeadQualified;
import dev.rapport.crm.event.LeadUpdated;
import dev.rapport.crm.event.LifecycleChanged;
import dev.rapport.crm.event.OpportunityLost;
import dev.rapport.crm.event.OpportunityReopened;
import dev.rapport.crm.event.OpportunityUpdated;
import dev.rapport.crm.event.OpportunityWon;
import dev.rapport.crm.event.StageChanged;
import dev.rapport.crm.event.TicketResolved;
import dev.rapport.crm.event.TicketStatusChanged;
import dev.rapport.crm.event.TicketUpdated;
import dev.rapport.crm.event.SubscriptionCancelled;
import dev.rapport.crm.event.SubscriptionChanged;
import dev.rapport.crm.event.SubscriptionRenewed;
import dev.rapport.crm.event.SubscriptionUpdated;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.revenue.SubscriptionId;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.service.TicketId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a condition sees: the tenant's CRM (read it, do not change it in a condition), the entity
 * the rule runs for, the triggering event (none when a timer triggered the rule) and the time from
 * the CRM's clock. The entity is loaded once, on first use.
 *
 * <pre>{@code
 * Condition bigAccount = Conditions.test("account has 500+ employees",
 *     ctx -> ctx.account().map(a -> a.employees() != null && a.employees() >= 500).orElse(false));
 * }</pre>
 */
public final class RuleContext {
    private final Crm crm;
    private final EntityKind kind;
    private final @Nullable EntityId subject;
    private final @Nullable CrmEvent event;
    private final Instant now;
    private final @Nullable Facts facts;
    private boolean loaded;
    private @Nullable Object entity;

    RuleContext(Crm crm, EntityKind kind, @Nullable EntityId subject, @Nullable CrmEvent event, Instant now) {
        this.crm = crm;
        this.kind = kind;
        this.subject = subject;
        this.event = event;
        this.now = now;
        this.facts = null;
    }

    /** A context whose field conditions read the facts instead of an entity. */
    RuleContext(Crm crm, EntityKind kind, Facts facts, Instant now) {
        this.crm = crm;
        this.kind = kind;
        this.subject = null;
        this.event = null;
        this.now = now;
        this.facts = facts;
        this.loaded = true;
    }

    /** A context for an entity already read (from a page of a listing), so it is not read again. */
    static RuleContext ofLoaded(Crm crm, EntityKind kind, Aggregate<?> entity, Instant now) {
        RuleContext c = new RuleContext(crm, kind, entity.id(), null, now);
        c.loaded = true;
        c.entity = entity;
        return c;
    }

    @Nullable Facts facts() {
        return facts;
    }

    /**
     * The tenant.
     *
     * @return the tenant
     */
    public TenantId tenant() {
        return crm.tenant();
    }

    /**
     * The tenant's CRM.
     *
     * @return the CRM
     */
    public Crm crm() {
        return crm;
    }

    /**
     * The kind of entity the rule runs for.
     *
     * @return the kind
     */
    public EntityKind kind() {
        return kind;
    }

    /**
     * The entity the rule runs for, if any.
     *
     * @return its id
     */
    public Optional<EntityId> subject() {
        return Optional.ofNullable(subject);
    }

    /**
     * The triggering event; empty when a timer triggered or resumed the rule.
     *
     * @return the event
     */
    public Optional<CrmEvent> event() {
        return Optional.ofNullable(event);
    }

    /**
     * The time, from the CRM's clock.
     *
     * @return now
     */
    public Instant now() {
        return now;
    }

    /**
     * The subject as a contact, if it is one and exists.
     *
     * @return the contact
     */
    public Optional<Contact> contact() {
        return entity() instanceof Contact c ? Optional.of(c) : Optional.empty();
    }

    /**
     * The subject as an account, if it is one and exists.
     *
     * @return the account
     */
    public Optional<Account> account() {
        return entity() instanceof Account a ? Optional.of(a) : Optional.empty();
    }

    /**
     * The subject as a lead, if it is one and exists.
     *
     * @return the lead
     */
    public Optional<Lead> lead() {
        return entity() instanceof Lead l ? Optional.of(l) : Optional.empty();
    }

    /**
     * The subject as an opportunity, if it is one and exists.
     *
     * @return the opportunity
     */
    public Optional<Opportunity> opportunity() {
        return entity() instanceof Opportunity o ? Optional.of(o) : Optional.empty();
    }

    /**
     * The subject as a subscription, if it is one and exists.
     *
     * @return the subscription
     */
    public Optional<Subscription> subscription() {
        return entity() instanceof Subscription s ? Optional.of(s) : Optional.empty();
    }

    /**
     * The subject as a ticket, if it is one and exists.
     *
     * @return the ticket
     */
    public Optional<Ticket> ticket() {
        return entity() instanceof Ticket t ? Optional.of(t) : Optional.empty();
    }

    @Nullable Object entity() {
        if (!loaded) {
            loaded = true;
            if (subject instanceof ContactId id) {
                entity = crm.contacts().find(id).orElse(null);
            } else if (subject instanceof AccountId id) {
                entity = crm.accounts().find(id).orElse(null);
            } else if (subject instanceof LeadId id) {
                entity = crm.leads().find(id).orElse(null);
            } else if (subject instanceof OpportunityId id) {
                entity = crm.opportunities().find(id).orElse(null);
            } else if (subject instanceof TicketId id) {
                entity = crm.tickets().find(id).orElse(null);
            } else if (subject instanceof SubscriptionId id) {
                entity = crm.subscriptions().find(id).orElse(null);
            }
        }
        return entity;
    }

    /** The record components the triggering event changed; null means all (a creation). */
    @Nullable Set<String> changedComponents() {
        if (event instanceof ContactUpdated u) {
            return u.changedFields();
        } else if (event instanceof AccountUpdated u) {
            return u.changedFields();
        } else if (event instanceof LifecycleChanged) {
            return Set.of("lifecycleStage");
        } else if (event instanceof LeadUpdated u) {
            return u.changedFields();
        } else if (event instanceof LeadQualified || event instanceof LeadDisqualified
                || event instanceof LeadConverted) {
            return Set.of("status");
        } else if (event instanceof TicketUpdated u) {
            return u.changedFields();
        } else if (event instanceof TicketStatusChanged || event instanceof TicketResolved) {
            return Set.of("status", "resolvedAt");
        } else if (event instanceof OpportunityUpdated u) {
            return u.changedFields();
        } else if (event instanceof SubscriptionUpdated u) {
            return u.changedFields();
        } else if (event instanceof StageChanged) {
            return Set.of("stage");
        } else if (event instanceof OpportunityWon || event instanceof OpportunityLost
                || event instanceof OpportunityReopened) {
            return Set.of("status", "stage", "closedAt");
        } else if (event instanceof SubscriptionRenewed) {
            return Set.of("renewalDate", "status");
        } else if (event instanceof SubscriptionCancelled) {
            return Set.of("status", "endDate");
        } else if (event instanceof SubscriptionChanged) {
            return Set.of("mrr", "plan", "status");
        } else if (event != null && kind.changeEvents().contains(event.getClass())) {
            return null;
        }
        return Set.of();
    }
}
