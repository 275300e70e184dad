package dev.rapport.crm.spi;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.field.CustomFieldSchemaStore;
import dev.rapport.crm.party.AccountStore;
import dev.rapport.crm.party.ContactStore;
import dev.rapport.crm.revenue.SubscriptionStore;
import java.util.List;

/**
 * One unit of work on one tenant's data, handed to the work of {@link CrmStore#write} or
 * {@link CrmStore#read}. It gives the store port of every aggregate type; all of them see the
 * work's own writes, and none sees another tenant.
 *
 * <pre>{@code
 * store.write(tenant, tx -> {
 *     tx.accounts().insert(account);
 *     tx.contacts().insert(contact);
 *     return null;
 * });
 * }</pre>
 */
public interface StoreTransaction {
    /**
     * The tenant this unit of work is for.
     *
     * @return the tenant
     */
    TenantId tenant();

    /**
     * Contacts.
     *
     * @return the contact store port
     */
    ContactStore contacts();

    /**
     * Accounts.
     *
     * @return the account store port
     */
    AccountStore accounts();

    /**
     * Pipelines.
     *
     * @return the pipeline store port
     */
    dev.rapport.crm.sales.PipelineStore pipelines();

    /**
     * Opportunities.
     *
     * @return the opportunity store port
     */
    dev.rapport.crm.sales.OpportunityStore opportunities();

    /**
     * Leads.
     *
     * @return the lead store port
     */
    dev.rapport.crm.lead.LeadStore leads();

    /**
     * Activities (the timeline).
     *
     * @return the activity store port
     */
    dev.rapport.crm.activity.ActivityStore activities();

    /**
     * Tasks.
     *
     * @return the task store port
     */
    dev.rapport.crm.activity.TaskStore tasks();

    /**
     * Support tickets.
     *
     * @return the ticket store port
     */
    dev.rapport.crm.service.TicketStore tickets();

    /**
     * Marketing campaigns.
     *
     * @return the campaign store port
     */
    dev.rapport.crm.marketing.CampaignStore campaigns();

    /**
     * Campaign memberships (kept apart from campaigns, see
     * {@link dev.rapport.crm.marketing.CampaignMember}).
     *
     * @return the campaign member store port
     */
    dev.rapport.crm.marketing.CampaignMemberStore campaignMembers();

    /**
     * Subscriptions and contracts.
     *
     * @return the subscription store port
     */
    SubscriptionStore subscriptions();

    /**
     * Custom field schemas, one per entity type.
     *
     * @return the schema store port
     */
    CustomFieldSchemaStore customFieldSchemas();

    /**
     * Merge records.
     *
     * @return the merge record store port
     */
    dev.rapport.crm.identity.MergeRecordStore mergeRecords();

    /**
     * Consent records, one per contact.
     *
     * @return the consent store port
     */
    dev.rapport.crm.governance.ConsentStore consents();

    /**
     * Tombstones of erased identifiers.
     *
     * @return the tombstone store port
     */
    dev.rapport.crm.governance.TombstoneStore tombstones();

    /**
     * Drops from the events the store keeps (an outbox, an event log) every event that concerns
     * one of the subjects, as erasure requires; the events this unit of work appends are kept.
     * Applied with the rest of the unit of work. A store that keeps no events does nothing.
     *
     * @param subjects the ids of the erased person's records
     * @return how many kept events concern them and will be dropped
     */
    int forgetEvents(java.util.Collection<? extends dev.rapport.crm.EntityId> subjects);

    /**
     * The links from other systems' keys to records, made by imports.
     *
     * @return the store
     */
    dev.rapport.crm.io.ExternalKeyStore externalKeys();

    /**
     * Records the events of this unit of work, so that a store with an outbox writes them in the
     * same transaction as the change. Called once, just before the work ends.
     *
     * @param events the events, in order
     */
    void append(List<CrmEvent> events);
}
