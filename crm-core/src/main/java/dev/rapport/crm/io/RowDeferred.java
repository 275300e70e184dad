package dev.rapport.crm.io;

import java.io.Serial;

/**
 * Thrown while importing a row that refers to a record of the same kind not yet stored (a
 * subsidiary listed before its group): the row waits until a row with that key is imported.
 */
final class RowDeferred extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    final String key;
    final String field;

    RowDeferred(String key, String field) {
        super("deferred", null, false, false);
        this.key = key;
        this.field = field;
    }
}
