package dev.rapport.crm.party;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated e-mail address, normalized for matching: surrounding space removed, Unicode NFC,
 * lower case. Two spellings of one address ({@code " Ada@ACME.example"} and
 * {@code "ada@acme.example"}) are equal.
 *
 * <p>{@link #toString()} masks the address, so it never reaches a log in clear.
 *
 * <pre>{@code
 * EmailAddress email = EmailAddress.of(" Ada@ACME.example ");
 * email.value();    // "ada@acme.example"
 * email.domain();   // "acme.example"
 * }</pre>
 *
 * @param value the normalized address
 */
public record EmailAddress(String value) {
    private static final Pattern LOCAL = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

    /**
     * Validates and normalizes the address.
     *
     * @param value the normalized address
     * @throws CrmValidationException naming {@code email} if it is blank or malformed
     */
    public EmailAddress {
        value = normalize(value);
    }

    /**
     * Parses an address.
     *
     * @param raw the address as typed
     * @return the normalized address
     * @throws CrmValidationException naming {@code email} if it is blank or malformed
     */
    public static EmailAddress of(String raw) {
        return new EmailAddress(raw);
    }

    private static String normalize(String raw) {
        String v = Checks.nonBlank(raw, "email").toLowerCase(Locale.ROOT);
        if (v.length() > 254) {
            throw new CrmValidationException("email", "must be at most 254 characters");
        }
        int at = v.lastIndexOf('@');
        if (at <= 0 || at == v.length() - 1 || v.indexOf('@') != at) {
            throw new CrmValidationException("email", "must have the form local@domain");
        }
        String local = v.substring(0, at);
        String domain = v.substring(at + 1);
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".")
                || local.contains("..")) {
            throw new CrmValidationException("email", "has an invalid local part");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            throw new CrmValidationException("email", "must have a domain with a dot");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new CrmValidationException("email", "has an invalid domain");
            }
        }
        return v;
    }

    /**
     * The part after the {@code @}.
     *
     * @return the domain, lower case
     */
    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    /**
     * The part before the {@code @}.
     *
     * @return the local part
     */
    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    /**
     * A masked form safe for logs, e.g. {@code a***@acme.example}.
     *
     * @return the masked address
     */
    public String masked() {
        return value.charAt(0) + "***@" + domain();
    }

    @Override
    public String toString() {
        return masked();
    }
}
