package dev.rapport.crm.directory;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A sales or service territory: the countries (ISO 3166-1 alpha-2 codes) and/or regions it covers
 * and the users who own it, the first being the primary owner.
 *
 * <p>Regions are the host's own keys, compared without regard to case: sub-divisions such as
 * {@code "DE-BY"} or areas such as {@code "EMEA"}. A territory covers a location when every
 * dimension it lists matches: a territory of countries {@code DE, AT} and no regions covers all of
 * Germany and Austria; one of country {@code DE} and region {@code DE-BY} covers only Bavaria; one
 * of region {@code EMEA} and no countries covers every location the host tags {@code EMEA}. When
 * several cover a location, the most specific wins: country and region, then country, then region.
 *
 * <pre>{@code
 * Territory dach = Territory.of(TerritoryId.of("dach"), "DACH")
 *         .withCountries("DE", "AT", "CH")
 *         .withOwners(UserId.of("alice"), UserId.of("bob"));
 * dach.covers("de", null);   // true
 * }</pre>
 *
 * @param id the territory id
 * @param name the territory's name
 * @param countries the ISO 3166-1 alpha-2 codes it covers, upper case
 * @param regions the regions it covers, upper case
 * @param owners the owning users, primary first, without duplicates
 */
public record Territory(TerritoryId id, String name, Set<String> countries, Set<String> regions,
        List<UserId> owners) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * Validates the territory.
     *
     * @param id the territory id
     * @param name the territory's name
     * @param countries the ISO 3166-1 alpha-2 codes it covers, upper case
     * @param regions the regions it covers, upper case
     * @param owners the owning users, primary first, without duplicates
     * @throws CrmValidationException naming the field if the id or name is missing, a country is
     *     not an ISO code, a region is blank, or an owner is listed twice
     */
    public Territory {
        Checks.notNull(id, "territory.id");
        name = Checks.maxLength(Checks.nonBlank(name, "territory.name"), 200, "territory.name");
        List<String> codes = new ArrayList<>();
        for (String country : Checks.list(countries, "territory.countries")) {
            codes.add(country(country, "territory.countries"));
        }
        countries = User.sorted(codes, c -> c, "territory.countries");
        List<String> keys = new ArrayList<>();
        for (String region : Checks.list(regions, "territory.regions")) {
            keys.add(region(region, "territory.regions"));
        }
        regions = User.sorted(keys, r -> r, "territory.regions");
        owners = Checks.list(owners, "territory.owners");
        if (new HashSet<>(owners).size() != owners.size()) {
            throw new CrmValidationException("territory.owners", "must not list a user twice");
        }
    }

    /**
     * A territory that covers nothing yet and has no owners.
     *
     * @param id the territory id
     * @param name the territory's name
     * @return the territory
     * @throws CrmValidationException if the id or name is missing
     */
    public static Territory of(TerritoryId id, String name) {
        return new Territory(id, name, Set.of(), Set.of(), List.of());
    }

    /**
     * A copy covering other countries.
     *
     * @param codes ISO 3166-1 alpha-2 codes, in any case
     * @return the copy
     * @throws CrmValidationException naming {@code territory.countries} if a code is unknown
     */
    public Territory withCountries(String... codes) {
        return new Territory(id, name, Set.copyOf(Arrays.asList(codes)), regions, owners);
    }

    /**
     * A copy covering other regions.
     *
     * @param keys the host's region keys, in any case
     * @return the copy
     * @throws CrmValidationException naming {@code territory.regions} if a key is blank
     */
    public Territory withRegions(String... keys) {
        return new Territory(id, name, countries, Set.copyOf(Arrays.asList(keys)), owners);
    }

    /**
     * A copy with other owners.
     *
     * @param users the owners, primary first
     * @return the copy
     * @throws CrmValidationException if an owner is listed twice
     */
    public Territory withOwners(UserId... users) {
        return new Territory(id, name, countries, regions, List.of(users));
    }

    /**
     * Whether this territory covers a location.
     *
     * @param country an ISO 3166-1 alpha-2 code in any case, or null if unknown
     * @param region the host's region key in any case, or null if unknown
     * @return true if every dimension the territory lists matches
     * @throws CrmValidationException naming {@code country} if the code is not an ISO code
     */
    public boolean covers(@Nullable String country, @Nullable String region) {
        return specificity(country == null ? null : country(country, "country"),
                region == null ? null : region(region, "region")) > 0;
    }

    /**
     * How specifically this territory covers a normalized location: 3 by country and region,
     * 2 by country, 1 by region, 0 not at all.
     */
    int specificity(@Nullable String country, @Nullable String region) {
        boolean byCountry = !countries.isEmpty();
        boolean byRegion = !regions.isEmpty();
        if (!byCountry && !byRegion) {
            return 0;
        }
        if (byCountry && (country == null || !countries.contains(country))) {
            return 0;
        }
        if (byRegion && (region == null || !regions.contains(region))) {
            return 0;
        }
        return (byCountry ? 2 : 0) + (byRegion ? 1 : 0);
    }

    /**
     * Normalizes a country code: trimmed, upper case, and an ISO 3166-1 alpha-2 code.
     *
     * <pre>{@code
     * Territory.country(" de ", "country");   // "DE"
     * }</pre>
     *
     * @param code the code
     * @param field the field name for the error
     * @return the normalized code
     * @throws CrmValidationException naming the field if it is not an ISO 3166-1 alpha-2 code
     */
    public static String country(String code, String field) {
        String c = Checks.nonBlank(code, field).toUpperCase(Locale.ROOT);
        if (!ISO_COUNTRIES.contains(c)) {
            throw new CrmValidationException(field, "is not an ISO 3166-1 alpha-2 country code");
        }
        return c;
    }

    /**
     * Normalizes a region key: trimmed, upper case, at most 64 characters.
     *
     * <pre>{@code
     * Territory.region("emea", "region");   // "EMEA"
     * }</pre>
     *
     * @param key the key
     * @param field the field name for the error
     * @return the normalized key
     * @throws CrmValidationException naming the field if it is blank or too long
     */
    public static String region(String key, String field) {
        String r = Checks.nonBlank(key, field).toUpperCase(Locale.ROOT);
        return Checks.maxLength(r, 64, field);
    }
}
