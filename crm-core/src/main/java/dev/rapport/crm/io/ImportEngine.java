package dev.rapport.crm.io;

import dev.rapport.crm.CrmException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.ServiceContext;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one import: reads rows one at a time, cleanses them, upserts each in its own command, and
 * counts. Only the current row, the reject report (bounded) and rows waiting for a record of the
 * same kind later in the file are held in memory.
 */
final class ImportEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    private static final int MAX_CACHED_COLUMNS = 10_000;

    private final ServiceContext context;
    private final ImportMapping mapping;
    private final EntityImport kind;
    private final List<DateTimeFormatter> dateFormats;
    private final Map<String, @Nullable String> fieldOfColumn = new HashMap<>();
    private final Map<String, List<RowValues>> waiting = new LinkedHashMap<>();
    private final Map<RowValues, String> waitingField = new HashMap<>();
    private final List<Reject> rejects = new ArrayList<>();
    private long rows;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;

    ImportEngine(ServiceContext context, ImportMapping mapping, EntityImport kind) {
        this.context = context;
        this.mapping = mapping;
        this.kind = kind;
        this.dateFormats = RowValues.formats(mapping);
    }

    ImportResult run(ImportSource source) {
        Reject error = null;
        try (RowSource source1 = RowSource.open(source, mapping.maxValueLength())) {
            error = checkHeader(source1.header());
            if (error == null) {
                Row row;
                while ((row = source1.next()) != null) {
                    rows++;
                    if (row.problem() != null) {
                        reject(row.problem());
                        continue;
                    }
                    RowValues values;
                    try {
                        values = values(row);
                    } catch (RowRejected r) {
                        reject(new Reject(row.line(), r.column, r.value, r.reason));
                        continue;
                    }
                    attempt(values);
                }
            }
        } catch (FileProblem problem) {
            error = problem.toReject();
        } catch (IOException closing) {
            // the file was read; a failure to close it changes nothing imported
        }
        for (List<RowValues> stillWaiting : waiting.values()) {
            for (RowValues values : stillWaiting) {
                String field = waitingField.getOrDefault(values, "parent");
                reject(new Reject(values.line(), values.column(field), values.raw(field),
                        "names " + article(kind.entity()) + " that is neither stored nor in the file"));
            }
        }
        waiting.clear();
        LOG.info("Import of {} into tenant {}: {} rows, {} created, {} updated, {} unchanged, {} rejected{}",
                kind.plural(), context.tenant(), rows, created, updated, unchanged, rejected,
                error == null ? "" : ", stopped at line " + error.line());
        return new ImportResult(rows, created, updated, unchanged, rejected, rejects, error);
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** A CSV header must have a column for the field rows are matched by, else nothing could match. */
    private @Nullable Reject checkHeader(@Nullable List<String> header) {
        if (header == null) {
            return null;
        }
        String needed = kind.matchField();
        if (mapping.constants().containsKey(needed)) {
            return null;
        }
        for (String column : header) {
            if (needed.equals(fieldOf(column))) {
                return null;
            }
        }
        return new Reject(1, null, null, "the header has no column for the field '" + needed
                + "', by which " + kind.plural() + " are matched");
    }

    private @Nullable String fieldOf(String column) {
        if (fieldOfColumn.containsKey(column)) {
            return fieldOfColumn.get(column);
        }
        String field = mapping.columns().get(ImportMapping.key(column));
        if (field == null) {
            String wanted = ImportMapping.fieldKey(column);
            for (String candidate : kind.allFields()) {
                if (ImportMapping.fieldKey(candidate).equals(wanted)) {
                    field = candidate;
                    break;
                }
            }
        }
        if (fieldOfColumn.size() < MAX_CACHED_COLUMNS) {
            fieldOfColumn.put(column, field);
        }
        return field;
    }

    private RowValues values(Row row) {
        Map<String, RowValues.Cell> cells = RowValues.newCells();
        for (Map.Entry<String, @Nullable String> entry : row.cells().entrySet()) {
            String field = fieldOf(entry.getKey());
            if (field == null) {
                continue;
            }
            RowValues.Cell already = cells.get(field);
            if (already != null && already.value() != null) {
                continue;
            }
            String value;
            try {
                value = mapping.cleanse(field, entry.getValue());
            } catch (CrmValidationException e) {
                throw new RowRejected(entry.getKey(), entry.getValue(), e.reason());
            } catch (RuntimeException e) {
                // a host's conversion failed on this value: the row is refused, the import goes on
                throw new RowRejected(entry.getKey(), entry.getValue(),
                        "the mapping's conversion failed (" + e.getClass().getSimpleName() + ")");
            }
            cells.put(field, new RowValues.Cell(entry.getKey(), entry.getValue(), value));
        }
        for (Map.Entry<String, String> constant : mapping.constants().entrySet()) {
            RowValues.Cell cell = cells.get(constant.getKey());
            if (cell == null || cell.value() == null) {
                cells.put(constant.getKey(), new RowValues.Cell(null, constant.getValue(),
                        mapping.cleanse(constant.getKey(), constant.getValue())));
            }
        }
        return new RowValues(row.line(), cells, mapping, dateFormats);
    }

    /** Upserts a row, then any rows that waited for the record it made. */
    private void attempt(RowValues first) {
        Deque<RowValues> queue = new ArrayDeque<>();
        queue.add(first);
        while (!queue.isEmpty()) {
            RowValues values = queue.poll();
            try {
                EntityImport.Upserted done = context.write(uow -> kind.upsert(uow, values));
                switch (done.outcome()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    default -> unchanged++;
                }
                for (String key : done.keys()) {
                    List<RowValues> ready = waiting.remove(key);
                    if (ready != null) {
                        queue.addAll(ready);
                    }
                }
            } catch (RowDeferred d) {
                waiting.computeIfAbsent(d.key, k -> new ArrayList<>()).add(values);
                waitingField.put(values, d.field);
            } catch (RowRejected r) {
                reject(new Reject(values.line(), r.column, r.value, r.reason));
            } catch (CrmValidationException e) {
                String field = kind.fieldOf(e.field());
                reject(new Reject(values.line(), field == null ? null : values.column(field),
                        field == null ? null : values.raw(field),
                        field == null ? e.field() + " " + e.reason() : e.reason()));
            } catch (CrmException e) {
                reject(new Reject(values.line(), null, null, e.getMessage()));
            }
        }
    }

    private void reject(Reject reject) {
        rejected++;
        if (rejects.size() < mapping.maxRejects()) {
            rejects.add(reject);
        }
    }
}
