package dev.rapport.crm.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.spi.IdGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportLogTest {
    @Test
    void anImportLogsItsCountsAndNoValueOfTheFile() {
        Crm crm = Crm.builder().clock(TestClock.at("2026-01-15T09:00:00Z"))
                .idGenerator(IdGenerator.sequential("t")).build();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            crm.imports().contacts(ImportSource.csv(new StringReader("""
                    firstName,lastName,email,phone
                    Ada,Lovelace,ada@acme.example,+44 20 7946 0000
                    Grace,Hopper,not-an-email,+1 555 0100
                    """)), ImportMapping.create());
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).contains("Import of contacts into tenant default: 2 rows, 1 created, 0 updated, 0 unchanged, "
                + "1 rejected");
        assertThat(log).doesNotContain("Ada", "Lovelace", "ada@acme.example", "7946", "Grace", "Hopper",
                "not-an-email", "555");
    }
}
