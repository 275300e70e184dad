package dev.rapport.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateScanTest {
    private final Crm crm = Crm.builder().idGenerator(IdGenerator.sequential("t")).build();

    @Test
    void theScanFindsEveryMatchingPairOnce() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact a = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example")
                .account(acme.id()));
        Contact b = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada+crm@acme.example")
                .account(acme.id()));
        crm.contacts().create(NewContact.named("Grace", "Hopper").email("grace@navy.example"));

        DuplicateScan<ContactId> scan = crm.duplicates().scanContacts();

        assertThat(scan.records()).isEqualTo(3);
        assertThat(scan.pairs()).singleElement().satisfies(p -> {
            assertThat(List.of(p.first(), p.second())).containsExactly(a.id(), b.id());
            assertThat(p.matched()).extracting(RuleMatch::rule).containsExactly("email", "fuzzyName");
        });
    }

    @Test
    void theScanComparesOnlyRecordsThatShareAKey() {
        for (int i = 0; i < 300; i++) {
            crm.contacts().create(NewContact.named("Person", "Number" + i).email("p" + i + "@host" + i + ".example"));
        }
        crm.contacts().create(NewContact.named("Twin", "One").email("twin@twins.example"));
        crm.contacts().create(NewContact.named("Twin", "Two").email("TWIN+two@twins.example ")
                .email("two@twins.example"));

        DuplicateScan<ContactId> scan = crm.duplicates()
                .withContactRules(MatchRules.any(List.of(MatchRule.email().ignoringPlusAddressing())))
                .scanContacts();

        assertThat(scan.records()).isEqualTo(302);
        assertThat(scan.comparisons()).isEqualTo(1);
        assertThat(scan.pairs()).hasSize(1);
    }

    @Test
    void aBlockOfManyRecordsIsComparedWithinItselfButNotWithOthers() {
        Account big = crm.accounts().create(NewAccount.named("Big"));
        for (int i = 0; i < 20; i++) {
            crm.contacts().create(NewContact.named("Name" + i, "Different" + (char) ('a' + i)).account(big.id()));
        }
        for (int i = 0; i < 50; i++) {
            crm.contacts().create(NewContact.named("Loner", "Number" + i));
        }

        DuplicateScan<ContactId> scan = crm.duplicates().scanContacts();

        assertThat(scan.records()).isEqualTo(70);
        assertThat(scan.comparisons()).isEqualTo(20 * 19 / 2);
    }

    @Test
    void accountsAreScannedByDomainAndNameWords() {
        Account a = crm.accounts().create(NewAccount.named("Acme GmbH").domain("acme.example"));
        Account b = crm.accounts().create(NewAccount.named("ACME Ltd"));
        Account c = crm.accounts().create(NewAccount.named("Roadrunner Inc").domain("acme.example"));
        crm.accounts().create(NewAccount.named("Globex"));

        var scan = crm.duplicates().scanAccounts();

        assertThat(scan.pairs()).extracting(p -> List.of(p.first(), p.second()))
                .containsExactlyInAnyOrder(List.of(a.id(), b.id()), List.of(a.id(), c.id()));
    }
}
