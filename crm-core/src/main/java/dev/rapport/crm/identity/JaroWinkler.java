package dev.rapport.crm.identity;

/**
 * The Jaro-Winkler similarity of two strings, in [0, 1] (1 for equal strings), used by the
 * fuzzy name rule on normalized names.
 *
 * <p>For strings {@code s1} and {@code s2}, two characters match when they are equal and no
 * farther apart than {@code w = max(|s1|, |s2|) / 2 - 1} positions (integer division, at least 0).
 * With {@code m} the number of matching characters and {@code t} half the number of matching
 * characters that appear in a different order:
 * <pre>
 *   jaro = 0                                          if m = 0
 *   jaro = (m / |s1| + m / |s2| + (m - t) / m) / 3    otherwise
 *   jw   = jaro + l * p * (1 - jaro)
 * </pre>
 * where {@code l} is the length of the common prefix (at most 4) and {@code p = 0.1}, the
 * standard scaling factor. Two empty strings have similarity 1.
 *
 * <pre>{@code
 * JaroWinkler.similarity("martha", "marhta");   // 0.9611...
 * JaroWinkler.similarity("dixon", "dicksonx");  // 0.8133...
 * }</pre>
 */
public final class JaroWinkler {
    /** The prefix scaling factor {@code p}. */
    public static final double PREFIX_SCALE = 0.1;
    private static final int MAX_PREFIX = 4;

    private JaroWinkler() {
    }

    /**
     * The Jaro-Winkler similarity.
     *
     * @param s1 the first string
     * @param s2 the second string
     * @return the similarity, 0 (nothing in common) to 1 (equal)
     */
    public static double similarity(String s1, String s2) {
        double jaro = jaro(s1, s2);
        int prefix = 0;
        int limit = Math.min(MAX_PREFIX, Math.min(s1.length(), s2.length()));
        while (prefix < limit && s1.charAt(prefix) == s2.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * PREFIX_SCALE * (1 - jaro);
    }

    /**
     * The Jaro similarity (without the prefix bonus).
     *
     * @param s1 the first string
     * @param s2 the second string
     * @return the similarity, 0 to 1
     */
    public static double jaro(String s1, String s2) {
        if (s1.isEmpty() && s2.isEmpty()) {
            return 1.0;
        }
        if (s1.isEmpty() || s2.isEmpty()) {
            return 0.0;
        }
        if (s1.compareTo(s2) > 0) {
            // the greedy matching can depend on which string is scanned; a fixed order keeps it symmetric
            return jaro(s2, s1);
        }
        int window = Math.max(0, Math.max(s1.length(), s2.length()) / 2 - 1);
        boolean[] used1 = new boolean[s1.length()];
        boolean[] used2 = new boolean[s2.length()];
        int matches = 0;
        for (int i = 0; i < s1.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(s2.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!used2[j] && s1.charAt(i) == s2.charAt(j)) {
                    used1[i] = true;
                    used2[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int outOfOrder = 0;
        int k = 0;
        for (int i = 0; i < s1.length(); i++) {
            if (used1[i]) {
                while (!used2[k]) {
                    k++;
                }
                if (s1.charAt(i) != s2.charAt(k)) {
                    outOfOrder++;
                }
                k++;
            }
        }
        double m = matches;
        double t = outOfOrder / 2.0;
        return (m / s1.length() + m / s2.length() + (m - t) / m) / 3.0;
    }
}
