package dev.rapport.crm.io;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A file to import: its format and its characters. The import reads it once, row by row, and
 * closes it when done. Bytes are decoded as UTF-8; byte sequences that are not valid UTF-8 do not
 * stop the import, the rows that contain them are rejected.
 *
 * <pre>{@code
 * ImportSource csv = ImportSource.csv(Files.newInputStream(path));
 * ImportSource json = ImportSource.json(new StringReader("[{\"name\": \"Acme\"}]"));
 * }</pre>
 */
public final class ImportSource {
    /** The formats an import reads. */
    enum Format {
        CSV, JSON
    }

    private final Format format;
    private final Reader reader;

    private ImportSource(Format format, Reader reader) {
        this.format = format;
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * Comma-separated values whose first row names the columns.
     *
     * @param reader the characters
     * @return the source
     */
    public static ImportSource csv(Reader reader) {
        return new ImportSource(Format.CSV, reader);
    }

    /**
     * Comma-separated values in UTF-8 (a byte-order mark is skipped).
     *
     * @param bytes the bytes
     * @return the source
     */
    public static ImportSource csv(InputStream bytes) {
        return new ImportSource(Format.CSV, utf8(bytes));
    }

    /**
     * A JSON array of objects, one per record; nested objects are read as {@code outer.inner} columns.
     *
     * @param reader the characters
     * @return the source
     */
    public static ImportSource json(Reader reader) {
        return new ImportSource(Format.JSON, reader);
    }

    /**
     * A JSON array of objects in UTF-8.
     *
     * @param bytes the bytes
     * @return the source
     */
    public static ImportSource json(InputStream bytes) {
        return new ImportSource(Format.JSON, utf8(bytes));
    }

    private static Reader utf8(InputStream bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    Format format() {
        return format;
    }

    Reader reader() {
        return reader;
    }

    @Override
    public String toString() {
        return "ImportSource[" + format + "]";
    }
}
