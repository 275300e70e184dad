package dev.rapport.crm.io;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of a file as read: where it starts, its cells by column, or why it cannot be used.
 *
 * @param line the line where the row starts
 * @param cells the raw cells by column name, in file order
 * @param problem why the row cannot be used as it is, or null
 */
record Row(long line, Map<String, @Nullable String> cells, @Nullable Reject problem) {
}
