package dev.rapport.crm.identity;

import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.governance.Consent;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.Page;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.lifecycle.JourneyStage;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.sales.Opportunity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The unified profile of one customer, a person or a company, read in one consistent view: the
 * record, its account and the account's hierarchy, the account's contacts, open and closed
 * opportunities, the lifecycle and journey stage, subscriptions, and the timeline of activities
 * across channels (purchases included) and tickets, newest first.
 *
 * <p>For a contact, the opportunities are those it has a role on and those of its account, and
 * the subscriptions those it is the contact of and those of its account. For an account, they
 * are the account's own, and the lifecycle stage is the one furthest along among its contacts.
 *
 * <pre>{@code
 * Customer360 ada = crm.profiles().get(adaId);
 * ada.account();               // her company
 * ada.openOpportunities();     // the deals in play
 * ada.timeline().items();       // the newest activities, purchases and tickets
 * }</pre>
 *
 * @param contact the contact, or null for an account's profile
 * @param account the account (the contact's, or the one asked for), or null for a contact without one
 * @param ancestors the account's parents up to the top of its hierarchy, nearest first
 * @param subsidiaries the account's subsidiaries at any depth, breadth first
 * @param contacts the account's contacts, ordered by id
 * @param openOpportunities the open opportunities, ordered by id
 * @param closedOpportunities the won and lost opportunities, ordered by id
 * @param lifecycleStage the lifecycle stage, or null for an account without contacts
 * @param journeyStage the contact's customer journey stage, or null
 * @param subscriptions the subscriptions, ordered by id
 * @param timeline the first page of the timeline ({@link ProfileService#TIMELINE_PAGE} entries),
 *     newest first: activities across channels (purchases included) and tickets
 * @param consent the contact's consents per purpose and channel, or null when none were recorded (or
 *     for an account's profile)
 * @param leads the leads of the person (found by the contact's e-mail addresses) with their
 *     sources and scores, ordered by id; empty for an account's profile
 */
public record Customer360(@Nullable Contact contact, @Nullable Account account, List<Account> ancestors,
        List<Account> subsidiaries, List<Contact> contacts, List<Opportunity> openOpportunities,
        List<Opportunity> closedOpportunities, @Nullable LifecycleStage lifecycleStage,
        @Nullable JourneyStage journeyStage, List<Subscription> subscriptions, Page<TimelineEntry> timeline,
        @Nullable Consent consent, List<Lead> leads) {

    /**
     * Validates the profile.
     *
     * @param contact the contact, or null for an account's profile
     * @param account the account (the contact's, or the one asked for), or null for a contact without one
     * @param ancestors the account's parents up to the top of its hierarchy, nearest first
     * @param subsidiaries the account's subsidiaries at any depth, breadth first
     * @param contacts the account's contacts, ordered by id
     * @param openOpportunities the open opportunities, ordered by id
     * @param closedOpportunities the won and lost opportunities, ordered by id
     * @param lifecycleStage the lifecycle stage, or null for an account without contacts
     * @param journeyStage the contact's customer journey stage, or null
     * @param subscriptions the subscriptions, ordered by id
     * @param timeline the first page of the timeline ({@link ProfileService#TIMELINE_PAGE} entries),
     *     newest first: activities across channels (purchases included) and tickets
     * @param consent the contact's consents per purpose and channel, or null when none were recorded (or
     *     for an account's profile)
     * @param leads the leads of the person (found by the contact's e-mail addresses) with their
     *     sources and scores, ordered by id; empty for an account's profile
     * @throws CrmValidationException if neither a contact nor an account is given
     */
    public Customer360 {
        if (contact == null && account == null) {
            throw new CrmValidationException("contact", "a profile is of a contact or an account");
        }
        ancestors = Checks.list(ancestors, "ancestors");
        subsidiaries = Checks.list(subsidiaries, "subsidiaries");
        contacts = Checks.list(contacts, "contacts");
        openOpportunities = Checks.list(openOpportunities, "openOpportunities");
        closedOpportunities = Checks.list(closedOpportunities, "closedOpportunities");
        leads = Checks.list(leads, "leads");
        subscriptions = Checks.list(subscriptions, "subscriptions");
        Checks.notNull(timeline, "timeline");
    }

    @Override
    public String toString() {
        return "Customer360[contact=" + (contact == null ? null : contact.id()) + ", account="
                + (account == null ? null : account.id()) + "]";
    }

    /**
     * The person's lead score: the highest score of their leads.
     *
     * @return the score, or empty when the person has no lead
     */
    public java.util.OptionalInt leadScore() {
        return leads.stream().mapToInt(Lead::score).max();
    }
}
