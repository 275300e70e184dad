package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.workflow.spi.IdempotencyLedger;
import dev.rapport.crm.workflow.spi.StepKey;
import org.junit.jupiter.api.Test;

/** The ledger's step keys: equal by every part, one text for stores keyed by text. */
class StepKeyTest {
    private final TenantId acme = TenantId.of("acme");

    @Test
    void keysAreEqualByEveryPart() {
        StepKey key = StepKey.of(acme, "welcome", 3, "event-7", "ContactId:c-42", 0);
        assertThat(key).isEqualTo(StepKey.of(TenantId.of("acme"), "welcome", 3, new String("event-7"),
                "ContactId:c-42", 0)).hasSameHashCodeAs(StepKey.of(acme, "welcome", 3, "event-7", "ContactId:c-42", 0));
        assertThat(key).isNotEqualTo(StepKey.of(acme, "welcome", 3, "event-7", "ContactId:c-42", 1))
                .isNotEqualTo(StepKey.of(acme, "welcome", 4, "event-7", "ContactId:c-42", 0))
                .isNotEqualTo(StepKey.of(acme, "welcome", 3, "event-8", "ContactId:c-42", 0))
                .isNotEqualTo(StepKey.of(acme, "welcome", 3, "event-7", null, 0))
                .isNotEqualTo(StepKey.of(acme, "other", 3, "event-7", "ContactId:c-42", 0))
                .isNotEqualTo(StepKey.of(TenantId.of("other"), "welcome", 3, "event-7", "ContactId:c-42", 0));
    }

    @Test
    void theTextKeyNamesEveryPartInOrder() {
        assertThat(StepKey.of(acme, "welcome", 3, "event-7", "ContactId:c-42", 2).value())
                .isEqualTo("acme|welcome|3|event-7|ContactId:c-42|2");
        assertThat(StepKey.of(acme, "daily", 1, "schedule:2026-01-01T09:00:00Z", null, 0).value())
                .isEqualTo("acme|daily|1|schedule:2026-01-01T09:00:00Z|null|0");
    }

    @Test
    void aMissingPartOrANegativeStepIsRefusedByName() {
        assertThatThrownBy(() -> StepKey.of(acme, "welcome", 1, null, null, 0)).isInstanceOf(NullPointerException.class)
                .hasMessage("triggerId");
        assertThatThrownBy(() -> StepKey.of(acme, "welcome", 1, "e", null, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");
    }

    @Test
    void theInMemoryLedgerKnowsAStepByItsKeyOnly() {
        IdempotencyLedger ledger = IdempotencyLedger.inMemory();
        ledger.markDone(StepKey.of(acme, "welcome", 3, "event-7", "ContactId:c-42", 0));
        assertThat(ledger.isDone(StepKey.of(acme, "welcome", 3, "event-7", "ContactId:c-42", 0))).isTrue();
        assertThat(ledger.isDone(StepKey.of(acme, "welcome", 3, "event-7", "ContactId:c-42", 1))).isFalse();
        assertThat(ledger.isDone(StepKey.of(acme, "welcome", 3, "event-7", "ContactId:c-43", 0))).isFalse();
    }

    @Test
    void keysOfSequentialIdsRarelyShareAHash() {
        // Event and entity ids from a sequence differ by one character: a plain 31-based hash
        // made thousands of these keys share a hash.
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        int keys = 0;
        for (int event = 0; event < 300; event++) {
            for (int contact = 0; contact < 100; contact++) {
                for (int step = 0; step < 3; step++) {
                    hashes.add(StepKey.of(acme, "title-" + (event % 50), 1, "b-" + (5000 + event),
                            "ContactId:b-" + (100 + contact), step).hashCode());
                    keys++;
                }
            }
        }
        assertThat(keys - hashes.size()).as("keys sharing a hash among %d", keys).isLessThan(10);
    }
}
