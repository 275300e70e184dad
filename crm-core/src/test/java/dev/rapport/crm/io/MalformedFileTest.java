package dev.rapport.crm.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.spi.IdGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MalformedFileTest {
    private final Crm crm = Crm.builder()
            .clock(TestClock.at("2026-01-15T09:00:00Z"))
            .idGenerator(IdGenerator.sequential("t"))
            .build();

    private ImportResult importCsv(String text) {
        return crm.imports().accounts(ImportSource.csv(new StringReader(text)), ImportMapping.create());
    }

    @Test
    void aQuoteThatIsNeverClosedStopsTheFileWithItsLineAndKeepsTheRowsBefore() {
        ImportResult result = importCsv("name,industry\nAcme,retail\n\"Hooli,software\nInitech,software\n");

        assertThat(result.complete()).isFalse();
        assertThat(result.fileError()).get().extracting(Reject::line, Reject::reason)
                .containsExactly(3L, "a quoted value in the row starting at line 3 is never closed");
        assertThat(result.created()).isEqualTo(1);
        assertThat(crm.accounts().findByName("Acme")).hasSize(1);
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRejectedAndTheRestImported() {
        ImportResult result = importCsv("name,industry\nAcme,retail,extra\nHooli\nInitech,software\n");

        assertThat(result).extracting(ImportResult::rows, ImportResult::created, ImportResult::rejected)
                .containsExactly(3L, 1L, 2L);
        assertThat(result.rejects()).containsExactly(
                new Reject(2, null, null, "has 3 values where the header has 2 columns"),
                new Reject(3, null, null, "has 1 values where the header has 2 columns"));
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(bom);
        file.writeBytes("name,industry\nAcme,retail\n".getBytes(StandardCharsets.UTF_8));

        ImportResult result = crm.imports().accounts(ImportSource.csv(new ByteArrayInputStream(file.toByteArray())),
                ImportMapping.create());

        assertThat(result.created()).isEqualTo(1);
        assertThat(crm.accounts().findByName("Acme").get(0).industry()).isEqualTo("retail");
    }

    @Test
    void invalidUtf8RejectsOnlyTheRowsThatHoldIt() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("name,industry\nAcme,retail\nHo".getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28}); // not a UTF-8 sequence
        file.writeBytes("li,software\nInitech,software\n".getBytes(StandardCharsets.UTF_8));

        ImportResult result = crm.imports().accounts(ImportSource.csv(new ByteArrayInputStream(file.toByteArray())),
                ImportMapping.create());

        assertThat(result).extracting(ImportResult::created, ImportResult::rejected).containsExactly(2L, 1L);
        assertThat(result.rejects()).singleElement().extracting(Reject::line, Reject::column, Reject::reason)
                .containsExactly(3L, "name", "holds bytes that are not valid UTF-8");
    }

    @Test
    void aTenMegabyteFieldRejectsItsRowWithoutKeepingTheValueInTheReport() {
        String huge = "x".repeat(10 * 1024 * 1024);
        ImportResult result = importCsv("name,industry\nAcme," + huge + "\nHooli,software\n");

        assertThat(result).extracting(ImportResult::created, ImportResult::rejected).containsExactly(1L, 1L);
        Reject reject = result.rejects().get(0);
        assertThat(reject.line()).isEqualTo(2);
        assertThat(reject.column()).isEqualTo("industry");
        assertThat(reject.reason()).isEqualTo("is longer than 100000 characters");
        assertThat(reject.value()).hasSizeLessThanOrEqualTo(Reject.MAX_VALUE + 1);
    }

    @Test
    void aQuotedValueOverSeveralLinesKeepsTheLineNumbersOfLaterRowsRight() {
        ImportResult result = importCsv("name,industry\n\"Acme\nGroup\",retail\nHooli,software,x\n");

        assertThat(result.created()).isEqualTo(1);
        assertThat(result.rejects()).singleElement().extracting(Reject::line).isEqualTo(4L);
    }

    @Test
    void emptyLinesAreSkipped() {
        ImportResult result = importCsv("name,industry\n\nAcme,retail\n\n");

        assertThat(result).extracting(ImportResult::rows, ImportResult::created).containsExactly(1L, 1L);
    }

    @Test
    void anEmptyFileIsAClearError() {
        ImportResult result = importCsv("");

        assertThat(result.fileError()).get().extracting(Reject::reason)
                .isEqualTo("the file is empty: it has no header row");
    }

    @Test
    void jsonThatIsNotAnArrayOrBrokenIsAClearError() {
        ImportResult notArray = crm.imports().accounts(ImportSource.json(new StringReader("{\"name\": \"Acme\"}")),
                ImportMapping.create());
        ImportResult broken = crm.imports().accounts(
                ImportSource.json(new StringReader("[{\"name\": \"Acme\"},\n{\"name\": ")), ImportMapping.create());

        assertThat(notArray.fileError()).get().extracting(Reject::reason)
                .isEqualTo("the file must hold a JSON array of objects");
        assertThat(broken.fileError()).get().extracting(Reject::line).isEqualTo(2L);
        assertThat(broken.created()).isEqualTo(1);
    }

    @Test
    void aJsonElementThatIsNotAnObjectIsRejected() {
        ImportResult result = crm.imports().accounts(
                ImportSource.json(new StringReader("[{\"name\": \"Acme\"}, 42, {\"name\": [1]}]")),
                ImportMapping.create());

        assertThat(result).extracting(ImportResult::created, ImportResult::rejected).containsExactly(1L, 2L);
        assertThat(result.rejects()).extracting(Reject::reason)
                .containsExactly("is not a JSON object", "holds a list, not a value");
    }

    @Test
    void aHeaderThatNamesAColumnTwiceIsAClearError() {
        ImportResult result = importCsv("name,Name\nAcme,Acme\n");

        assertThat(result.fileError()).get().extracting(Reject::line, Reject::reason)
                .containsExactly(1L, "the header names the column 'Name' twice");
        assertThat(crm.accounts().count()).isZero();
    }

    @Test
    void aConversionThatThrowsRejectsOnlyItsRow() {
        ImportResult result = crm.imports().accounts(ImportSource.csv(new StringReader("name,owner\nAcme,x\nHooli,\n")),
                ImportMapping.create().convert("owner", v -> {
                    throw new IllegalArgumentException("no user " + v);
                }));

        assertThat(result).extracting(ImportResult::created, ImportResult::rejected).containsExactly(1L, 1L);
        assertThat(result.rejects()).singleElement().extracting(Reject::line, Reject::column, Reject::reason)
                .containsExactly(2L, "owner", "the mapping's conversion failed (IllegalArgumentException)");
    }
}
