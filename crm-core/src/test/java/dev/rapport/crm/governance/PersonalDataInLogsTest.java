package dev.rapport.crm.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.io.ImportMapping;
import dev.rapport.crm.io.ImportSource;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.spi.IdGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A full import, merge and erasure, logged at DEBUG, leaves no personal value in the log. */
class PersonalDataInLogsTest {

    @Test
    void importMergeAndErasureLogNoNameEmailOrPhone() {
        Crm crm = Crm.builder().clock(TestClock.at("2026-01-15T09:00:00Z"))
                .idGenerator(IdGenerator.sequential("t")).build();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            crm.imports().contacts(ImportSource.csv(new StringReader("""
                    firstName,lastName,email,phone
                    Augusta,Byron,augusta@analytical.example,+44 20 7946 1234
                    Augusta,Byron-King,a.king@analytical.example,+44 20 7946 5678
                    Charles,Babbage,not-an-email,+44 20 7946 9999
                    """)), ImportMapping.create());
            Contact first = crm.contacts().findByEmail("augusta@analytical.example").orElseThrow();
            Contact second = crm.contacts().findByEmail("a.king@analytical.example").orElseThrow();
            crm.duplicates().mergeContacts(first.id(), second.id());
            crm.privacy().erase(first.id(), "the person asked to be forgotten");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).as("the run logged something to check").contains("Import of contacts");
        assertThat(log).doesNotContain("Augusta", "Byron", "King", "Charles", "Babbage",
                "augusta@", "a.king@", "analytical.example", "not-an-email", "7946", "1234", "5678", "9999");
    }
}
