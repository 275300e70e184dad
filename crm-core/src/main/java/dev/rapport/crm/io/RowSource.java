package dev.rapport.crm.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Rows read one at a time from a file; nothing but the current row is held.
 */
interface RowSource extends Closeable {
    /**
     * The next row.
     *
     * @return the row, or null at the end of the file
     * @throws FileProblem if the file cannot be read further
     */
    @Nullable Row next() throws FileProblem;

    /**
     * The column names known before the first row (CSV), or null when every row names its own (JSON).
     *
     * @return the names, or null
     */
    java.util.@Nullable List<String> header();

    static RowSource open(ImportSource source, int maxValueLength) throws FileProblem {
        Reader reader = source.reader();
        return source.format() == ImportSource.Format.CSV
                ? new CsvRows(reader, maxValueLength)
                : new JsonRows(reader, maxValueLength);
    }

    /** Checks a cell for characters that were not valid UTF-8 and for its length. */
    static @Nullable Reject checkCell(long line, String column, String value, int maxValueLength) {
        if (value.length() > maxValueLength) {
            return new Reject(line, column, value, "is longer than " + maxValueLength + " characters");
        }
        if (value.indexOf('\uFFFD') >= 0) {
            return new Reject(line, column, value, "holds bytes that are not valid UTF-8");
        }
        return null;
    }

    static @Nullable Reject checkCells(long line, Map<String, @Nullable String> cells, int maxValueLength) {
        for (Map.Entry<String, @Nullable String> cell : cells.entrySet()) {
            String value = cell.getValue();
            if (value != null) {
                Reject problem = checkCell(line, cell.getKey(), value, maxValueLength);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    @Override
    void close() throws IOException;
}
