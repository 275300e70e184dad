package dev.rapport.crm.workflow;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.event.AccountCreated;
import dev.rapport.crm.event.AccountUpdated;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.LeadCaptured;
import dev.rapport.crm.event.LeadConverted;
import dev.rapport.crm.event.LeadDisqualified;
import dev.rapport.crm.event.LeadQualified;
import dev.rapport.crm.event.LeadUpdated;
import dev.rapport.crm.event.LifecycleChanged;
import dev.rapport.crm.event.OpportunityCreated;
import dev.rapport.crm.event.OpportunityLost;
import dev.rapport.crm.event.OpportunityReopened;
import dev.rapport.crm.event.OpportunityUpdated;
import dev.rapport.crm.event.OpportunityWon;
import dev.rapport.crm.event.StageChanged;
import dev.rapport.crm.event.TicketOpened;
import dev.rapport.crm.event.TicketResolved;
import dev.rapport.crm.event.TicketStatusChanged;
import dev.rapport.crm.event.TicketUpdated;
import dev.rapport.crm.event.SubscriptionCancelled;
import dev.rapport.crm.event.SubscriptionChanged;
import dev.rapport.crm.event.SubscriptionRenewed;
import dev.rapport.crm.event.SubscriptionStarted;
import dev.rapport.crm.event.SubscriptionUpdated;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.revenue.SubscriptionId;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.service.TicketId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of entity a rule can run for; the kind decides the schema its conditions are checked
 * against and which of an event's subjects the rule acts on.
 *
 * <pre>{@code
 * Rule rule = Rule.named("vip").on(EntityKind.ACCOUNT).when(Triggers.event(AccountUpdated.class))
 *     .then(Actions.addTag("vip")).build();
 * }</pre>
 */
public enum EntityKind {
    /** A contact (person). */
    CONTACT(ContactId.class, Set.of(ContactCreated.class, ContactUpdated.class, LifecycleChanged.class)),
    /** An account (company). */
    ACCOUNT(AccountId.class, Set.of(AccountCreated.class, AccountUpdated.class)),
    /** A lead (a prospect not yet converted). */
    LEAD(LeadId.class, Set.of(LeadCaptured.class, LeadUpdated.class, LeadQualified.class, LeadDisqualified.class,
            LeadConverted.class)),
    /** An opportunity (deal). */
    OPPORTUNITY(OpportunityId.class, Set.of(OpportunityCreated.class, OpportunityUpdated.class, StageChanged.class,
            OpportunityWon.class, OpportunityLost.class, OpportunityReopened.class)),
    /** A support ticket. */
    TICKET(TicketId.class, Set.of(TicketOpened.class, TicketUpdated.class, TicketStatusChanged.class,
            TicketResolved.class)),
    /** A subscription. */
    SUBSCRIPTION(SubscriptionId.class, Set.of(SubscriptionStarted.class, SubscriptionUpdated.class,
            SubscriptionChanged.class, SubscriptionRenewed.class, SubscriptionCancelled.class));

    private final Class<? extends EntityId> idType;
    private final Set<Class<? extends CrmEvent>> changeEvents;

    EntityKind(Class<? extends EntityId> idType, Set<Class<? extends CrmEvent>> changeEvents) {
        this.idType = idType;
        this.changeEvents = changeEvents;
    }

    /**
     * Whether an id names an entity of this kind.
     *
     * @param id the id
     * @return true if it does
     */
    public boolean matches(EntityId id) {
        return idType.isInstance(id);
    }

    /**
     * The events that tell an entity of this kind was created or changed.
     *
     * @return the event types
     */
    public Set<Class<? extends CrmEvent>> changeEvents() {
        return changeEvents;
    }

    /**
     * The kind whose ids an id is.
     *
     * @param id the id
     * @return the kind, if one matches
     */
    public static Optional<EntityKind> of(EntityId id) {
        for (EntityKind k : values()) {
            if (k.matches(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The name JSON rules use, e.g. {@code "contact"}.
     *
     * @return the name
     */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind named in JSON.
     *
     * @param name e.g. {@code "account"}
     * @return the kind, if there is one of that name
     */
    public static Optional<EntityKind> fromJson(String name) {
        for (EntityKind k : values()) {
            if (k.jsonName().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
