package dev.rapport.crm.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.property.ForAll;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.Property;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import java.util.List;

class LifecycleProperties {

    /** One attempted move: to a stage, with an override reason or without. */
    record Move(LifecycleStage to, boolean override) {
    }

    static Gen<List<Move>> moves() {
        return Gen.lists(Gen.zip(Gen.enums(LifecycleStage.class), Gen.frequency(
                java.util.Map.entry(4, Gen.constant(false)), java.util.Map.entry(1, Gen.constant(true))),
                Move::new), 0, 25);
    }

    /** The funnel order, written independently of the production code. */
    static boolean forward(LifecycleStage from, LifecycleStage to) {
        List<LifecycleStage> funnel = List.of(LifecycleStage.SUBSCRIBER, LifecycleStage.LEAD,
                LifecycleStage.MARKETING_QUALIFIED, LifecycleStage.SALES_QUALIFIED, LifecycleStage.OPPORTUNITY,
                LifecycleStage.CUSTOMER, LifecycleStage.EVANGELIST);
        return from == to || (funnel.contains(from) && funnel.contains(to) && funnel.indexOf(from) < funnel.indexOf(to));
    }

    @Property(tries = 200)
    void theLifecycleNeverMovesBackwardWithoutARecordedOverride(@ForAll("moves") List<Move> moves) {
        Crm crm = Crm.builder().build();
        Contact contact = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        for (Move move : moves) {
            LifecycleStage before = crm.contacts().get(contact.id()).lifecycleStage();
            try {
                if (move.override()) {
                    crm.contacts().overrideLifecycle(contact.id(), move.to(), "test override");
                } else {
                    crm.contacts().advanceLifecycle(contact.id(), move.to());
                }
            } catch (CrmValidationException refused) {
                assertThat(move.override()).as("only plain moves are refused").isFalse();
                assertThat(forward(before, move.to())).isFalse();
                assertThat(crm.contacts().get(contact.id()).lifecycleStage()).isEqualTo(before);
            }
        }

        Contact end = crm.contacts().get(contact.id());
        List<LifecycleTransition> history = end.lifecycleHistory();
        assertThat(history.get(history.size() - 1).to()).isEqualTo(end.lifecycleStage());
        for (int i = 1; i < history.size(); i++) {
            LifecycleTransition t = history.get(i);
            assertThat(t.from()).as("moves are chained").isEqualTo(history.get(i - 1).to());
            if (!t.override()) {
                assertThat(forward(t.from(), t.to())).as("a plain move is forward").isTrue();
            } else {
                assertThat(t.reason()).isNotBlank();
            }
        }
    }
}
