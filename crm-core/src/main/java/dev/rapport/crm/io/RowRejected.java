package dev.rapport.crm.io;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/** Thrown while importing a row to reject it; nothing of the row is stored. */
final class RowRejected extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    final @Nullable String column;
    final @Nullable String value;
    final String reason;

    RowRejected(@Nullable String column, @Nullable String value, String reason) {
        super(reason, null, false, false);
        this.column = column;
        this.value = value;
        this.reason = reason;
    }
}
