package dev.rapport.crm.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CSV rows through Jackson's CSV parser, streamed: each row is read as an array of cells and
 * paired with the header. A row with another number of cells than the header is a problem of
 * that row; a quote that is never closed ends the file.
 */
final class CsvRows implements RowSource {
    private static final CsvFactory FACTORY = new CsvFactory();

    private final CsvParser parser;
    private final int maxValueLength;
    private final List<String> header;
    private long lastEnd = 0;
    private long rowStart = 1;

    CsvRows(Reader reader, int maxValueLength) throws FileProblem {
        this.maxValueLength = maxValueLength;
        try {
            this.parser = FACTORY.createParser(reader);
        } catch (IOException e) {
            throw new FileProblem(0, "the file cannot be read");
        }
        List<String> first = readCells();
        if (first == null) {
            throw new FileProblem(1, "the file is empty: it has no header row");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < first.size(); i++) {
            String name = first.get(i);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1); // a byte-order mark read as a character
            }
            name = name.strip();
            if (!name.isEmpty() && !seen.add(ImportMapping.key(name))) {
                throw new FileProblem(1, "the header names the column '" + name + "' twice");
            }
            names.add(name);
        }
        this.header = List.copyOf(names);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public @Nullable Row next() throws FileProblem {
        while (true) {
            List<String> cells = readCells();
            if (cells == null) {
                return null;
            }
            long line = rowStart;
            if (cells.size() == 1 && cells.get(0).isBlank() && header.size() > 1) {
                continue; // an empty line
            }
            if (cells.size() != header.size()) {
                Map<String, @Nullable String> none = Map.of();
                return new Row(line, none, new Reject(line, null, null,
                        "has " + cells.size() + " values where the header has " + header.size() + " columns"));
            }
            Map<String, @Nullable String> byColumn = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                if (!header.get(i).isEmpty()) {
                    byColumn.put(header.get(i), cells.get(i));
                }
            }
            return new Row(line, byColumn, RowSource.checkCells(line, byColumn, maxValueLength));
        }
    }

    /** The next row's cells, or null at the end; records the line where the row starts. */
    private @Nullable List<String> readCells() throws FileProblem {
        rowStart = lastEnd + 1;
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            if (token != JsonToken.START_ARRAY) {
                throw new FileProblem(rowStart, "the file is not comma-separated values");
            }
            List<String> cells = new ArrayList<>();
            boolean first = true;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new FileProblem(rowStart, "the file ends in the middle of a row");
                }
                if (first) {
                    rowStart = line(parser.currentTokenLocation(), rowStart);
                    first = false;
                }
                cells.add(parser.getText());
            }
            lastEnd = Math.max(rowStart, line(parser.currentTokenLocation(), rowStart));
            if (cells.isEmpty()) {
                cells.add("");
            }
            return cells;
        } catch (StreamConstraintsException e) {
            throw new FileProblem(rowStart, "a value in the row starting at line " + rowStart
                    + " is longer than the reader accepts");
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage() != null && e.getOriginalMessage().contains("closing quote")
                    ? "a quoted value in the row starting at line " + rowStart + " is never closed"
                    : "the row starting at line " + rowStart + " is not valid CSV";
            throw new FileProblem(rowStart, reason);
        } catch (IOException e) {
            throw new FileProblem(rowStart, "the file cannot be read after line " + (rowStart - 1));
        }
    }

    private static long line(JsonLocation location, long fallback) {
        return location.getLineNr() > 0 ? location.getLineNr() : fallback;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
