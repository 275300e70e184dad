package dev.rapport.crm.party;

import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.revenue.Money;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The command to create an account. Immutable: every method returns a new command. Values are
 * checked as they are given, and again when the account is created.
 *
 * <pre>{@code
 * Account acme = crm.accounts().create(NewAccount.named("Acme GmbH")
 *         .domain("https://www.acme.example")
 *         .industry("Manufacturing")
 *         .parent(group.id()));
 * }</pre>
 *
 * @param name the company name
 * @param domain the web domain or website, or null
 * @param industry the industry, or null
 * @param employees the employee count, or null
 * @param annualRevenue the annual revenue, or null
 * @param parentId the parent account, or null
 * @param ownerId the owner, or null
 * @param address the address, or null
 * @param tags tags
 * @param customFields custom field values
 * @param externalIds the ids in other systems
 */
public record NewAccount(String name, @Nullable String domain, @Nullable String industry, @Nullable Integer employees,
        @Nullable Money annualRevenue, @Nullable AccountId parentId, @Nullable UserId ownerId,
        @Nullable PostalAddress address, Set<String> tags, CustomFields customFields, ExternalIds externalIds) {

    /**
     * Validates the command.
     *
     * @param name the company name
     * @param domain the web domain or website, or null
     * @param industry the industry, or null
     * @param employees the employee count, or null
     * @param annualRevenue the annual revenue, or null
     * @param parentId the parent account, or null
     * @param ownerId the owner, or null
     * @param address the address, or null
     * @param tags tags
     * @param customFields custom field values
     * @param externalIds the ids in other systems
     * @throws dev.rapport.crm.CrmValidationException naming the field if a value is invalid
     */
    public NewAccount {
        name = Checks.maxLength(Checks.nonBlank(name, "name"), 200, "name");
        domain = domain == null ? null : Account.normalizeDomain(domain);
        tags = Account.tags(tags);
        Checks.notNull(customFields, "customFields");
        Checks.notNull(externalIds, "externalIds");
    }

    /**
     * An account with a name.
     *
     * @param name the company name
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException if the name is blank
     */
    public static NewAccount named(String name) {
        return new NewAccount(name, null, null, null, null, null, null, null, Set.of(), CustomFields.empty(),
                ExternalIds.none());
    }

    /**
     * With a domain.
     *
     * @param value the domain or website
     * @return the command
     */
    public NewAccount domain(String value) {
        return new NewAccount(name, value, industry, employees, annualRevenue, parentId, ownerId, address, tags,
                customFields, externalIds);
    }

    /**
     * With an industry.
     *
     * @param value the industry
     * @return the command
     */
    public NewAccount industry(String value) {
        return new NewAccount(name, domain, value, employees, annualRevenue, parentId, ownerId, address, tags,
                customFields, externalIds);
    }

    /**
     * With a size.
     *
     * @param employeeCount the number of employees
     * @param revenue the annual revenue, or null
     * @return the command
     */
    public NewAccount size(int employeeCount, @Nullable Money revenue) {
        return new NewAccount(name, domain, industry, employeeCount, revenue, parentId, ownerId, address, tags,
                customFields, externalIds);
    }

    /**
     * With a parent account.
     *
     * @param value the parent
     * @return the command
     */
    public NewAccount parent(AccountId value) {
        return new NewAccount(name, domain, industry, employees, annualRevenue, value, ownerId, address, tags,
                customFields, externalIds);
    }

    /**
     * With an owner.
     *
     * @param value the owner
     * @return the command
     */
    public NewAccount owner(UserId value) {
        return new NewAccount(name, domain, industry, employees, annualRevenue, parentId, value, address, tags,
                customFields, externalIds);
    }

    /**
     * With an address.
     *
     * @param value the address
     * @return the command
     */
    public NewAccount address(PostalAddress value) {
        return new NewAccount(name, domain, industry, employees, annualRevenue, parentId, ownerId, value, tags,
                customFields, externalIds);
    }

    /**
     * With a tag added.
     *
     * @param tag the tag
     * @return the command
     */
    public NewAccount tag(String tag) {
        Set<String> next = new TreeSet<>(tags);
        next.add(Checks.nonBlank(tag, "tags"));
        return new NewAccount(name, domain, industry, employees, annualRevenue, parentId, ownerId, address, next,
                customFields, externalIds);
    }

    /**
     * With a custom field value.
     *
     * @param key the field key
     * @param value the value
     * @return the command
     */
    public NewAccount field(String key, FieldValue value) {
        return new NewAccount(name, domain, industry, employees, annualRevenue, parentId, ownerId, address, tags,
                customFields.with(key, value), externalIds);
    }

    /**
     * With an id in another system.
     *
     * @param system the other system's name
     * @param id the id there
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming the part that is blank or too long
     */
    public NewAccount externalId(String system, String id) {
        return new NewAccount(name, domain, industry, employees, annualRevenue, parentId, ownerId, address, tags,
                customFields, externalIds.with(ExternalId.of(system, id)));
    }
}
