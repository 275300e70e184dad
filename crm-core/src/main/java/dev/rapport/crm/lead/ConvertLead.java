package dev.rapport.crm.lead;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactRoleType;
import dev.rapport.crm.revenue.Money;
import org.jspecify.annotations.Nullable;

/**
 * How to convert a lead. By default the conversion finds the contact and the account itself,
 * reusing existing ones (see {@link LeadService#convert(LeadId, ConvertLead)}); the options force
 * an existing account or contact instead, and {@link #withOpportunity} also opens an opportunity
 * (in the first open stage of the tenant's default pipeline) with the contact as its primary
 * contact. Immutable: every method returns a new command.
 *
 * <pre>{@code
 * crm.leads().convert(lead.id(), ConvertLead.plain());
 * crm.leads().convert(other.id(), ConvertLead.plain().intoAccount(acme.id()));
 * Conversion c = crm.leads().convert(third.id(), ConvertLead.withOpportunity("Fleet rollout",
 *         Money.of("120000.00", "EUR")).opportunityRole(ContactRoleType.CHAMPION));
 * }</pre>
 *
 * @param accountId the account to convert into, or null to find or create one
 * @param contactId the contact to convert into, or null to find or create one
 * @param opportunityName the name of the opportunity to open, or null for none
 * @param opportunityAmount the amount of the opportunity; set exactly when it has a name
 * @param opportunityRole the contact's (primary) role on the opportunity; set exactly when it has a name
 */
public record ConvertLead(@Nullable AccountId accountId, @Nullable ContactId contactId,
        @Nullable String opportunityName, @Nullable Money opportunityAmount,
        @Nullable ContactRoleType opportunityRole) {

    /** The role the contact gets on a new opportunity unless {@link #opportunityRole} says otherwise. */
    public static final ContactRoleType DEFAULT_OPPORTUNITY_ROLE = ContactRoleType.DECISION_MAKER;

    /**
     * Validates the command.
     *
     * @param accountId the account to convert into, or null to find or create one
     * @param contactId the contact to convert into, or null to find or create one
     * @param opportunityName the name of the opportunity to open, or null for none
     * @param opportunityAmount the amount of the opportunity; set exactly when it has a name
     * @param opportunityRole the contact's (primary) role on the opportunity; set exactly when it has a name
     * @throws CrmValidationException naming {@code opportunityName} if it is blank or too long,
     *     {@code opportunityAmount} if it is missing, negative or given without a name, or
     *     {@code opportunityRole} if it is missing or given without an opportunity
     */
    public ConvertLead {
        if (opportunityName != null) {
            opportunityName = Checks.maxLength(Checks.nonBlank(opportunityName, "opportunityName"), 200,
                    "opportunityName");
            Checks.notNull(opportunityAmount, "opportunityAmount");
            Checks.check(!opportunityAmount.isNegative(), "opportunityAmount", "must not be negative");
            Checks.notNull(opportunityRole, "opportunityRole");
        } else {
            Checks.check(opportunityAmount == null, "opportunityAmount", "is given only with an opportunity name");
            Checks.check(opportunityRole == null, "opportunityRole", "is given only with an opportunity");
        }
    }

    /**
     * A conversion into a contact and an account, found or created.
     *
     * @return the command
     */
    public static ConvertLead plain() {
        return new ConvertLead(null, null, null, null, null);
    }

    /**
     * A conversion that also opens an opportunity for the account, with the contact as its
     * primary contact ({@link #DEFAULT_OPPORTUNITY_ROLE} unless {@link #opportunityRole} says
     * otherwise), owned by the lead's owner.
     *
     * @param name the opportunity's name
     * @param amount its amount
     * @return the command
     * @throws CrmValidationException naming {@code opportunityName} or {@code opportunityAmount}
     *     if one is missing or invalid
     */
    public static ConvertLead withOpportunity(String name, Money amount) {
        Checks.nonBlank(name, "opportunityName");
        return new ConvertLead(null, null, name, Checks.notNull(amount, "opportunityAmount"),
                DEFAULT_OPPORTUNITY_ROLE);
    }

    /**
     * Into an existing account, whatever the lead's company or domain.
     *
     * @param account the account
     * @return the command
     * @throws CrmValidationException naming {@code accountId} if it is null
     */
    public ConvertLead intoAccount(AccountId account) {
        return new ConvertLead(Checks.notNull(account, "accountId"), contactId, opportunityName, opportunityAmount,
                opportunityRole);
    }

    /**
     * Into an existing contact, whatever the lead's e-mail address.
     *
     * @param contact the contact
     * @return the command
     * @throws CrmValidationException naming {@code contactId} if it is null
     */
    public ConvertLead intoContact(ContactId contact) {
        return new ConvertLead(accountId, Checks.notNull(contact, "contactId"), opportunityName, opportunityAmount,
                opportunityRole);
    }

    /**
     * With another role for the contact on the new opportunity.
     *
     * @param role the role
     * @return the command
     * @throws CrmValidationException naming {@code opportunityRole} if it is null or this command
     *     opens no opportunity
     */
    public ConvertLead opportunityRole(ContactRoleType role) {
        Checks.notNull(role, "opportunityRole");
        return new ConvertLead(accountId, contactId, opportunityName, opportunityAmount, role);
    }

    /**
     * Whether this conversion opens an opportunity.
     *
     * @return true if it has an opportunity name
     */
    public boolean opensOpportunity() {
        return opportunityName != null;
    }
}
