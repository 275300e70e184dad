/**
 * Import and export: CSV and JSON in, CSV and JSON out. An import streams its file row by row,
 * cleanses each value (trim, Unicode NFC, case, alias tables for known misspellings), upserts by a
 * match key so that importing the same file twice changes nothing the second time, and puts every
 * bad row into a reject report with its line, column, value and reason instead of stopping.
 *
 * <pre>{@code
 * ImportResult result = crm.imports().accounts(ImportSource.csv(reader),
 *         ImportMapping.create().column("Company", "name").matchBy(MatchKey.NAME));
 * result.created();   // how many accounts were new
 * result.rejects();   // what was refused, and why
 * crm.exports().accounts(writer, ExportFormat.CSV);
 * }</pre>
 */
@NullMarked
package dev.rapport.crm.io;

import org.jspecify.annotations.NullMarked;
