package dev.rapport.crm.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Normalization of names for matching. */
final class Normalize {
    /** Legal forms and filler words that do not identify a company. */
    static final Set<String> COMPANY_NOISE = Set.of("gmbh", "mbh", "ag", "kg", "co", "ohg", "ug", "ltd", "limited",
            "inc", "incorporated", "llc", "llp", "corp", "corporation", "company", "plc", "sa", "sas", "sarl", "srl",
            "spa", "bv", "nv", "ab", "as", "oy", "the", "and", "und", "et", "group", "holding", "holdings");

    private Normalize() {
    }

    /**
     * A name for comparison: compatibility-decomposed, accents removed, lower case, anything that
     * is not a letter or digit turned into a space, spaces collapsed. Null when nothing is left.
     */
    static @Nullable String name(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(raw, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String lower = decomposed.toLowerCase(Locale.ROOT).replace("ß", "ss");
        String cleaned = lower.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** A person's full name for comparison, or null when both parts are blank. */
    static @Nullable String person(@Nullable String first, @Nullable String last) {
        String f = name(first);
        String l = name(last);
        if (f == null) {
            return l;
        }
        return l == null ? f : f + " " + l;
    }

    /** A company name for comparison: without legal forms and filler words (unless nothing else is left). */
    static @Nullable String company(@Nullable String raw) {
        String n = name(raw);
        if (n == null) {
            return null;
        }
        List<String> kept = companyTokens(n);
        return kept.isEmpty() ? n : String.join(" ", kept);
    }

    /** The identifying words of a normalized company name. */
    static List<String> companyTokens(String normalized) {
        List<String> kept = new ArrayList<>();
        for (String token : normalized.split(" ")) {
            if (token.length() > 1 && !COMPANY_NOISE.contains(token)) {
                kept.add(token);
            }
        }
        return kept;
    }
}
