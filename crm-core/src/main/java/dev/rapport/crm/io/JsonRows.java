package dev.rapport.crm.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON rows streamed from an array of objects with Jackson's streaming parser: one object is read
 * at a time. Nested objects become {@code outer.inner} columns; scalars become text.
 */
final class JsonRows implements RowSource {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonParser parser;
    private final int maxValueLength;

    JsonRows(Reader reader, int maxValueLength) throws FileProblem {
        this.maxValueLength = maxValueLength;
        try {
            this.parser = FACTORY.createParser(reader);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new FileProblem(1, "the file is empty");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new FileProblem(line(), "the file must hold a JSON array of objects");
            }
        } catch (JsonProcessingException e) {
            throw new FileProblem(lineOf(e), "the file is not valid JSON");
        } catch (IOException e) {
            throw new FileProblem(0, "the file cannot be read");
        }
    }

    @Override
    public @Nullable List<String> header() {
        return null;
    }

    private long line() {
        return Math.max(0, parser.currentTokenLocation().getLineNr());
    }

    private static long lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
    }

    @Override
    public @Nullable Row next() throws FileProblem {
        long line = 0;
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new FileProblem(line(), "the file ends before its array is closed");
            }
            if (token == JsonToken.END_ARRAY) {
                if (parser.nextToken() != null) {
                    throw new FileProblem(line(), "the file has content after its array");
                }
                return null;
            }
            line = line();
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return new Row(line, Map.of(), new Reject(line, null, null, "is not a JSON object"));
            }
            Map<String, @Nullable String> cells = new LinkedHashMap<>();
            Reject problem = readObject("", cells, line);
            if (problem == null) {
                problem = RowSource.checkCells(line, cells, maxValueLength);
            }
            return new Row(line, cells, problem);
        } catch (StreamConstraintsException e) {
            throw new FileProblem(line, "a value of the object at line " + line + " is longer than the reader accepts");
        } catch (JsonProcessingException e) {
            long at = lineOf(e);
            throw new FileProblem(at, "the file is not valid JSON at line " + at);
        } catch (IOException e) {
            throw new FileProblem(line, "the file cannot be read after line " + line);
        }
    }

    /** Reads the object the parser is at into cells; returns the first problem, if any. */
    private @Nullable Reject readObject(String prefix, Map<String, @Nullable String> cells, long line)
            throws IOException {
        Reject problem = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String column = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                Reject nested = readObject(column + ".", cells, line);
                problem = problem != null ? problem : nested;
            } else if (value == JsonToken.START_ARRAY) {
                parser.skipChildren();
                problem = problem != null ? problem : new Reject(line, column, null, "holds a list, not a value");
            } else if (value == JsonToken.VALUE_NULL) {
                cells.put(column, null);
            } else {
                cells.put(column, parser.getText());
            }
        }
        return problem;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
