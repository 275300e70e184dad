package dev.rapport.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.property.PropertyCheck;
import dev.rapport.crm.workflow.Actions;
import dev.rapport.crm.workflow.Conditions;
import dev.rapport.crm.workflow.EntityKind;
import dev.rapport.crm.workflow.Operator;
import dev.rapport.crm.workflow.Rule;
import dev.rapport.crm.workflow.RuleSet;
import dev.rapport.crm.workflow.Triggers;
import dev.rapport.crm.workflow.spi.Message;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleHarnessTest {
    private final RuleSet welcome = RuleSet.of(List.of(Rule.named("welcome").when(Triggers.event(ContactCreated.class))
            .ifCondition(Conditions.not(Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "no-offers")))
            .then(Actions.sendMessage("welcome"), Actions.waitFor(Duration.ofDays(3)), Actions.sendMessage("follow-up"))
            .build()));

    @Test
    void advancingTimeFiresTheWaitsInOrder() {
        RuleHarness h = RuleHarness.with(welcome);
        Contact ada = h.crm().contacts().create(dev.rapport.crm.party.NewContact.named("Ada", "Lovelace"));

        h.advance(Duration.ofDays(2));
        assertThat(h.sent()).extracting(Message::template).containsExactly("welcome");
        h.advance(Duration.ofDays(1));

        assertThat(h.sent()).extracting(Message::template).containsExactly("welcome", "follow-up");
        assertThat(h.sent()).allSatisfy(m -> assertThat(m.recipient()).isEqualTo(ada.id()));
        assertThat(h.completed()).containsExactly("welcome");
    }

    @Test
    void everyGeneratedContactIsWelcomedOnceUnlessItOptedOut() {
        PropertyCheck.forAll(dev.rapport.crm.property.Gen.lists(CrmGen.newContacts(), 0, 8)).tries(50)
                .check(commands -> {
                    RuleHarness h = RuleHarness.with(welcome);
                    long optedIn = commands.stream().filter(c -> !c.tags().contains("no-offers")).count();
                    commands.forEach(h.crm().contacts()::create);

                    h.advance(Duration.ofDays(3));

                    assertThat(h.sent()).hasSize((int) optedIn * 2);
                    assertThat(h.deadLetters()).isEmpty();
                });
    }

    @Test
    void generatedCommandsAreValid() {
        PropertyCheck.forAll(CrmGen.newAccounts(), CrmGen.newLeads()).tries(100).check((account, lead) -> {
            RuleHarness h = RuleHarness.with(RuleSet.empty());
            assertThat(h.crm().accounts().create(account).version()).isEqualTo(1);
            assertThat(h.crm().leads().capture(lead).version()).isEqualTo(1);
        });
    }
}
