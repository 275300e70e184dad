package dev.rapport.crm.revenue;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.time.LocalDate;

/**
 * One entry of a subscription's history: on a date, a change of a kind moved the recurring
 * revenue the subscription brings from one amount to another. The history is complete: its first
 * entry starts from zero, each entry starts where the one before ended, and the last ends at the
 * subscription's {@link Subscription#currentMrr() current MRR}, so MRR movements add up exactly.
 *
 * <pre>{@code
 * Money net = sub.history().stream().map(SubscriptionChange::delta)
 *         .reduce(Money.zero("EUR"), Money::plus);   // == sub.currentMrr()
 * }</pre>
 *
 * @param date the day the change took effect
 * @param kind what kind of change it was
 * @param previousMrr the MRR the subscription brought before
 * @param newMrr the MRR it brings after
 */
public record SubscriptionChange(LocalDate date, SubscriptionChangeKind kind, Money previousMrr, Money newMrr) {
    /**
     * Validates the change.
     *
     * @param date the day the change took effect
     * @param kind what kind of change it was
     * @param previousMrr the MRR the subscription brought before
     * @param newMrr the MRR it brings after
     * @throws CrmValidationException naming the part if one is missing or negative, or the amounts
     *     do not fit the kind (e.g. an EXPANSION that does not go up)
     * @throws CurrencyMismatchException if the amounts are of different currencies
     */
    public SubscriptionChange {
        Checks.notNull(date, "date");
        Checks.notNull(kind, "kind");
        Checks.notNull(previousMrr, "previousMrr");
        Checks.notNull(newMrr, "newMrr");
        int direction = newMrr.compareTo(previousMrr);
        if (previousMrr.isNegative() || newMrr.isNegative()) {
            throw new CrmValidationException("mrr", "must not be negative");
        }
        boolean fits = switch (kind) {
            case TRIAL, TRIAL_ENDED -> previousMrr.isZero() && newMrr.isZero();
            case NEW, REACTIVATION, RESUME -> previousMrr.isZero();
            case EXPANSION -> direction > 0;
            case CONTRACTION -> direction < 0;
            case CHURN, PAUSE -> newMrr.isZero();
            case RENEWAL -> direction == 0;
        };
        if (!fits) {
            throw new CrmValidationException("kind", "does not fit the change of MRR");
        }
    }

    /**
     * The signed movement: new minus previous MRR.
     *
     * @return the movement, negative for contraction, churn and pause
     */
    public Money delta() {
        return newMrr.minus(previousMrr);
    }
}
