package dev.rapport.crm.revenue;

import static dev.rapport.crm.revenue.SubscriptionStatus.ACTIVE;
import static dev.rapport.crm.revenue.SubscriptionStatus.CANCELLED;
import static dev.rapport.crm.revenue.SubscriptionStatus.EXPIRED;
import static dev.rapport.crm.revenue.SubscriptionStatus.PAUSED;
import static dev.rapport.crm.revenue.SubscriptionStatus.TRIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmValidationException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionStatusTest {

    private static Set<SubscriptionStatus> next(SubscriptionStatus from) {
        Set<SubscriptionStatus> allowed = EnumSet.noneOf(SubscriptionStatus.class);
        for (SubscriptionStatus to : SubscriptionStatus.values()) {
            if (from.canBecome(to)) {
                allowed.add(to);
            }
        }
        return allowed;
    }

    @Test
    void eachStatusAllowsExactlyItsDocumentedMoves() {
        assertThat(next(TRIAL)).containsExactlyInAnyOrder(ACTIVE, CANCELLED, EXPIRED);
        assertThat(next(ACTIVE)).containsExactlyInAnyOrder(PAUSED, CANCELLED, EXPIRED);
        assertThat(next(PAUSED)).containsExactlyInAnyOrder(ACTIVE, CANCELLED, EXPIRED);
        assertThat(next(CANCELLED)).containsExactly(ACTIVE);
        assertThat(next(EXPIRED)).containsExactly(ACTIVE);
    }

    @Test
    void nothingMovesBackIntoATrial() {
        for (SubscriptionStatus from : SubscriptionStatus.values()) {
            assertThat(from.canBecome(TRIAL)).isFalse();
        }
    }

    @Test
    void onlyCancelledAndExpiredHaveEnded() {
        assertThat(EnumSet.allOf(SubscriptionStatus.class).stream().filter(SubscriptionStatus::isEnded))
                .containsExactly(CANCELLED, EXPIRED);
    }

    @Test
    void aChangeWhoseAmountsDoNotFitItsKindIsRefused() {
        Money zero = Money.zero("EUR");
        Money ten = Money.of("10.00", "EUR");
        LocalDate day = LocalDate.of(2026, 1, 1);
        assertThatThrownBy(() -> new SubscriptionChange(day, SubscriptionChangeKind.EXPANSION, ten, ten))
                .isInstanceOf(CrmValidationException.class).hasMessageStartingWith("kind:");
        assertThatThrownBy(() -> new SubscriptionChange(day, SubscriptionChangeKind.CHURN, ten, ten))
                .isInstanceOf(CrmValidationException.class).hasMessageStartingWith("kind:");
        assertThatThrownBy(() -> new SubscriptionChange(day, SubscriptionChangeKind.NEW, ten, ten))
                .isInstanceOf(CrmValidationException.class).hasMessageStartingWith("kind:");
        assertThatThrownBy(() -> new SubscriptionChange(day, SubscriptionChangeKind.NEW, zero, Money.of("1", "USD")))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThat(new SubscriptionChange(day, SubscriptionChangeKind.CONTRACTION, ten, zero).delta())
                .isEqualTo(Money.of("-10.00", "EUR"));
    }
}
