package dev.rapport.crm.io;

/**
 * The format an export writes.
 *
 * <pre>{@code
 * crm.exports().contacts(writer, ExportFormat.JSON);
 * }</pre>
 */
public enum ExportFormat {
    /** Comma-separated values with a header row; cells that a spreadsheet would run as formulas are escaped. */
    CSV,
    /** A JSON array of the records as the {@code dev.rapport.crm.json} module writes them. */
    JSON
}
