package dev.rapport.crm.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import dev.rapport.crm.testkit.CrmGen;
import dev.rapport.crm.testkit.RuleHarness;
import dev.rapport.crm.workflow.spi.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Property tests of a host's rules with crm-testkit: any list of new contacts (generated names,
 * lifecycle stages and tags, shrunk to a minimal case on failure) runs through the rules on a
 * fresh CRM with a clock the test moves.
 */
class OnboardingRulesProperties {
    // tag::harness[]
    @Test
    void everyContactIsWelcomedAndFollowedUpOnceUnlessItOptedOut() {
        PropertyCheck.forAll(Gen.lists(CrmGen.newContacts(), 0, 8)).tries(50).check(commands -> {
            RuleHarness run = RuleHarness.with(OnboardingRules.rules());
            List<Contact> contacts = new ArrayList<>();
            commands.forEach(c -> contacts.add(run.crm().contacts().create(c)));

            run.advance(Duration.ofDays(3));

            for (Contact c : contacts) {
                List<String> templates = run.sent().stream().filter(m -> m.recipient().equals(c.id()))
                        .map(Message::template).filter(t -> !t.equals("vip-handover")).toList();
                if (c.tags().contains(OnboardingRules.NO_OFFERS)) {
                    assertThat(templates).isEmpty();
                } else {
                    assertThat(templates).containsExactly("welcome", "follow-up");
                }
            }
            assertThat(run.deadLetters()).isEmpty();
        });
    }
    // end::harness[]

    @Test
    void exactlyTheVipsAreHandedOverAndTaggedAsKeyAccounts() {
        PropertyCheck.forAll(Gen.lists(CrmGen.newContacts(), 0, 8)).tries(50).check(commands -> {
            RuleHarness run = RuleHarness.with(OnboardingRules.rules());
            List<Contact> contacts = new ArrayList<>();
            for (NewContact c : commands) {
                contacts.add(run.crm().contacts().create(c));
            }
            for (Contact c : contacts) {
                boolean vip = c.tags().contains(OnboardingRules.VIP);
                Contact now = run.crm().contacts().get(c.id());
                assertThat(now.tags().contains("key-account")).isEqualTo(vip);
                assertThat(run.sent().stream().filter(m -> m.recipient().equals(c.id())
                        && m.template().equals("vip-handover")).count()).isEqualTo(vip ? 1 : 0);
            }
        });
    }
}
