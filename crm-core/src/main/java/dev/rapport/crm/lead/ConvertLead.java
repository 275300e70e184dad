package dev.rapport.crm.lead;

import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import org.jspecify.annotations.Nullable;

/**
 * How to convert a lead. By default the conversion finds the contact and the account itself,
 * reusing existing ones (see {@link LeadService#convert(LeadId, ConvertLead)}); the options force
 * an existing account or contact instead. Immutable: every method returns a new command.
 *
 * <pre>{@code
 * crm.leads().convert(lead.id(), ConvertLead.plain());
 * crm.leads().convert(other.id(), ConvertLead.plain().intoAccount(acme.id()));
 * }</pre>
 *
 * @param accountId the account to convert into, or null to find or create one
 * @param contactId the contact to convert into, or null to find or create one
 */
public record ConvertLead(@Nullable AccountId accountId, @Nullable ContactId contactId) {

    /**
     * A conversion into a contact and an account, found or created.
     *
     * @return the command
     */
    public static ConvertLead plain() {
        return new ConvertLead(null, null);
    }

    /**
     * Into an existing account, whatever the lead's company or domain.
     *
     * @param account the account
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming {@code accountId} if it is null
     */
    public ConvertLead intoAccount(AccountId account) {
        return new ConvertLead(Checks.notNull(account, "accountId"), contactId);
    }

    /**
     * Into an existing contact, whatever the lead's e-mail address.
     *
     * @param contact the contact
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming {@code contactId} if it is null
     */
    public ConvertLead intoContact(ContactId contact) {
        return new ConvertLead(accountId, Checks.notNull(contact, "contactId"));
    }
}
