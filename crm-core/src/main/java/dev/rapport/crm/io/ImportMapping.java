package dev.rapport.crm.io;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * How the columns of a file become the fields of records, and how values are cleansed on the way.
 * Immutable: every method returns a new mapping.
 *
 * <p>A column whose name equals a field's name (ignoring case, spaces, {@code _} and {@code -})
 * maps to that field without being named; {@link #column(String, String)} maps any other column.
 * Columns that map to no field are ignored. Each value is cleansed in this order: surrounding
 * space removed, Unicode NFC, runs of space as one; an empty value counts as absent (and never
 * overwrites a stored value); then the field's alias table (matched ignoring case), its
 * conversion, and its letter case.
 *
 * <p>The fields of each kind of record are listed on {@link ImportService}'s methods.
 *
 * <pre>{@code
 * ImportMapping mapping = ImportMapping.create()
 *         .column("account", "name")
 *         .column("sector", "industry")
 *         .alias("industry", "technolgy", "technology")   // a known misspelling
 *         .textCase("industry", TextCase.LOWER)
 *         .column("revenue", "annualRevenue")
 *         .scale("annualRevenue", new BigDecimal("1000000")) // the file gives millions
 *         .currency("USD")
 *         .dateFormats("yyyy-MM-dd", "dd.MM.yyyy")
 *         .matchBy(MatchKey.NAME);
 * }</pre>
 */
public final class ImportMapping {
    /** The default limit of rejects kept in a result's report. */
    public static final int DEFAULT_MAX_REJECTS = 1000;
    /** The default limit of characters of one value. */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 100_000;
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s_\\-.]");

    private final Map<String, String> columns;
    private final Map<String, Map<String, String>> aliases;
    private final Map<String, TextCase> cases;
    private final Map<String, UnaryOperator<String>> conversions;
    private final Map<String, BigDecimal> scales;
    private final Map<String, String> constants;
    private final List<String> datePatterns;
    private final @Nullable MatchKey matchKey;
    private final MatchKey referenceKey;
    private final @Nullable Currency currency;
    private final int maxRejects;
    private final int maxValueLength;
    private final Map<String, Money> listPrices;

    private ImportMapping(Map<String, String> columns, Map<String, Map<String, String>> aliases,
            Map<String, TextCase> cases, Map<String, UnaryOperator<String>> conversions, Map<String, BigDecimal> scales,
            Map<String, String> constants, List<String> datePatterns, @Nullable MatchKey matchKey,
            MatchKey referenceKey, @Nullable Currency currency, int maxRejects, int maxValueLength,
            Map<String, Money> listPrices) {
        this.columns = columns;
        this.aliases = aliases;
        this.cases = cases;
        this.conversions = conversions;
        this.scales = scales;
        this.constants = constants;
        this.datePatterns = datePatterns;
        this.matchKey = matchKey;
        this.referenceKey = referenceKey;
        this.currency = currency;
        this.maxRejects = maxRejects;
        this.maxValueLength = maxValueLength;
        this.listPrices = listPrices;
    }

    /**
     * A mapping with no explicit columns: columns named like fields map to them, dates are ISO
     * ({@code yyyy-MM-dd}), records match by each kind's default key, references by name.
     *
     * @return the mapping
     */
    public static ImportMapping create() {
        return new ImportMapping(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of("yyyy-MM-dd"),
                null, MatchKey.NAME, null, DEFAULT_MAX_REJECTS, DEFAULT_MAX_VALUE_LENGTH, Map.of());
    }

    private ImportMapping copy(Map<String, String> newColumns, Map<String, Map<String, String>> newAliases,
            Map<String, TextCase> newCases, Map<String, UnaryOperator<String>> newConversions,
            Map<String, BigDecimal> newScales, Map<String, String> newConstants) {
        return new ImportMapping(newColumns, newAliases, newCases, newConversions, newScales, newConstants,
                datePatterns, matchKey, referenceKey, currency, maxRejects, maxValueLength, listPrices);
    }

    private static <V> Map<String, V> plus(Map<String, V> map, String key, V value) {
        LinkedHashMap<String, V> next = new LinkedHashMap<>(map);
        next.put(key, value);
        return java.util.Collections.unmodifiableMap(next);
    }

    /**
     * Maps a column to a field.
     *
     * @param column the column's name in the file (CSV header or JSON property; case is ignored)
     * @param field the field, e.g. {@code "name"}
     * @return the new mapping
     * @throws CrmValidationException naming {@code column} or {@code field} if blank
     */
    public ImportMapping column(String column, String field) {
        return copy(plus(columns, key(Checks.nonBlank(column, "column")), Checks.nonBlank(field, "field")), aliases,
                cases, conversions, scales, constants);
    }

    /**
     * Adds an alias: a value of a field (after trimming, matched ignoring case) replaced by another,
     * e.g. a known misspelling by its correct spelling, or a file's stage name by a pipeline's stage.
     *
     * @param field the field
     * @param from the value as it appears in files
     * @param to the value to use instead
     * @return the new mapping
     * @throws CrmValidationException if a part is blank
     */
    public ImportMapping alias(String field, String from, String to) {
        String f = Checks.nonBlank(field, "field");
        Map<String, String> table = plus(aliases.getOrDefault(f, Map.of()), key(Checks.nonBlank(from, "from")),
                Checks.nonBlank(to, "to"));
        return copy(columns, plus(aliases, f, table), cases, conversions, scales, constants);
    }

    /**
     * Maps a stage name of the file onto a stage of the pipeline (an alias of the {@code stage} field).
     *
     * @param from the stage as the file names it
     * @param to the pipeline's stage key
     * @return the new mapping
     * @throws CrmValidationException if a part is blank
     */
    public ImportMapping stage(String from, String to) {
        return alias("stage", from, to);
    }

    /**
     * Sets the letter case of a field's values.
     *
     * @param field the field
     * @param textCase the case
     * @return the new mapping
     * @throws CrmValidationException if the field is blank
     */
    public ImportMapping textCase(String field, TextCase textCase) {
        return copy(columns, aliases, plus(cases, Checks.nonBlank(field, "field"), Checks.notNull(textCase, "textCase")),
                conversions, scales, constants);
    }

    /**
     * Converts a field's values after aliases and before case, e.g. a sales agent's name into the
     * host's user id. The function may throw {@link CrmValidationException} to reject the row.
     *
     * @param field the field
     * @param conversion the conversion of a non-empty value
     * @return the new mapping
     * @throws CrmValidationException if the field is blank
     */
    public ImportMapping convert(String field, UnaryOperator<String> conversion) {
        return copy(columns, aliases, cases,
                plus(conversions, Checks.nonBlank(field, "field"), Objects.requireNonNull(conversion, "conversion")),
                scales, constants);
    }

    /**
     * Multiplies a numeric field's values, e.g. by a million when the file gives millions.
     *
     * @param field the field
     * @param factor the factor
     * @return the new mapping
     * @throws CrmValidationException if the field is blank or the factor not positive
     */
    public ImportMapping scale(String field, BigDecimal factor) {
        Checks.check(factor != null && factor.signum() > 0, "factor", "must be positive");
        return copy(columns, aliases, cases, conversions, plus(scales, Checks.nonBlank(field, "field"), factor),
                constants);
    }

    /**
     * Gives a field the same value in every row where the file has none.
     *
     * @param field the field
     * @param value the value
     * @return the new mapping
     * @throws CrmValidationException if a part is blank
     */
    public ImportMapping constant(String field, String value) {
        return copy(columns, aliases, cases, conversions, scales,
                plus(constants, Checks.nonBlank(field, "field"), Checks.nonBlank(value, "value")));
    }

    /**
     * The date formats to try, in order ({@link DateTimeFormatter} patterns). Default: {@code yyyy-MM-dd}.
     *
     * @param patterns the patterns
     * @return the new mapping
     * @throws CrmValidationException naming {@code dateFormats} if none is given or one is invalid
     */
    public ImportMapping dateFormats(String... patterns) {
        Checks.check(patterns != null && patterns.length > 0, "dateFormats", "must name at least one pattern");
        List<String> list = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                DateTimeFormatter.ofPattern(Checks.nonBlank(pattern, "dateFormats"), Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new CrmValidationException("dateFormats", "is not a valid date pattern");
            }
            list.add(pattern);
        }
        return new ImportMapping(columns, aliases, cases, conversions, scales, constants, List.copyOf(list), matchKey,
                referenceKey, currency, maxRejects, maxValueLength, listPrices);
    }

    /**
     * How rows are matched to stored records. Default: per kind of record (see {@link ImportService}).
     *
     * @param key the match key
     * @return the new mapping
     */
    public ImportMapping matchBy(MatchKey key) {
        return new ImportMapping(columns, aliases, cases, conversions, scales, constants, datePatterns,
                Checks.notNull(key, "matchBy"), referenceKey, currency, maxRejects, maxValueLength, listPrices);
    }

    /**
     * How references to accounts (a contact's account, an account's parent) are resolved. Default:
     * {@link MatchKey#NAME}.
     *
     * @param key {@link MatchKey#NAME}, {@link MatchKey#DOMAIN} or {@link MatchKey#EXTERNAL_ID}
     * @return the new mapping
     * @throws CrmValidationException naming {@code referencesBy} for {@link MatchKey#EMAIL}
     */
    public ImportMapping referencesBy(MatchKey key) {
        Checks.check(key != null && key != MatchKey.EMAIL, "referencesBy", "must be NAME, DOMAIN or EXTERNAL_ID");
        return new ImportMapping(columns, aliases, cases, conversions, scales, constants, datePatterns, matchKey, key,
                currency, maxRejects, maxValueLength, listPrices);
    }

    /**
     * The currency of amounts when the file has no {@code currency} column.
     *
     * @param code the ISO 4217 code
     * @return the new mapping
     * @throws CrmValidationException naming {@code currency} if the code is unknown
     */
    public ImportMapping currency(String code) {
        Currency c;
        try {
            c = Currency.getInstance(Checks.nonBlank(code, "currency").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CrmValidationException("currency", "is not an ISO 4217 code");
        }
        return new ImportMapping(columns, aliases, cases, conversions, scales, constants, datePatterns, matchKey,
                referenceKey, c, maxRejects, maxValueLength, listPrices);
    }

    /**
     * How many rejects a result's report keeps (all are counted). Default: {@value #DEFAULT_MAX_REJECTS}.
     *
     * @param limit the limit, 0 or more
     * @return the new mapping
     * @throws CrmValidationException naming {@code maxRejects} if negative
     */
    public ImportMapping maxRejects(int limit) {
        Checks.nonNegative(limit, "maxRejects");
        return new ImportMapping(columns, aliases, cases, conversions, scales, constants, datePatterns, matchKey,
                referenceKey, currency, limit, maxValueLength, listPrices);
    }

    /**
     * How long one value may be; a row with a longer value is rejected. Default:
     * {@value #DEFAULT_MAX_VALUE_LENGTH} characters.
     *
     * @param limit the limit, at least 1
     * @return the new mapping
     * @throws CrmValidationException naming {@code maxValueLength} if less than 1
     */
    public ImportMapping maxValueLength(int limit) {
        Checks.check(limit >= 1, "maxValueLength", "must be at least 1");
        return new ImportMapping(columns, aliases, cases, conversions, scales, constants, datePatterns, matchKey,
                referenceKey, currency, maxRejects, limit, listPrices);
    }

    /**
     * The price of a product for opportunity rows that name the product but give no price (or a
     * lost deal's zero): the host's list price, since the CRM references products by id only.
     *
     * @param productId the product's id, as the {@code product} field holds it after cleansing
     * @param price the list price of one unit
     * @return the new mapping
     * @throws CrmValidationException if a part is missing
     */
    public ImportMapping listPrice(String productId, Money price) {
        return new ImportMapping(columns, aliases, cases, conversions, scales, constants, datePatterns, matchKey,
                referenceKey, currency, maxRejects, maxValueLength,
                plus(listPrices, Checks.nonBlank(productId, "productId"), Checks.notNull(price, "price")));
    }

    @Nullable Money listPriceOf(String productId) {
        return listPrices.get(productId);
    }

    // ---- used by the import engine ----

    /** The name key of a column or alias: NFKC, lower case, without spaces, {@code _} and {@code -}. */
    static String key(String name) {
        String v = Normalizer.normalize(name.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return v;
    }

    static String fieldKey(String name) {
        return SEPARATORS.matcher(key(name)).replaceAll("");
    }

    Map<String, String> columns() {
        return columns;
    }

    Map<String, String> constants() {
        return constants;
    }

    @Nullable BigDecimal scaleOf(String field) {
        return scales.get(field);
    }

    List<String> datePatterns() {
        return datePatterns;
    }

    @Nullable MatchKey matchKey() {
        return matchKey;
    }

    MatchKey referenceKey() {
        return referenceKey;
    }

    @Nullable Currency currency() {
        return currency;
    }

    int maxRejects() {
        return maxRejects;
    }

    int maxValueLength() {
        return maxValueLength;
    }

    java.util.Set<String> fieldsNamed() {
        java.util.Set<String> fields = new java.util.TreeSet<>(columns.values());
        fields.addAll(aliases.keySet());
        fields.addAll(cases.keySet());
        fields.addAll(conversions.keySet());
        fields.addAll(scales.keySet());
        fields.addAll(constants.keySet());
        return fields;
    }

    /**
     * Cleanses one value of a field: trim, NFC, single spaces, alias, conversion, case.
     *
     * @return the value, or null when empty
     */
    @Nullable String cleanse(String field, @Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String v = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (v.isEmpty()) {
            return null;
        }
        if (v.indexOf("  ") >= 0 || v.indexOf('\t') >= 0 || v.indexOf('\n') >= 0) {
            v = SPACES.matcher(v).replaceAll(" ");
        }
        Map<String, String> table = aliases.get(field);
        if (table != null) {
            v = table.getOrDefault(key(v), v);
        }
        UnaryOperator<String> conversion = conversions.get(field);
        if (conversion != null) {
            v = conversion.apply(v);
            if (v == null || v.isBlank()) {
                return null;
            }
        }
        TextCase textCase = cases.get(field);
        return textCase == null ? v : textCase.apply(v);
    }

    @Override
    public String toString() {
        return "ImportMapping[columns=" + columns + ", matchBy=" + matchKey + ", referencesBy=" + referenceKey + "]";
    }
}
