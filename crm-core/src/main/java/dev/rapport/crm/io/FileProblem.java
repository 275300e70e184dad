package dev.rapport.crm.io;

import java.io.Serial;

/** A problem with a file that stops reading it; becomes {@link ImportResult#fileError()}. */
final class FileProblem extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final long line;

    FileProblem(long line, String reason) {
        super(reason);
        this.line = line;
    }

    Reject toReject() {
        return new Reject(Math.max(0, line), null, null, getMessage());
    }
}
