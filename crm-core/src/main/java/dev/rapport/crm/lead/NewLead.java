package dev.rapport.crm.lead;

import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.PhoneNumber;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The command to capture a lead. Immutable: every method returns a new command. Values are
 * checked as they are given (a malformed e-mail fails at {@link #email(String)}); whether the
 * lead can be identified at all (an e-mail address, a phone number, or a name and a company) is
 * checked when it is captured.
 *
 * <pre>{@code
 * Lead lead = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM)
 *         .email("grace@fleet.example")
 *         .company("Fleet Ltd")
 *         .name("Grace", "Hopper")
 *         .country("GB")
 *         .score(10));
 * }</pre>
 *
 * @param source where the lead came from
 * @param firstName the given name, or null
 * @param lastName the family name, or null
 * @param email the e-mail address, or null
 * @param phone the phone number, or null
 * @param company the company name, or null
 * @param companyDomain the company's web domain, normalized, or null
 * @param title the job title, or null
 * @param country the ISO 3166-1 alpha-2 country code, or null
 * @param score the initial score, never negative
 * @param ownerId the owner, or null
 * @param tags tags
 * @param customFields custom field values
 */
public record NewLead(LeadSource source, @Nullable String firstName, @Nullable String lastName,
        @Nullable EmailAddress email, @Nullable PhoneNumber phone, @Nullable String company,
        @Nullable String companyDomain, @Nullable String title, @Nullable String country, int score,
        @Nullable UserId ownerId, Set<String> tags, CustomFields customFields) {

    /**
     * Validates the command.
     *
     * @param source where the lead came from
     * @param firstName the given name, or null
     * @param lastName the family name, or null
     * @param email the e-mail address, or null
     * @param phone the phone number, or null
     * @param company the company name, or null
     * @param companyDomain the company's web domain, normalized, or null
     * @param title the job title, or null
     * @param country the ISO 3166-1 alpha-2 country code, or null
     * @param score the initial score, never negative
     * @param ownerId the owner, or null
     * @param tags tags
     * @param customFields custom field values
     * @throws dev.rapport.crm.CrmValidationException naming the field if a value is invalid
     */
    public NewLead {
        Checks.notNull(source, "source");
        firstName = Checks.maxLength(Checks.optional(firstName), 100, "firstName");
        lastName = Checks.maxLength(Checks.optional(lastName), 100, "lastName");
        company = Checks.maxLength(Checks.optional(company), 200, "company");
        companyDomain = companyDomain == null ? null : Lead.normalizeCompanyDomain(companyDomain);
        title = Checks.maxLength(Checks.optional(title), 100, "title");
        country = country == null ? null : Lead.normalizeCountry(country);
        Checks.nonNegative(score, "score");
        tags = Lead.tags(tags);
        Checks.notNull(customFields, "customFields");
    }

    /**
     * A lead from a source, with nothing else known yet.
     *
     * @param source where the lead came from
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming {@code source} if it is null
     */
    public static NewLead from(LeadSource source) {
        return new NewLead(source, null, null, null, null, null, null, null, null, 0, null, Set.of(),
                CustomFields.empty());
    }

    /**
     * With a person's name.
     *
     * @param first the given name, or null
     * @param last the family name, or null
     * @return the command
     */
    public NewLead name(@Nullable String first, @Nullable String last) {
        return new NewLead(source, first, last, email, phone, company, companyDomain, title, country, score, ownerId,
                tags, customFields);
    }

    /**
     * With an e-mail address.
     *
     * @param value the address as typed
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming {@code email} if it is malformed
     */
    public NewLead email(String value) {
        return new NewLead(source, firstName, lastName, EmailAddress.of(value), phone, company, companyDomain, title,
                country, score, ownerId, tags, customFields);
    }

    /**
     * With a phone number that carries its country ({@code +} or {@code 00}), or a national one.
     *
     * @param value the number as typed
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming {@code phone} if it is malformed
     */
    public NewLead phone(String value) {
        return phone(PhoneNumber.of(value));
    }

    /**
     * With a phone number.
     *
     * @param value the number
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming {@code phone} if it is null
     */
    public NewLead phone(PhoneNumber value) {
        return new NewLead(source, firstName, lastName, email, Checks.notNull(value, "phone"), company, companyDomain,
                title, country, score, ownerId, tags, customFields);
    }

    /**
     * With a company name.
     *
     * @param value the company name
     * @return the command
     */
    public NewLead company(String value) {
        return new NewLead(source, firstName, lastName, email, phone, value, companyDomain, title, country, score,
                ownerId, tags, customFields);
    }

    /**
     * With the company's web domain or website; it is normalized ({@code https://www.Fleet.example/}
     * becomes {@code fleet.example}).
     *
     * @param value the domain or website
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming {@code companyDomain} if it is not a domain
     */
    public NewLead domain(String value) {
        return new NewLead(source, firstName, lastName, email, phone, company,
                Lead.normalizeCompanyDomain(value), title, country, score, ownerId, tags, customFields);
    }

    /**
     * With a job title.
     *
     * @param value the title
     * @return the command
     */
    public NewLead title(String value) {
        return new NewLead(source, firstName, lastName, email, phone, company, companyDomain, value, country, score,
                ownerId, tags, customFields);
    }

    /**
     * With a country.
     *
     * @param value the ISO 3166-1 alpha-2 code, in any case ({@code "de"} or {@code "DE"})
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming {@code country} if it is not an ISO country code
     */
    public NewLead country(String value) {
        return new NewLead(source, firstName, lastName, email, phone, company, companyDomain, title,
                Lead.normalizeCountry(value), score, ownerId, tags, customFields);
    }

    /**
     * With an initial score.
     *
     * @param value the score, not negative
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming {@code score} if it is negative
     */
    public NewLead score(int value) {
        return new NewLead(source, firstName, lastName, email, phone, company, companyDomain, title, country, value,
                ownerId, tags, customFields);
    }

    /**
     * With an owner (an active user of the directory, checked on capture).
     *
     * @param value the owner
     * @return the command
     */
    public NewLead owner(UserId value) {
        return new NewLead(source, firstName, lastName, email, phone, company, companyDomain, title, country, score,
                Checks.notNull(value, "ownerId"), tags, customFields);
    }

    /**
     * With a tag added.
     *
     * @param tag the tag
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming {@code tags} if it is blank
     */
    public NewLead tag(String tag) {
        Set<String> next = new TreeSet<>(tags);
        next.add(Checks.nonBlank(tag, "tags"));
        return new NewLead(source, firstName, lastName, email, phone, company, companyDomain, title, country, score,
                ownerId, next, customFields);
    }

    /**
     * With a custom field value.
     *
     * @param key the field key
     * @param value the value
     * @return the command
     */
    public NewLead field(String key, FieldValue value) {
        return new NewLead(source, firstName, lastName, email, phone, company, companyDomain, title, country, score,
                ownerId, tags, customFields.with(key, value));
    }

    @Override
    public String toString() {
        return "NewLead[source=" + source + ", score=" + score + "]";
    }
}
