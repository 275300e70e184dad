package dev.rapport.crm.party;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.revenue.Money;
import java.net.IDN;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A company the host does business with. Accounts form hierarchies through their parent (a
 * subsidiary points to its group); the domain identifies the company for matching.
 *
 * <pre>{@code
 * Account acme = crm.accounts().create(NewAccount.named("Acme GmbH").domain("acme.example"));
 * Account renamed = crm.accounts().update(acme.withName("Acme Group GmbH"));
 * }</pre>
 *
 * @param id the id
 * @param tenantId the tenant
 * @param version the version, 1 when created
 * @param name the company name
 * @param domain the web domain, normalized ({@code acme.example}), or null
 * @param industry the industry or sector, or null
 * @param employees the number of employees, or null
 * @param annualRevenue the annual revenue, or null
 * @param parentId the parent account, or null for a top-level account
 * @param ownerId the owning user, or null
 * @param address the address, or null
 * @param contactRoles the roles of contacts on this account
 * @param tags free tags and segments
 * @param customFields custom field values
 * @param externalIds the ids in other systems
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Account(AccountId id, TenantId tenantId, long version, String name, @Nullable String domain,
        @Nullable String industry, @Nullable Integer employees, @Nullable Money annualRevenue,
        @Nullable AccountId parentId, @Nullable UserId ownerId, @Nullable PostalAddress address,
        ContactRoles contactRoles, Set<String> tags, CustomFields customFields, ExternalIds externalIds,
        Instant createdAt, Instant updatedAt) implements Aggregate<AccountId> {

    /**
     * Validates the account.
     *
     * @param id the id
     * @param tenantId the tenant
     * @param version the version, 1 when created
     * @param name the company name
     * @param domain the web domain, normalized ({@code acme.example}), or null
     * @param industry the industry or sector, or null
     * @param employees the number of employees, or null
     * @param annualRevenue the annual revenue, or null
     * @param parentId the parent account, or null for a top-level account
     * @param ownerId the owning user, or null
     * @param address the address, or null
     * @param contactRoles the roles of contacts on this account
     * @param tags free tags and segments
     * @param customFields custom field values
     * @param externalIds the ids in other systems
     * @param createdAt when it was created
     * @param updatedAt when it was last changed
     * @throws CrmValidationException naming the field if a value is missing or invalid
     */
    public Account {
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        name = Checks.maxLength(Checks.nonBlank(name, "name"), 200, "name");
        domain = domain == null ? null : normalizeDomain(domain);
        industry = Checks.maxLength(Checks.optional(industry), 100, "industry");
        if (employees != null && employees < 0) {
            throw new CrmValidationException("employees", "must not be negative");
        }
        if (annualRevenue != null && annualRevenue.isNegative()) {
            throw new CrmValidationException("annualRevenue", "must not be negative");
        }
        if (id.equals(parentId)) {
            throw new CrmValidationException("parentId", "must not be the account itself");
        }
        Checks.notNull(contactRoles, "contactRoles");
        tags = tags(tags);
        Checks.notNull(customFields, "customFields");
        Checks.notNull(externalIds, "externalIds");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new CrmValidationException("updatedAt", "must not be before createdAt");
        }
    }

    static Set<String> tags(@Nullable Set<String> tags) {
        return Checks.tags(tags);
    }

    /**
     * Normalizes a web domain or website address for matching: lower case, no scheme, no
     * {@code www.}, no port or path, internationalized names in ASCII form.
     *
     * <pre>{@code
     * Account.normalizeDomain("https://www.Acme.example/about");   // "acme.example"
     * }</pre>
     *
     * @param raw the domain or website
     * @return the normalized domain
     * @throws CrmValidationException naming {@code domain} if it is not a domain
     */
    public static String normalizeDomain(String raw) {
        String v = Checks.nonBlank(raw, "domain").toLowerCase(Locale.ROOT);
        int scheme = v.indexOf("://");
        if (scheme >= 0) {
            v = v.substring(scheme + 3);
        }
        int cut = v.length();
        for (char c : new char[] {'/', '?', '#', ':'}) {
            int i = v.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        v = v.substring(0, cut);
        if (v.endsWith(".")) {
            v = v.substring(0, v.length() - 1);
        }
        if (v.startsWith("www.")) {
            v = v.substring(4);
        }
        try {
            v = IDN.toASCII(v, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new CrmValidationException("domain", "is not a valid domain name");
        }
        if (v.length() > 253 || !v.contains(".") || v.startsWith(".") || v.contains("..")) {
            throw new CrmValidationException("domain", "is not a valid domain name");
        }
        return v;
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /**
     * The key under which a company name is matched: Unicode NFKC, case folded, runs of white
     * space as one space, without surrounding space. Two spellings that differ only in case or
     * spacing have the same key.
     *
     * <pre>{@code
     * Account.nameKey("  ACME   GmbH ");   // "acme gmbh"
     * }</pre>
     *
     * @param name the name
     * @return the key
     * @throws CrmValidationException naming {@code name} if it is blank
     */
    public static String nameKey(String name) {
        String v = java.text.Normalizer.normalize(Checks.nonBlank(name, "name"), java.text.Normalizer.Form.NFKC);
        return SPACES.matcher(v.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /**
     * A copy with another version (used by services when storing a change).
     *
     * @param next the version
     * @return the copy
     */
    public Account withVersion(long next) {
        return new Account(id, tenantId, next, name, domain, industry, employees, annualRevenue, parentId, ownerId,
                address, contactRoles, tags, customFields, externalIds, createdAt, updatedAt);
    }

    /**
     * A copy with another name.
     *
     * @param newName the name
     * @return the copy
     */
    public Account withName(String newName) {
        return new Account(id, tenantId, version, newName, domain, industry, employees, annualRevenue, parentId,
                ownerId, address, contactRoles, tags, customFields, externalIds, createdAt, updatedAt);
    }

    /**
     * A copy with another domain.
     *
     * @param newDomain the domain or website, or null
     * @return the copy
     */
    public Account withDomain(@Nullable String newDomain) {
        return new Account(id, tenantId, version, name, newDomain, industry, employees, annualRevenue, parentId,
                ownerId, address, contactRoles, tags, customFields, externalIds, createdAt, updatedAt);
    }

    /**
     * A copy with other company details.
     *
     * @param newIndustry the industry, or null
     * @param newEmployees the employee count, or null
     * @param newRevenue the annual revenue, or null
     * @return the copy
     */
    public Account withFirmographics(@Nullable String newIndustry, @Nullable Integer newEmployees,
            @Nullable Money newRevenue) {
        return new Account(id, tenantId, version, name, domain, newIndustry, newEmployees, newRevenue, parentId,
                ownerId, address, contactRoles, tags, customFields, externalIds, createdAt, updatedAt);
    }

    /**
     * A copy with another parent.
     *
     * @param newParent the parent account, or null
     * @return the copy
     */
    public Account withParent(@Nullable AccountId newParent) {
        return new Account(id, tenantId, version, name, domain, industry, employees, annualRevenue, newParent,
                ownerId, address, contactRoles, tags, customFields, externalIds, createdAt, updatedAt);
    }

    /**
     * A copy with another owner.
     *
     * @param newOwner the owner, or null
     * @return the copy
     */
    public Account withOwner(@Nullable UserId newOwner) {
        return new Account(id, tenantId, version, name, domain, industry, employees, annualRevenue, parentId,
                newOwner, address, contactRoles, tags, customFields, externalIds, createdAt, updatedAt);
    }

    /**
     * A copy with another address.
     *
     * @param newAddress the address, or null
     * @return the copy
     */
    public Account withAddress(@Nullable PostalAddress newAddress) {
        return new Account(id, tenantId, version, name, domain, industry, employees, annualRevenue, parentId,
                ownerId, newAddress, contactRoles, tags, customFields, externalIds, createdAt, updatedAt);
    }

    /**
     * A copy with other contact roles.
     *
     * @param newRoles the roles
     * @return the copy
     */
    public Account withContactRoles(ContactRoles newRoles) {
        return new Account(id, tenantId, version, name, domain, industry, employees, annualRevenue, parentId,
                ownerId, address, newRoles, tags, customFields, externalIds, createdAt, updatedAt);
    }

    /**
     * A copy with other tags.
     *
     * @param newTags the tags
     * @return the copy
     */
    public Account withTags(Set<String> newTags) {
        return new Account(id, tenantId, version, name, domain, industry, employees, annualRevenue, parentId,
                ownerId, address, contactRoles, newTags, customFields, externalIds, createdAt, updatedAt);
    }

    /**
     * A copy with other custom field values.
     *
     * @param newFields the values
     * @return the copy
     */
    public Account withCustomFields(CustomFields newFields) {
        return new Account(id, tenantId, version, name, domain, industry, employees, annualRevenue, parentId,
                ownerId, address, contactRoles, tags, newFields, externalIds, createdAt, updatedAt);
    }

    /**
     * A copy with other ids in other systems.
     *
     * @param newIds the external ids
     * @return the copy
     */
    public Account withExternalIds(ExternalIds newIds) {
        return new Account(id, tenantId, version, name, domain, industry, employees, annualRevenue, parentId,
                ownerId, address, contactRoles, tags, customFields, newIds, createdAt, updatedAt);
    }

    /**
     * A copy stamped with the time of a change.
     *
     * @param at the time
     * @return the copy
     */
    public Account withUpdatedAt(Instant at) {
        return new Account(id, tenantId, version, name, domain, industry, employees, annualRevenue, parentId,
                ownerId, address, contactRoles, tags, customFields, externalIds, createdAt, at);
    }

    @Override
    public String toString() {
        return "Account[id=" + id + ", version=" + version + "]";
    }
}
