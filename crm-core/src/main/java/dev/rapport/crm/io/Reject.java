package dev.rapport.crm.io;

import dev.rapport.crm.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A row an import refused, or a problem with the file itself: where it is, what was wrong and why.
 * Nothing of a rejected row is stored. The value is the offending cell as read (cut to 200
 * characters); {@link #toString()} leaves it out, so a reject can be logged without personal data.
 *
 * <pre>{@code
 * for (Reject r : result.rejects()) {
 *     report.println(r.line() + ";" + r.column() + ";" + r.reason());
 * }
 * }</pre>
 *
 * @param line the line of the file where the row starts (the header is line 1 in CSV), or 0 if unknown
 * @param column the column (CSV header or JSON property) at fault, or null for the whole row
 * @param value the offending value, cut to 200 characters, or null
 * @param reason why it was refused, in words
 */
public record Reject(long line, @Nullable String column, @Nullable String value, String reason) {
    static final int MAX_VALUE = 200;

    /**
     * Validates the reject.
     *
     * @param line the line of the file where the row starts (the header is line 1 in CSV), or 0 if unknown
     * @param column the column (CSV header or JSON property) at fault, or null for the whole row
     * @param value the offending value, cut to 200 characters, or null
     * @param reason why it was refused, in words
     * @throws dev.rapport.crm.CrmValidationException if the line is negative or the reason blank
     */
    public Reject {
        Checks.nonNegative(line, "line");
        reason = Checks.nonBlank(reason, "reason");
        if (value != null && value.length() > MAX_VALUE) {
            value = value.substring(0, MAX_VALUE) + "…";
        }
    }

    @Override
    public String toString() {
        return "Reject[line=" + line + (column == null ? "" : ", column=" + column) + ", reason=" + reason + "]";
    }
}
