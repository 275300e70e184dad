package dev.rapport.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import dev.rapport.crm.spi.IdGenerator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Invariants of lead conversion that must hold for every mix of leads. */
class LeadConversionPropertyTest {
    /** Addresses the leads are drawn from: corporate and free mail, shared domains, one address twice. */
    private static final List<String> ADDRESSES = List.of(
            "grace@fleet.example", "ada@acme.example", "alan@acme.example", "linus@gmail.com",
            "margaret@outlook.com", "ada@gmail.com", "x.y+tag@sub.fleet.example", "GRACE@Fleet.Example",
            "edsger@web.de");

    /**
     * One lead to capture: which address and how it is spelled, and what else it carries.
     *
     * @param address index into {@link #ADDRESSES}
     * @param caseBits which characters of the address are upper case (bit i for character i mod 64)
     * @param flags bit 0: has a company; bit 1: has a name; bits 2-3: leading blanks; bits 4-5: trailing blanks
     */
    private record LeadSpec(int address, long caseBits, int flags) {
        String spelling() {
            String raw = ADDRESSES.get(address);
            StringBuilder b = new StringBuilder(" \t ".substring(0, (flags >> 2) & 3));
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                b.append((caseBits >>> (i % 64) & 1) == 1 ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            return b.append("  \t".substring(0, (flags >> 4) & 3)).toString();
        }

        NewLead command() {
            NewLead lead = NewLead.from(LeadSource.IMPORT).email(spelling());
            if ((flags & 1) != 0) {
                lead = lead.company("Company " + ADDRESSES.get(address).toLowerCase(Locale.ROOT).split("@")[1]);
            }
            if ((flags & 2) != 0) {
                lead = lead.name("First", "Last");
            }
            return lead;
        }
    }

    private static final Gen<LeadSpec> LEADS = Gen.zip(
            Gen.zip(Gen.integers(0, ADDRESSES.size() - 1), Gen.longs(), (a, bits) -> new long[] {a, bits}),
            Gen.integers(0, 63),
            (ab, flags) -> new LeadSpec((int) ab[0], ab[1], flags));

    private static Crm newCrm() {
        return Crm.builder().clock(TestClock.at("2026-03-01T09:00:00Z")).idGenerator(IdGenerator.sequential("p"))
                .build();
    }

    @Test
    void convertingLeadsYieldsExactlyOneContactPerDistinctEmailHoweverItIsSpelled() {
        PropertyCheck.forAll(Gen.lists(LEADS, 1, 25)).tries(200).check(specs -> {
            Crm crm = newCrm();
            Map<EmailAddress, Set<String>> contactByEmail = new HashMap<>();
            for (LeadSpec spec : specs) {
                Lead lead = crm.leads().capture(spec.command());
                Conversion c = crm.leads().convert(lead.id(), ConvertLead.plain());
                contactByEmail.computeIfAbsent(lead.email(), e -> new HashSet<>()).add(c.contactId().value());
                assertThat(crm.leads().get(lead.id()).status()).isEqualTo(LeadStatus.CONVERTED);
            }

            assertThat(crm.contacts().count()).isEqualTo(contactByEmail.size());
            for (Map.Entry<EmailAddress, Set<String>> e : contactByEmail.entrySet()) {
                assertThat(e.getValue()).as("contacts the leads of one address became").hasSize(1);
                Contact contact = crm.contacts().findByEmail(e.getKey().value()).orElseThrow();
                assertThat(e.getValue()).containsExactly(contact.id().value());
            }
        });
    }

    @Test
    void conversionNeverMakesTwoAccountsForOneDomainNorAnAccountForAFreeMailDomain() {
        PropertyCheck.forAll(Gen.lists(LEADS, 1, 25)).tries(200).check(specs -> {
            Crm crm = newCrm();
            for (LeadSpec spec : specs) {
                crm.leads().convert(crm.leads().capture(spec.command()).id(), ConvertLead.plain());
            }

            List<Account> accounts = crm.accounts().list(PageRequest.first(1000)).items();
            Set<String> domains = new HashSet<>();
            for (Account account : accounts) {
                if (account.domain() != null) {
                    assertThat(FreeMailDomains.isFreeMail(account.domain())).as(account.domain()).isFalse();
                    assertThat(domains.add(account.domain())).as("one account for " + account.domain()).isTrue();
                }
            }
            for (Contact contact : crm.contacts().list(PageRequest.first(1000)).items()) {
                if (contact.accountId() != null) {
                    assertThat(crm.accounts().find(contact.accountId())).isPresent();
                }
            }
        });
    }

    @Test
    void theScoreNeverGoesBelowZeroWhateverIsAdded() {
        PropertyCheck.forAll(Gen.integers(0, 1000), Gen.lists(Gen.integers(), 0, 30)).tries(200)
                .check((start, deltas) -> {
                    Crm crm = newCrm();
                    Lead lead = crm.leads().capture(NewLead.from(LeadSource.OTHER).email("a@b.example").score(start));
                    long expected = start;
                    for (int delta : deltas) {
                        expected = Math.max(0, Math.min(Integer.MAX_VALUE, expected + delta));
                        assertThat(crm.leads().addScore(lead.id(), delta).score()).isEqualTo((int) expected)
                                .isNotNegative();
                    }
                });
    }
}
