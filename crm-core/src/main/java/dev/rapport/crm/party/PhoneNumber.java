package dev.rapport.crm.party;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A validated phone number, normalized to E.164 ({@code +4930123456}) where the country is known:
 * from a leading {@code +} or {@code 00}, or from a default country calling code for national
 * numbers. A national number without a known country keeps its digits and reports
 * {@link #isE164()} false. Spaces, dashes, dots, slashes and parentheses are ignored; an
 * extension ({@code x12}, {@code ext. 12}) is kept apart.
 *
 * <p>{@link #toString()} masks all but the last two digits.
 *
 * <pre>{@code
 * PhoneNumber.of("+49 (30) 123-456").value();   // "+4930123456"
 * PhoneNumber.of("030 123456", "49").value();   // "+4930123456"
 * }</pre>
 *
 * @param value the normalized number: E.164, or national digits
 * @param extension the extension digits, or null
 */
public record PhoneNumber(String value, @Nullable String extension) {

    /**
     * Validates the normalized form.
     *
     * @param value the normalized number: E.164, or national digits
     * @param extension the extension digits, or null
     * @throws CrmValidationException naming {@code phone} if it is malformed
     */
    public PhoneNumber {
        Checks.nonBlank(value, "phone");
        String digits = value.startsWith("+") ? value.substring(1) : value;
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() < 4 || digits.length() > 15) {
            throw new CrmValidationException("phone", "must have 4 to 15 digits");
        }
        if (value.startsWith("+") && (digits.charAt(0) == '0' || digits.length() < 8)) {
            throw new CrmValidationException("phone", "is not a valid international number");
        }
        if (extension != null && (extension.isEmpty() || extension.length() > 8
                || !extension.chars().allMatch(c -> c >= '0' && c <= '9'))) {
            throw new CrmValidationException("phone", "has an invalid extension");
        }
    }

    /**
     * Parses a number that carries its country ({@code +} or {@code 00}), or a national number
     * whose country is unknown.
     *
     * @param raw the number as typed
     * @return the normalized number
     * @throws CrmValidationException naming {@code phone} if it is blank or malformed
     */
    public static PhoneNumber of(String raw) {
        return parse(raw, null);
    }

    /**
     * Parses a number, taking national numbers as being of a country.
     *
     * @param raw the number as typed
     * @param defaultCallingCode the country calling code for national numbers, e.g. {@code "49"}
     * @return the normalized number
     * @throws CrmValidationException naming {@code phone} if it is blank or malformed
     */
    public static PhoneNumber of(String raw, String defaultCallingCode) {
        String cc = Checks.nonBlank(defaultCallingCode, "callingCode");
        if (!cc.matches("[1-9][0-9]{0,2}")) {
            throw new CrmValidationException("callingCode", "must be 1 to 3 digits");
        }
        return parse(raw, cc);
    }

    private static PhoneNumber parse(String raw, @Nullable String callingCode) {
        String v = Checks.nonBlank(raw, "phone").toLowerCase(java.util.Locale.ROOT);
        String extension = null;
        int ext = indexOfExtension(v);
        if (ext >= 0) {
            extension = v.substring(ext).replaceAll("[^0-9]", "");
            v = v.substring(0, ext);
        }
        StringBuilder digits = new StringBuilder();
        boolean plus = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.length() == 0 && !plus) {
                plus = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '/' && c != '(' && c != ')') {
                throw new CrmValidationException("phone", "may contain only digits, spaces and + - . / ( )");
            }
        }
        String d = digits.toString();
        String normalized;
        if (plus) {
            normalized = "+" + d;
        } else if (d.startsWith("00")) {
            normalized = "+" + d.substring(2);
        } else if (callingCode != null && d.startsWith("0")) {
            normalized = "+" + callingCode + d.substring(1);
        } else if (callingCode != null) {
            normalized = "+" + callingCode + d;
        } else {
            normalized = d;
        }
        return new PhoneNumber(normalized, extension);
    }

    private static int indexOfExtension(String v) {
        for (String marker : new String[] {"ext.", "ext", "x", "#"}) {
            int i = v.indexOf(marker);
            if (i > 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the number is in E.164 form (its country is known).
     *
     * @return true if it starts with {@code +}
     */
    public boolean isE164() {
        return value.startsWith("+");
    }

    /**
     * A masked form safe for logs, e.g. {@code +********56}.
     *
     * @return the masked number
     */
    public String masked() {
        int keep = Math.min(2, value.length());
        String head = value.substring(0, value.length() - keep);
        return head.replaceAll("[0-9]", "*") + value.substring(value.length() - keep);
    }

    @Override
    public String toString() {
        return masked();
    }
}
