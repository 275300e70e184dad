package dev.rapport.crm.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.spi.IdGenerator;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeopleImportTest {
    private final Crm crm = Crm.builder()
            .clock(TestClock.at("2026-01-15T09:00:00Z"))
            .idGenerator(IdGenerator.sequential("t"))
            .build();

    private static ImportSource csv(String text) {
        return ImportSource.csv(new StringReader(text));
    }

    private static final String CONTACTS = """
            Name,Mail,Company,Stage
            Ada Lovelace, Ada@ACME.example ,acme,customer
            Grace Hopper,grace@fleet.example,,lead
            """;

    private static ImportMapping contactMapping() {
        return ImportMapping.create()
                .column("Name", "fullName")
                .column("Mail", "email")
                .column("Company", "account")
                .column("Stage", "lifecycleStage");
    }

    @Test
    void contactsAreMatchedByTheirNormalizedEmailAndLinkedToTheirAccount() {
        var acme = crm.accounts().create(NewAccount.named("ACME"));

        ImportResult result = crm.imports().contacts(csv(CONTACTS), contactMapping());

        assertThat(result).extracting(ImportResult::created, ImportResult::rejected).containsExactly(2L, 0L);
        Contact ada = crm.contacts().findByEmail("ada@acme.example").orElseThrow();
        assertThat(ada.firstName()).isEqualTo("Ada");
        assertThat(ada.lastName()).isEqualTo("Lovelace");
        assertThat(ada.accountId()).isEqualTo(acme.id());
        assertThat(ada.lifecycleStage()).isEqualTo(LifecycleStage.CUSTOMER);
    }

    @Test
    void reimportingContactsChangesNothingAndEmitsNothing() {
        crm.accounts().create(NewAccount.named("ACME"));
        crm.imports().contacts(csv(CONTACTS), contactMapping());
        List<CrmEvent> events = new ArrayList<>();
        crm.events().subscribe(events::add);

        ImportResult again = crm.imports().contacts(csv(CONTACTS), contactMapping());

        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(events).isEmpty();
    }

    @Test
    void anImportNeverMovesALifecycleBackward() {
        crm.accounts().create(NewAccount.named("ACME"));
        crm.imports().contacts(csv(CONTACTS), contactMapping());

        ImportResult result = crm.imports().contacts(csv("Mail,Stage\nada@acme.example,subscriber\n"),
                contactMapping());

        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(crm.contacts().findByEmail("ada@acme.example").orElseThrow().lifecycleStage())
                .isEqualTo(LifecycleStage.CUSTOMER);
    }

    @Test
    void aContactWhoseAccountIsNotStoredIsRejectedAndNothingIsStoredOrEmitted() {
        List<CrmEvent> events = new ArrayList<>();
        crm.events().subscribe(events::add);

        ImportResult result = crm.imports().contacts(csv(CONTACTS), contactMapping());

        assertThat(result.rejects()).containsExactly(
                new Reject(2, "Company", "acme", "names an account that is not stored"));
        assertThat(crm.contacts().count()).isEqualTo(1);
        assertThat(events).singleElement().isInstanceOf(ContactCreated.class);
    }

    @Test
    void aMalformedEmailRejectsItsRowNamingTheColumn() {
        ImportResult result = crm.imports().contacts(csv("Name,Mail\nAda Lovelace,ada(at)acme\n"), contactMapping());

        assertThat(result.rejects()).singleElement().extracting(Reject::line, Reject::column, Reject::value)
                .containsExactly(2L, "Mail", "ada(at)acme");
        assertThat(crm.contacts().count()).isZero();
    }

    @Test
    void leadsAreCapturedFromTheImportSourceAndMatchedByEmail() {
        ImportMapping mapping = ImportMapping.create().column("Mail", "email").column("Org", "company")
                .column("Land", "country").alias("country", "Deutschland", "DE");

        ImportResult first = crm.imports().leads(csv("Mail,Org,Land,score\ngrace@fleet.example,Fleet Ltd,Deutschland,10\n"),
                mapping);
        ImportResult second = crm.imports().leads(csv("Mail,Org,Land,score\nGRACE@fleet.example,Fleet Ltd,DE,15\n"),
                mapping);

        assertThat(first.created()).isEqualTo(1);
        assertThat(second.updated()).isEqualTo(1);
        Lead lead = crm.leads().findByEmail("grace@fleet.example").get(0);
        assertThat(lead.source()).isEqualTo(LeadSource.IMPORT);
        assertThat(lead.country()).isEqualTo("DE");
        assertThat(lead.score()).isEqualTo(15);
        assertThat(crm.forTenant(TenantId.of("other")).leads().findByEmail("grace@fleet.example")).isEmpty();
    }
}
