package dev.rapport.crm.lead;

import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.sales.OpportunityId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a converted lead went: the contact it became, the account and opportunity it led to, and
 * when. Only a {@link LeadStatus#CONVERTED} lead has one.
 *
 * <pre>{@code
 * Lead converted = crm.leads().get(lead.id());
 * ContactId person = converted.conversion().contactId();
 * }</pre>
 *
 * @param contactId the contact the lead became (new or existing)
 * @param accountId the account it joined (new or existing), or null for a person without a company
 * @param opportunityId the opportunity created by the conversion, or null
 * @param convertedAt when it was converted
 */
public record ConversionLink(ContactId contactId, @Nullable AccountId accountId,
        @Nullable OpportunityId opportunityId, Instant convertedAt) {

    /**
     * Validates the link.
     *
     * @param contactId the contact the lead became (new or existing)
     * @param accountId the account it joined (new or existing), or null for a person without a company
     * @param opportunityId the opportunity created by the conversion, or null
     * @param convertedAt when it was converted
     * @throws dev.rapport.crm.CrmValidationException naming the field if the contact or time is missing
     */
    public ConversionLink {
        Checks.notNull(contactId, "conversion.contactId");
        Checks.notNull(convertedAt, "conversion.convertedAt");
    }
}
