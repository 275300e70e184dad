package dev.rapport.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.event.ConsentChanged;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.governance.Consent;
import dev.rapport.crm.governance.ConsentChannel;
import dev.rapport.crm.governance.ConsentEntry;
import dev.rapport.crm.governance.ConsentPurpose;
import dev.rapport.crm.governance.ConsentStatus;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeConsentTest {
    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private final Crm crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential("t")).build();
    private final List<CrmEvent> events = new ArrayList<>();

    {
        crm.events().subscribe(events::add);
    }

    @Test
    void theSurvivorKeepsBothHistoriesAndTheLatestDecisionPerPurposeAndChannel() {
        Contact keep = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Contact drop = crm.contacts().create(NewContact.named("Ada", "L"));
        crm.privacy().consents().grant(keep.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "web-form");
        crm.privacy().consents().grant(keep.id(), ConsentPurpose.SERVICE, ConsentChannel.PHONE, "call");
        clock.advance(Duration.ofDays(1));
        crm.privacy().consents().grant(drop.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "shop");
        crm.privacy().consents().withdraw(drop.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "unsubscribe");
        events.clear();

        MergeRecord merge = crm.duplicates().mergeContacts(keep.id(), drop.id());

        Consent merged = crm.privacy().consents().find(keep.id()).orElseThrow();
        assertThat(merged.current(ConsentPurpose.MARKETING, ConsentChannel.EMAIL)).map(ConsentEntry::status)
                .contains(ConsentStatus.WITHDRAWN);
        assertThat(merged.current(ConsentPurpose.SERVICE, ConsentChannel.PHONE)).map(ConsentEntry::status)
                .contains(ConsentStatus.GRANTED);
        assertThat(merged.history(ConsentPurpose.MARKETING, ConsentChannel.EMAIL)).extracting(ConsentEntry::source)
                .containsExactly("web-form", "shop", "unsubscribe");
        assertThat(crm.privacy().consents().find(drop.id())).isEmpty();
        assertThat(merge.relinked()).contains(merged.id());
        assertThat(events).filteredOn(ConsentChanged.class::isInstance).singleElement()
                .isInstanceOfSatisfying(ConsentChanged.class, e -> {
                    assertThat(e.contactId()).isEqualTo(keep.id());
                    assertThat(e.status()).isEqualTo(ConsentStatus.WITHDRAWN);
                });
    }

    @Test
    void aSurvivorWithoutConsentsTakesTheLosersOnes() {
        Contact keep = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Contact drop = crm.contacts().create(NewContact.named("Ada", "L"));
        crm.privacy().consents().grant(drop.id(), ConsentPurpose.SALES, ConsentChannel.PHONE, "fair");

        crm.duplicates().mergeContacts(keep.id(), drop.id());

        assertThat(crm.privacy().consents().check(keep.id(), ConsentPurpose.SALES, ConsentChannel.PHONE).allowed())
                .isTrue();
        assertThat(crm.privacy().consents().find(keep.id()).orElseThrow().contactId()).isEqualTo(keep.id());
    }
}
