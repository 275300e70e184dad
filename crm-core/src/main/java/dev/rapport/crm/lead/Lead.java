package dev.rapport.crm.lead;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.PhoneNumber;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A prospect not yet known as a contact: captured from a source, worked and qualified (or
 * disqualified) by its owner, and finally converted into a contact, an account and optionally an
 * opportunity. A lead can be reached or identified: it has an e-mail address, a phone number, or
 * a name and a company.
 *
 * <p>The status and what goes with it (qualification, disqualification reason, conversion link)
 * change only through {@link LeadService}'s commands; the constructor keeps them consistent: a
 * qualified lead has a qualification, a disqualified one a reason, and exactly the converted ones
 * a conversion link. {@link #toString()} carries no personal data.
 *
 * <pre>{@code
 * Lead lead = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM)
 *         .email("grace@fleet.example").company("Fleet Ltd").name("Grace", "Hopper"));
 * crm.leads().update(lead.withTitle("Rear Admiral"));
 * }</pre>
 *
 * @param id the id
 * @param tenantId the tenant
 * @param version the version, 1 when captured
 * @param source where the lead came from
 * @param status where the lead stands
 * @param firstName the given name, or null
 * @param lastName the family name, or null
 * @param email the e-mail address, or null
 * @param phone the phone number, or null
 * @param company the company name, or null
 * @param companyDomain the company's web domain, normalized ({@code fleet.example}), or null
 * @param title the job title, or null
 * @param country the ISO 3166-1 alpha-2 country code, upper case ({@code DE}), or null
 * @param score the lead score, never negative
 * @param ownerId the owning user, or null
 * @param qualification why the lead was qualified, or null
 * @param disqualificationReason why the lead was disqualified; set exactly when it is disqualified
 * @param conversion where the lead went; set exactly when it is converted
 * @param tags free tags and segments
 * @param customFields custom field values
 * @param createdAt when it was captured
 * @param updatedAt when it was last changed
 */
