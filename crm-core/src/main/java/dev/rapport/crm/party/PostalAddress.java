package dev.rapport.crm.party;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A postal address. Only the country is required; it is an ISO 3166-1 alpha-2 code, upper case.
 *
 * <pre>{@code
 * PostalAddress hq = new PostalAddress("Unter den Linden 1", "Berlin", "10117", null, "de");
 * hq.country();   // "DE"
 * }</pre>
 *
 * @param street street and number, or null
 * @param city the city, or null
 * @param postalCode the postal code, or null
 * @param region state, province or region, or null
 * @param country the ISO 3166-1 alpha-2 country code
 */
public record PostalAddress(@Nullable String street, @Nullable String city, @Nullable String postalCode,
        @Nullable String region, String country) {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * Validates and normalizes the address.
     *
     * @param street street and number, or null
     * @param city the city, or null
     * @param postalCode the postal code, or null
     * @param region state, province or region, or null
     * @param country the ISO 3166-1 alpha-2 country code
     * @throws CrmValidationException naming {@code address.country} if the country is not an ISO code
     */
    public PostalAddress {
        street = Checks.maxLength(Checks.optional(street), 200, "address.street");
        city = Checks.maxLength(Checks.optional(city), 100, "address.city");
        postalCode = Checks.maxLength(Checks.optional(postalCode), 20, "address.postalCode");
        region = Checks.maxLength(Checks.optional(region), 100, "address.region");
        country = Checks.nonBlank(country, "address.country").toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw new CrmValidationException("address.country", "must be an ISO 3166-1 alpha-2 code");
        }
    }

    /**
     * An address that only names a country.
     *
     * @param country the ISO 3166-1 alpha-2 code
     * @return the address
     * @throws CrmValidationException if the code is unknown
     */
    public static PostalAddress country(String country) {
        return new PostalAddress(null, null, null, null, country);
    }

    @Override
    public String toString() {
        return "PostalAddress[" + (city == null ? "" : "city=*, ") + "country=" + country + "]";
    }
}
