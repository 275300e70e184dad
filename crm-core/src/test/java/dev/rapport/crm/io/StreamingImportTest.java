package dev.rapport.crm.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.event.AccountCreated;
import dev.rapport.crm.spi.IdGenerator;
import java.io.Reader;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamingImportTest {
    private static final int ROWS = 30_000;

    /** A CSV file produced row by row as it is read; it is never held as a whole. */
    static final class GeneratedCsv extends Reader {
        private final int rows;
        private int next = -1;
        private String pending = "";
        private int offset;
        long produced;

        GeneratedCsv(int rows) {
            this.rows = rows;
        }

        private String row(int i) {
            if (i < 0) {
                return "name,employees,industry\n";
            }
            String employees = i % 1000 == 999 ? "many" : Integer.toString(i % 100);
            return "Company " + (i % 100) + "," + employees + ",retail\n";
        }

        @Override
        public int read(char[] buffer, int off, int len) {
            if (offset == pending.length()) {
                if (next >= rows) {
                    return -1;
                }
                pending = row(next++);
                offset = 0;
            }
            int n = Math.min(len, pending.length() - offset);
            pending.getChars(offset, offset + n, buffer, off);
            offset += n;
            produced += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aLongFileIsImportedRowByRowWithABoundedRejectReport() {
        Crm crm = Crm.builder().clock(TestClock.at("2026-01-15T09:00:00Z"))
                .idGenerator(IdGenerator.sequential("t")).build();
        GeneratedCsv file = new GeneratedCsv(ROWS);
        AtomicLong readWhenFirstStored = new AtomicLong(-1);
        crm.events().subscribe(AccountCreated.class, e -> readWhenFirstStored.compareAndSet(-1, file.produced));

        ImportResult result = crm.imports().accounts(ImportSource.csv(file), ImportMapping.create().maxRejects(10));

        assertThat(result).extracting(ImportResult::rows, ImportResult::created, ImportResult::unchanged,
                ImportResult::rejected).containsExactly((long) ROWS, 100L, ROWS - 100L - ROWS / 1000L, ROWS / 1000L);
        assertThat(result.rejects()).hasSize(10);
        assertThat(result.rejects().get(0)).isEqualTo(new Reject(1001, "employees", "many", "is not a number"));
        // the first record was stored when only the first few kilobytes of a file of most of a megabyte had been read
        assertThat(file.produced).isGreaterThan(600_000);
        assertThat(readWhenFirstStored.get()).isBetween(1L, 64L * 1024);
        assertThat(crm.accounts().count()).isEqualTo(100);
    }
}
