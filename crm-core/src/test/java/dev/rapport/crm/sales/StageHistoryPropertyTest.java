package dev.rapport.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.StageChanged;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import dev.rapport.crm.revenue.Money;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whatever sequence of stage commands runs, the stage history stays ordered and complete. */
class StageHistoryPropertyTest {
    private static final List<String> KEYS = List.of("prospecting", "qualification", "needs-analysis", "proposal",
            "negotiation", "closed-won", "closed-lost", "nirvana");

    enum Kind { MOVE, WIN, LOSE, REOPEN, RENAME }

    record Action(Kind kind, String stage) {
    }

    private static final Gen<Action> ACTIONS = Gen.zip(Gen.enums(Kind.class), Gen.elements(KEYS), Action::new);

    @Test
    void theStageHistoryIsOrderedAndCompleteAfterAnySequenceOfCommands() {
        PropertyCheck.forAll(Gen.lists(ACTIONS, 0, 30)).tries(200).check(actions -> {
            MutableClock clock = new MutableClock(SalesFixture.NOW);
            SalesFixture f = new SalesFixture(clock);
            OpportunityService service = f.crm.opportunities();
            Pipeline pipeline = f.crm.pipelines().defaultPipeline();
            Opportunity deal = service.create(NewOpportunity.named("Deal").amount(Money.of("10.00", "EUR")));
            List<String> expectedStages = new ArrayList<>(List.of(deal.stage()));
            int stageEvents = 0;

            for (Action action : actions) {
                clock.advance(Duration.ofMinutes(1));
                Opportunity before = service.get(deal.id());
                int eventsBefore = f.events.size();
                try {
                    Opportunity after = apply(service, deal.id(), action);
                    if (!after.stage().equals(before.stage())) {
                        expectedStages.add(after.stage());
                        stageEvents++;
                    }
                } catch (CrmValidationException refused) {
                    assertThat(service.get(deal.id())).as("a refused %s changes nothing", action).isEqualTo(before);
                    assertThat(f.events).hasSize(eventsBefore);
                }
                checkInvariants(service.get(deal.id()), pipeline, expectedStages);
            }
            List<StageChanged> changes = new ArrayList<>();
            for (CrmEvent e : f.events) {
                if (e instanceof StageChanged s) {
                    changes.add(s);
                }
            }
            assertThat(changes).hasSize(stageEvents);
            Opportunity last = service.get(deal.id());
            for (int i = 0; i < changes.size(); i++) {
                assertThat(changes.get(i).fromStage()).isEqualTo(last.stageHistory().get(i + 1).from());
                assertThat(changes.get(i).toStage()).isEqualTo(last.stageHistory().get(i + 1).to());
            }
        });
    }

    private static Opportunity apply(OpportunityService service, OpportunityId id, Action action) {
        return switch (action.kind()) {
            case MOVE -> service.moveToStage(id, action.stage());
            case WIN -> service.closeWon(id, "fit");
            case LOSE -> service.closeLost(id, "price");
            case REOPEN -> service.reopen(id, action.stage());
            case RENAME -> service.update(service.get(id).withTags(Set.of(action.stage())));
        };
    }

    private static void checkInvariants(Opportunity o, Pipeline pipeline, List<String> expectedStages) {
        List<StageChange> history = o.stageHistory();
        assertThat(history).extracting(StageChange::to).containsExactlyElementsOf(expectedStages);
        assertThat(history.get(0).from()).isNull();
        assertThat(history.get(0).at()).isEqualTo(o.createdAt());
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).from()).isEqualTo(history.get(i - 1).to());
            assertThat(history.get(i).at()).isAfter(history.get(i - 1).at());
            assertThat(history.get(i).from()).isNotEqualTo(history.get(i).to());
        }
        assertThat(history.get(history.size() - 1).to()).isEqualTo(o.stage());
        Stage stage = pipeline.requireStage(o.stage());
        assertThat(o.status()).isEqualTo(stage.status());
        assertThat(o.closedAt() == null).isEqualTo(stage.isOpen());
        if (o.status() != OpportunityStatus.OPEN) {
            assertThat(o.closedAt()).isEqualTo(history.get(history.size() - 1).at());
        }
    }
}
