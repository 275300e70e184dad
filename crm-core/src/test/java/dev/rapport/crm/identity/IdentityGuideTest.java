package dev.rapport.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The samples of docs/identity.md: the guide must contain each tagged region, and each region runs. */
class IdentityGuideTest {
    private static final Path GUIDE = Path.of("").toAbsolutePath().getParent().resolve("docs/identity.md");
    private static final Path SELF = Path.of("src/test/java/dev/rapport/crm/identity/IdentityGuideTest.java");

    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private final Crm crm = Crm.builder().clock(clock)
            .idGenerator(IdGenerator.sequential("g")).build();

    @Test
    void theGuideShowsTheCodeOfThisTest() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        String self = Files.readString(SELF, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("// tag::(\\w+)\\[\\]\\n(.*?)\\n\\s*// end::\\1\\[\\]", Pattern.DOTALL)
                .matcher(self);
        int regions = 0;
        while (m.find()) {
            assertThat(guide).as("docs/identity.md shows region %s", m.group(1)).contains(dedent(m.group(2)));
            regions++;
        }
        assertThat(regions).isEqualTo(4);
    }

    private static String dedent(String block) {
        int indent = block.lines().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        block.lines().forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return out.toString().strip();
    }

    @Test
    void warnBeforeSaving() {
        Account acme = crm.accounts().create(NewAccount.named("Acme GmbH").domain("acme.example"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace")
                .email("ada@acme.example").account(acme.id()));
        // tag::warn[]
        NewContact typed = NewContact.named("Ada", "Lovelace").email("Ada+Newsletter@ACME.example");
        List<Candidate<ContactId>> candidates = crm.duplicates().candidates(typed);
        // one candidate: ada, score 1.0, matched by "email" (plus-addressing is ignored by default)
        // end::warn[]
        assertThat(candidates).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(ada.id());
            assertThat(c.score()).isEqualTo(1.0);
            assertThat(c.ruleNames()).containsExactly("email");
        });
    }

    @Test
    void configureRules() {
        Account acme = crm.accounts().create(NewAccount.named("Acme GmbH").domain("acme.example"));
        crm.contacts().create(NewContact.named("Jonathan", "Smith").email("jsmith@acme.example").account(acme.id()));
        crm.contacts().create(NewContact.named("Jonathon", "Smyth").email("j.smyth@acme.example").account(acme.id()));
        // tag::rules[]
        MatchRules sameCompanySimilarName = MatchRules.all(List.of(
                        MatchRule.domain(),               // the account's website or a company e-mail domain
                        MatchRule.fuzzyName(0.9)))        // Jaro-Winkler of the normalized names, same account
                .blanks(BlankPolicy.NO_MATCH);            // a missing value fails the rule
        DuplicateScan<ContactId> scan = crm.duplicates().withContactRules(sameCompanySimilarName).scanContacts();
        // one pair; only the two contacts sharing a key (the domain, the account) were compared
        // end::rules[]
        assertThat(scan.pairs()).hasSize(1);
        assertThat(scan.comparisons()).isEqualTo(1);
    }

    @Test
    void mergeContacts() {
        Contact keep = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));
        clock.advance(java.time.Duration.ofDays(1));
        Contact drop = crm.contacts().create(NewContact.named("Ada", "King").email("ada.king@acme.example")
                .title("Analyst").externalId("shop", "c-42"));
        // tag::merge[]
        Survivorship<Contact> rules = Survivorship.contactDefaults()
                .with(ContactFields.TITLE, SurvivorshipRule.newest())
                .with(ContactFields.LAST_NAME, SurvivorshipRule.keepSurvivor());
        MergeRecord merge = crm.duplicates().mergeContacts(keep.id(), drop.id(), rules);

        crm.contacts().findByEmail("ada.king@acme.example");   // the survivor
        crm.contacts().findByExternalId("shop", "c-42");       // the survivor
        crm.duplicates().survivorOf(drop.id());                // keep.id()
        // merge.changedFields() is [emails, externalIds, title]; a ContactsMerged event was published
        // end::merge[]
        assertThat(crm.contacts().findByEmail("ada.king@acme.example")).map(Contact::id).contains(keep.id());
        assertThat(crm.contacts().findByExternalId("shop", "c-42")).map(Contact::id).contains(keep.id());
        assertThat(crm.duplicates().survivorOf(drop.id())).isEqualTo(keep.id());
        assertThat(merge.changedFields()).containsExactly("emails", "externalIds", "title");
    }

    @Test
    void profile() {
        Account group = crm.accounts().create(NewAccount.named("Acme Group"));
        Account acme = crm.accounts().create(NewAccount.named("Acme GmbH").parent(group.id()));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").account(acme.id()));
        // tag::profile[]
        Customer360 profile = crm.profiles().get(ada.id());
        profile.account();               // Acme GmbH
        profile.ancestors();             // [Acme Group]
        profile.openOpportunities();     // the deals in play, hers and her account's
        // end::profile[]
        assertThat(profile.account().id()).isEqualTo(acme.id());
        assertThat(profile.ancestors()).extracting(Account::id).containsExactly(group.id());
    }
}
