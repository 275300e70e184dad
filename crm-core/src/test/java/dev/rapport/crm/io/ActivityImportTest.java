package dev.rapport.crm.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActivityImportTest {
    private final Crm crm = Crm.builder()
            .clock(TestClock.at("2026-01-15T09:00:00Z"))
            .directory(new InMemoryDirectory().addUser(User.of(UserId.of("ada-rep"))))
            .idGenerator(IdGenerator.sequential("t"))
            .build();

    private static ImportSource csv(String text) {
        return ImportSource.csv(new StringReader(text));
    }

    private static ImportMapping mapping() {
        return ImportMapping.create()
                .column("id", "externalId")
                .column("kind", "type")
                .alias("type", "phone call", "CALL")
                .column("via", "channel")
                .column("when", "occurredAt")
                .column("who", "contact")
                .column("company", "account")
                .column("by", "actor")
                .dateFormats("yyyy-MM-dd", "dd.MM.yyyy");
    }

    private static final String FILE = """
            id,kind,via,when,who,company,subject,by
            A1,phone call,phone,2026-01-10T14:30:00Z,ada@acme.example,,Intro call,ada-rep
            A2,meeting,in person,12.01.2026,,Acme,Kick-off,customer
            """;

    @Test
    void rowsBecomeActivitiesOnTheTimelinesOfTheirContactAndAccount() {
        var acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));

        ImportResult result = crm.imports().activities(csv(FILE), mapping());

        assertThat(result.rejects()).isEmpty();
        assertThat(result).extracting(ImportResult::created, ImportResult::rejected).containsExactly(2L, 0L);
        Activity call = crm.activities().timeline(ada.id(), PageRequest.first(10)).items().get(0);
        assertThat(call.type()).isEqualTo(ActivityType.CALL);
        assertThat(call.channel()).isEqualTo(Channel.PHONE);
        assertThat(call.occurredAt()).isEqualTo(Instant.parse("2026-01-10T14:30:00Z"));
        assertThat(call.subject()).isEqualTo("Intro call");
        assertThat(call.actor().userId()).isEqualTo(UserId.of("ada-rep"));
        Activity meeting = crm.activities().timeline(acme.id(), PageRequest.first(10)).items().get(0);
        assertThat(meeting.occurredAt()).isEqualTo(Instant.parse("2026-01-12T00:00:00Z"));
        assertThat(meeting.channel()).isEqualTo(Channel.IN_PERSON);
    }

    @Test
    void reimportingChangesNothingAndACorrectedSubjectIsAnUpdate() {
        crm.accounts().create(NewAccount.named("Acme"));
        crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));
        crm.imports().activities(csv(FILE), mapping());

        ImportResult again = crm.imports().activities(csv(FILE), mapping());
        ImportResult corrected = crm.imports().activities(csv("id,subject\nA1,Intro call (rescheduled)\n"), mapping());

        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(corrected.updated()).isEqualTo(1);
    }

    @Test
    void anActivityWithoutALinkOrWithAnUnknownContactIsRejected() {
        ImportResult result = crm.imports().activities(csv("""
                id,kind,via,who,by
                A1,note,web,,customer
                A2,note,web,nobody@acme.example,customer
                """), mapping());

        assertThat(result.rejected()).isEqualTo(2);
        assertThat(result.rejects().get(1)).extracting(Reject::line, Reject::column, Reject::reason)
                .containsExactly(3L, "who", "names a contact that is not stored");
    }
}