public record Lead(LeadId id, TenantId tenantId, long version, LeadSource source, LeadStatus status,
        @Nullable String firstName, @Nullable String lastName, @Nullable EmailAddress email,
        @Nullable PhoneNumber phone, @Nullable String company, @Nullable String companyDomain,
        @Nullable String title, @Nullable String country, int score, @Nullable UserId ownerId,
        @Nullable Qualification qualification, @Nullable String disqualificationReason,
        @Nullable ConversionLink conversion, Set<String> tags, CustomFields customFields, Instant createdAt,
        Instant updatedAt) implements Aggregate<LeadId> {

    /**
     * Validates the lead.
     *
     * @param id the id
     * @param tenantId the tenant
     * @param version the version, 1 when captured
     * @param source where the lead came from
     * @param status where the lead stands
     * @param firstName the given name, or null
     * @param lastName the family name, or null
     * @param email the e-mail address, or null
     * @param phone the phone number, or null
     * @param company the company name, or null
     * @param companyDomain the company's web domain, normalized ({@code fleet.example}), or null
     * @param title the job title, or null
     * @param country the ISO 3166-1 alpha-2 country code, upper case ({@code DE}), or null
     * @param score the lead score, never negative
     * @param ownerId the owning user, or null
     * @param qualification why the lead was qualified, or null
     * @param disqualificationReason why the lead was disqualified; set exactly when it is disqualified
     * @param conversion where the lead went; set exactly when it is converted
     * @param tags free tags and segments
     * @param customFields custom field values
     * @param createdAt when it was captured
     * @param updatedAt when it was last changed
     * @throws CrmValidationException naming the field if a value is missing or invalid, naming
     *     {@code email} if the lead has neither an e-mail address, nor a phone number, nor a name
     *     and a company, or naming the status field that does not fit the status
     */
    public Lead {
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        Checks.notNull(source, "source");
        Checks.notNull(status, "status");
        firstName = Checks.maxLength(Checks.optional(firstName), 100, "firstName");
        lastName = Checks.maxLength(Checks.optional(lastName), 100, "lastName");
        company = Checks.maxLength(Checks.optional(company), 200, "company");
        companyDomain = companyDomain == null ? null : normalizeCompanyDomain(companyDomain);
        title = Checks.maxLength(Checks.optional(title), 100, "title");
        country = country == null ? null : normalizeCountry(country);
        Checks.nonNegative(score, "score");
        disqualificationReason = Checks.maxLength(Checks.optional(disqualificationReason), 1000,
                "disqualificationReason");
        tags = tags(tags);
        Checks.notNull(customFields, "customFields");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new CrmValidationException("updatedAt", "must not be before createdAt");
        }
        if (email == null && phone == null && !((firstName != null || lastName != null) && company != null)) {
            throw new CrmValidationException("email",
                    "a lead needs an e-mail address, a phone number, or a name and a company");
        }
        if (status == LeadStatus.QUALIFIED && qualification == null) {
            throw new CrmValidationException("qualification", "is required for a qualified lead");
        }
        if ((status == LeadStatus.DISQUALIFIED) != (disqualificationReason != null)) {
            throw new CrmValidationException("disqualificationReason",
                    status == LeadStatus.DISQUALIFIED ? "is required for a disqualified lead"
                            : "is set only on a disqualified lead");
        }
        if ((status == LeadStatus.CONVERTED) != (conversion != null)) {
            throw new CrmValidationException("conversion",
                    status == LeadStatus.CONVERTED ? "is required for a converted lead"
                            : "is set only on a converted lead");
        }
    }

    /**
     * Normalizes a company domain or website like {@link Account#normalizeDomain(String)}.
     *
     * @param raw the domain or website
     * @return the normalized domain
     * @throws CrmValidationException naming {@code companyDomain} if it is not a domain
     */
    static String normalizeCompanyDomain(String raw) {
        try {
            return Account.normalizeDomain(raw);
        } catch (CrmValidationException e) {
            throw new CrmValidationException("companyDomain", e.reason());
        }
    }

    /**
     * Normalizes a country code to upper case and checks that ISO 3166-1 knows it.
     *
     * @param raw the two-letter code
     * @return the code, upper case
     * @throws CrmValidationException naming {@code country} if it is not an ISO country code
     */
    static String normalizeCountry(String raw) {
        String code = Checks.nonBlank(raw, "country").toUpperCase(Locale.ROOT);
        if (code.length() != 2 || !ISO_COUNTRIES.contains(code)) {
            throw new CrmValidationException("country", "must be an ISO 3166-1 alpha-2 country code");
        }
        return code;
    }

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    static Set<String> tags(@Nullable Set<String> tags) {
        return Checks.tags(tags);
    }

    /**
     * Whether the lead is converted (terminal).
     *
     * @return true if its status is {@link LeadStatus#CONVERTED}
     */
    public boolean isConverted() {
        return status == LeadStatus.CONVERTED;
    }

    /**
     * Whether the lead has a first or last name.
     *
     * @return true if it has a name
     */
    public boolean hasName() {
        return firstName != null || lastName != null;
    }

    // Status changes: used by LeadService, which checks which moves are allowed.

    Lead withStatus(LeadStatus next, @Nullable Qualification nextQualification, @Nullable String nextReason,
            @Nullable ConversionLink nextConversion) {
        return new Lead(id, tenantId, version, source, next, firstName, lastName, email, phone, company,
                companyDomain, title, country, score, ownerId, nextQualification, nextReason, nextConversion, tags,
                customFields, createdAt, updatedAt);
    }

    /**
     * A copy with another version (used by services when storing a change).
     *
     * @param next the version
     * @return the copy
     */
    public Lead withVersion(long next) {
        return new Lead(id, tenantId, next, source, status, firstName, lastName, email, phone, company,
                companyDomain, title, country, score, ownerId, qualification, disqualificationReason, conversion,
                tags, customFields, createdAt, updatedAt);
    }

    /**
     * A copy stamped with the time of a change.
     *
     * @param at the time
     * @return the copy
     */
    public Lead withUpdatedAt(Instant at) {
        return new Lead(id, tenantId, version, source, status, firstName, lastName, email, phone, company,
                companyDomain, title, country, score, ownerId, qualification, disqualificationReason, conversion,
                tags, customFields, createdAt, at);
    }

    /**
     * A copy with another source.
     *
     * @param newSource the source
     * @return the copy
     */
    public Lead withSource(LeadSource newSource) {
        return new Lead(id, tenantId, version, newSource, status, firstName, lastName, email, phone, company,
                companyDomain, title, country, score, ownerId, qualification, disqualificationReason, conversion,
                tags, customFields, createdAt, updatedAt);
    }

    /**
     * A copy with other names.
     *
     * @param newFirstName the given name, or null
     * @param newLastName the family name, or null
     * @return the copy
     * @throws CrmValidationException naming {@code email} if the lead would no longer be identifiable
     */
    public Lead withName(@Nullable String newFirstName, @Nullable String newLastName) {
        return new Lead(id, tenantId, version, source, status, newFirstName, newLastName, email, phone, company,
                companyDomain, title, country, score, ownerId, qualification, disqualificationReason, conversion,
                tags, customFields, createdAt, updatedAt);
    }

    /**
     * A copy with another e-mail address.
     *
     * @param newEmail the address, or null
     * @return the copy
     * @throws CrmValidationException naming {@code email} if the lead would no longer be identifiable
     */
    public Lead withEmail(@Nullable EmailAddress newEmail) {
        return new Lead(id, tenantId, version, source, status, firstName, lastName, newEmail, phone, company,
                companyDomain, title, country, score, ownerId, qualification, disqualificationReason, conversion,
                tags, customFields, createdAt, updatedAt);
    }

    /**
     * A copy with another phone number.
     *
     * @param newPhone the number, or null
     * @return the copy
     * @throws CrmValidationException naming {@code email} if the lead would no longer be identifiable
     */
    public Lead withPhone(@Nullable PhoneNumber newPhone) {
        return new Lead(id, tenantId, version, source, status, firstName, lastName, email, newPhone, company,
                companyDomain, title, country, score, ownerId, qualification, disqualificationReason, conversion,
                tags, customFields, createdAt, updatedAt);
    }

    /**
     * A copy with another company name.
     *
     * @param newCompany the company name, or null
     * @return the copy
     * @throws CrmValidationException naming {@code email} if the lead would no longer be identifiable
     */
    public Lead withCompany(@Nullable String newCompany) {
        return new Lead(id, tenantId, version, source, status, firstName, lastName, email, phone, newCompany,
                companyDomain, title, country, score, ownerId, qualification, disqualificationReason, conversion,
                tags, customFields, createdAt, updatedAt);
    }

    /**
     * A copy with another company domain.
     *
     * @param newDomain the domain or website, or null
     * @return the copy
     * @throws CrmValidationException naming {@code companyDomain} if it is not a domain
     */
    public Lead withCompanyDomain(@Nullable String newDomain) {
        return new Lead(id, tenantId, version, source, status, firstName, lastName, email, phone, company, newDomain,
                title, country, score, ownerId, qualification, disqualificationReason, conversion, tags,
                customFields, createdAt, updatedAt);
    }

    /**
     * A copy with another job title.
     *
     * @param newTitle the title, or null
     * @return the copy
     */
    public Lead withTitle(@Nullable String newTitle) {
        return new Lead(id, tenantId, version, source, status, firstName, lastName, email, phone, company,
                companyDomain, newTitle, country, score, ownerId, qualification, disqualificationReason, conversion,
                tags, customFields, createdAt, updatedAt);
    }

    /**
     * A copy with another country.
     *
     * @param newCountry the ISO 3166-1 alpha-2 code, or null
     * @return the copy
     * @throws CrmValidationException naming {@code country} if it is not an ISO country code
     */
    public Lead withCountry(@Nullable String newCountry) {
        return new Lead(id, tenantId, version, source, status, firstName, lastName, email, phone, company,
                companyDomain, title, newCountry, score, ownerId, qualification, disqualificationReason, conversion,
                tags, customFields, createdAt, updatedAt);
    }

    /**
     * A copy with another score.
     *
     * @param newScore the score
     * @return the copy
     * @throws CrmValidationException naming {@code score} if it is negative
     */
    public Lead withScore(int newScore) {
        return new Lead(id, tenantId, version, source, status, firstName, lastName, email, phone, company,
                companyDomain, title, country, newScore, ownerId, qualification, disqualificationReason, conversion,
                tags, customFields, createdAt, updatedAt);
    }

    /**
     * A copy with another owner.
     *
     * @param newOwner the owner, or null
     * @return the copy
     */
    public Lead withOwner(@Nullable UserId newOwner) {
        return new Lead(id, tenantId, version, source, status, firstName, lastName, email, phone, company,
                companyDomain, title, country, score, newOwner, qualification, disqualificationReason, conversion,
                tags, customFields, createdAt, updatedAt);
    }

    /**
     * A copy with other tags.
     *
     * @param newTags the tags
     * @return the copy
     */
    public Lead withTags(Set<String> newTags) {
        return new Lead(id, tenantId, version, source, status, firstName, lastName, email, phone, company,
                companyDomain, title, country, score, ownerId, qualification, disqualificationReason, conversion,
                newTags, customFields, createdAt, updatedAt);
    }

    /**
     * A copy with other custom field values.
     *
     * @param newFields the values
     * @return the copy
     */
    public Lead withCustomFields(CustomFields newFields) {
        return new Lead(id, tenantId, version, source, status, firstName, lastName, email, phone, company,
                companyDomain, title, country, score, ownerId, qualification, disqualificationReason, conversion,
                tags, newFields, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "Lead[id=" + id + ", version=" + version + ", status=" + status + ", source=" + source + ", score="
                + score + "]";
    }
}
