package dev.rapport.crm.lead;

import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.sales.OpportunityId;
import org.jspecify.annotations.Nullable;

/**
 * The result of converting a lead: the contact, account and opportunity it led to, and whether
 * the contact and account were created or already existed.
 *
 * <pre>{@code
 * Conversion c = crm.leads().convert(lead.id(), ConvertLead.withOpportunity("Fleet rollout",
 *         Money.of("120000.00", "EUR")));
 * crm.opportunities().moveToStage(c.opportunityId(), "proposal");
 * if (!c.newContact()) {
 *     // the lead's person was already a contact: nothing was duplicated
 * }
 * }</pre>
 *
 * @param leadId the converted lead
 * @param contactId the contact (new or existing)
 * @param accountId the account (new or existing), or null when the lead had no company to go by
 * @param opportunityId the opportunity created, or null when none was asked for ({@link ConvertLead#plain()})
 * @param newContact true if the conversion created the contact
 * @param newAccount true if the conversion created the account
 */
public record Conversion(LeadId leadId, ContactId contactId, @Nullable AccountId accountId,
        @Nullable OpportunityId opportunityId, boolean newContact, boolean newAccount) {

    /**
     * Validates the result.
     *
     * @param leadId the converted lead
     * @param contactId the contact (new or existing)
     * @param accountId the account (new or existing), or null when the lead had no company to go by
     * @param opportunityId the opportunity created, or null when none was asked for
     * @param newContact true if the conversion created the contact
     * @param newAccount true if the conversion created the account
     * @throws dev.rapport.crm.CrmValidationException naming the field if the lead or contact is
     *     missing, or {@code newAccount} if it is true without an account
     */
    public Conversion {
        Checks.notNull(leadId, "leadId");
        Checks.notNull(contactId, "contactId");
        Checks.check(accountId != null || !newAccount, "newAccount", "requires an account");
    }
}
