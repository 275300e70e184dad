package dev.rapport.crm.io;

import java.util.Locale;

/**
 * A change of letter case applied to a field's values during cleansing.
 *
 * <pre>{@code
 * ImportMapping.create().textCase("industry", TextCase.LOWER);
 * }</pre>
 */
public enum TextCase {
    /** All lower case. */
    LOWER,
    /** All upper case. */
    UPPER,
    /** The first letter of every word upper case, the rest lower case. */
    TITLE;

    /**
     * Applies the case.
     *
     * @param value the value
     * @return the value in this case
     */
    public String apply(String value) {
        switch (this) {
            case LOWER:
                return value.toLowerCase(Locale.ROOT);
            case UPPER:
                return value.toUpperCase(Locale.ROOT);
            default:
                StringBuilder out = new StringBuilder(value.length());
                boolean start = true;
                for (int i = 0; i < value.length(); ) {
                    int cp = value.codePointAt(i);
                    out.appendCodePoint(start ? Character.toTitleCase(cp) : Character.toLowerCase(cp));
                    start = !Character.isLetterOrDigit(cp) && cp != '\'';
                    i += Character.charCount(cp);
                }
                return out.toString();
        }
    }
}
