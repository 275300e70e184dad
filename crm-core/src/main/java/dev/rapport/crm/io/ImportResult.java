package dev.rapport.crm.io;

import dev.rapport.crm.internal.Checks;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an import did: how many rows it read, and how many records it created, updated, found
 * unchanged or rejected ({@code created + updated + unchanged + rejected == rows}), with the reject
 * report. The report keeps the first {@link ImportMapping#maxRejects(int) maxRejects} rejects;
 * {@link #rejected()} counts them all.
 *
 * <pre>{@code
 * ImportResult r = crm.imports().contacts(ImportSource.csv(reader), mapping);
 * if (!r.complete()) {
 *     System.err.println("file unreadable after line " + r.fileError().get().line());
 * }
 * System.out.println(r.created() + " new, " + r.updated() + " updated, " + r.rejected() + " rejected");
 * }</pre>
 *
 * @param rows the data rows read
 * @param created the records created
 * @param updated the records changed
 * @param unchanged the rows that matched a record already holding the same values
 * @param rejected the rows refused
 * @param rejects the reject report, in the order found, at most the mapping's limit
 * @param error a problem with the file that stopped reading it (rows before it were imported), or null
 */
public record ImportResult(long rows, long created, long updated, long unchanged, long rejected,
        List<Reject> rejects, @Nullable Reject error) {

    /**
     * Validates the result.
     *
     * @param rows the data rows read
     * @param created the records created
     * @param updated the records changed
     * @param unchanged the rows that matched a record already holding the same values
     * @param rejected the rows refused
     * @param rejects the reject report, in the order found, at most the mapping's limit
     * @param error a problem with the file that stopped reading it (rows before it were imported), or null
     * @throws dev.rapport.crm.CrmValidationException if a count is negative or the counts do not add up
     */
    public ImportResult {
        Checks.nonNegative(rows, "rows");
        Checks.nonNegative(created, "created");
        Checks.nonNegative(updated, "updated");
        Checks.nonNegative(unchanged, "unchanged");
        Checks.nonNegative(rejected, "rejected");
        Checks.check(created + updated + unchanged + rejected == rows, "rows", "must be the sum of the outcomes");
        rejects = Checks.list(rejects, "rejects");
    }

    /**
     * Whether the whole file was read.
     *
     * @return true if no file error stopped the import
     */
    public boolean complete() {
        return error == null;
    }

    /**
     * The problem that stopped reading the file, if any.
     *
     * @return the problem, or empty when the file was read to its end
     */
    public Optional<Reject> fileError() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return "ImportResult[rows=" + rows + ", created=" + created + ", updated=" + updated + ", unchanged="
                + unchanged + ", rejected=" + rejected + (error == null ? "" : ", stopped at line " + error.line())
                + "]";
    }
}
