package dev.rapport.crm.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Actor;
import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmAccessDeniedException;
import dev.rapport.crm.memory.InMemoryAuditSink;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.spi.AccessPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The samples of docs/governance.md: the guide must contain each tagged region, and each region runs. */
class GovernanceGuideTest {
    private static final Path GUIDE = Path.of("").toAbsolutePath().getParent().resolve("docs/governance.md");
    private static final Path SELF = Path.of("src/test/java/dev/rapport/crm/governance/GovernanceGuideTest.java");

    private final Crm crm = new GovernanceFixture().crm;

    @Test
    void theGuideShowsTheCodeOfThisTest() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        String self = Files.readString(SELF, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("// tag::(\\w+)\\[\\]\\n(.*?)\\n\\s*// end::\\1\\[\\]", Pattern.DOTALL).matcher(self);
        int regions = 0;
        while (m.find()) {
            assertThat(guide).as("docs/governance.md shows region %s", m.group(1)).contains(dedent(m.group(2)));
            regions++;
        }
        assertThat(regions).isEqualTo(5);
    }

    private static String dedent(String block) {
        int indent = block.lines().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        block.lines().forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return out.toString().strip();
    }

    @Test
    void consent() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));
        // tag::consent[]
        ConsentService consents = crm.privacy().consents();
        consents.grant(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "web-form");
        consents.withdraw(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "unsubscribe-link");

        ConsentDecision may = consents.check(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL);
        String why;
        if (may instanceof ConsentDecision.Granted g) {
            why = "granted via " + g.entry().source();
        } else if (may instanceof ConsentDecision.Refused r) {
            why = r.entry().status() + " via " + r.entry().source() + " at " + r.entry().at();
        } else {
            why = "never asked";
        }
        // why is "WITHDRAWN via unsubscribe-link at 2026-11-22T10:00:00Z"
        // end::consent[]
        assertThat(why).isEqualTo("WITHDRAWN via unsubscribe-link at 2026-11-22T10:00:00Z");
    }

    @Test
    void erasure() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));
        // tag::erase[]
        ErasureReport report = crm.privacy().erase(ada.id(), "request 2026-118");
        // report.records(): [Contact t-contact-1]; report.tombstones(): 1
        try {
            crm.contacts().create(NewContact.named("Ada", "L.").email("ADA@acme.example"));
        } catch (ErasedIdentityException e) {
            // e.field() is "email", e.reason() is "was erased"
        }
        Contact back = crm.privacy().withReconsent("signed up again, form 2026-12-01",
                () -> crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example")));
        // end::erase[]
        assertThat(report.tombstones()).isEqualTo(1);
        assertThat(back.emails()).hasSize(1);
    }

    @Test
    void export() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));
        // tag::export[]
        String json = crm.privacy().export(ada.id());
        // {"format":"rapport-personal-data","formatVersion":1,...,"contact":{...},"consent":...,
        //  "opportunities":[...],"leads":[...],"auditTrail":[...],"redacted":[]}
        // end::export[]
        assertThat(json).contains("\"firstName\" : \"Ada\"");
    }

    @Test
    void audit() {
        // tag::audit[]
        InMemoryAuditSink audit = new InMemoryAuditSink();     // or the host's own AuditSink
        Crm audited = Crm.builder().auditSink(audit).actor(() -> Actor.user("kim")).build();
        Contact ada = audited.contacts().create(NewContact.named("Ada", "Lovelace").title("Analyst"));
        audited.contacts().update(ada.withTitle("Countess"));

        List<AuditEntry> trail = audited.privacy().auditTrail("Contact", ada.id().value());
        // trail.get(1): UPDATE by kim, changes [title: "Analyst" -> "Countess"]
        // end::audit[]
        assertThat(trail.get(1).changes()).containsExactly(new FieldChange("title", "Analyst", "Countess"));
        assertThat(audit.entries(audited.tenant())).hasSize(2);
    }

    @Test
    void accessPolicy() {
        AtomicReference<Actor> current = new AtomicReference<>(Actor.user("sam"));
        Map<String, Set<String>> rolesOfUsers = Map.of("sue", Set.of("support"), "sam", Set.of("sales"));
        // tag::access[]
        AccessPolicy policy = RoleFieldPolicy.builder()
                .hide("support", "Opportunity", "amount")
                .readOnly("support", "Contact", "ownerId")
                .build();
        Crm crm = Crm.builder()
                .actor(current::get)
                .accessPolicy(policy)
                .roles(actor -> rolesOfUsers.getOrDefault(actor.id(), Set.of()))
                .build();
        // end::access[]
        Opportunity deal = crm.opportunities().create(NewOpportunity.named("Rollout")
                .amount(Money.of("5000.00", "EUR")));
        current.set(Actor.user("sue"));
        assertThat(crm.opportunities().get(deal.id()).amount()).isNull();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(CrmAccessDeniedException.class,
                () -> crm.opportunities().update(deal.withAmount(Money.of("1.00", "EUR")))).field())
                .isEqualTo("amount");
    }
}
