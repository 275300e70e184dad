package dev.rapport.crm.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import dev.rapport.crm.spi.IdGenerator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever sequence of commands a subscription goes through, its history adds up exactly: the
 * start MRR plus the sum of the signed changes after it is the current MRR, and each entry starts
 * where the one before ended. Refused commands change nothing and emit nothing.
 */
class SubscriptionHistoryProperties {
    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    enum Op { CHANGE_MRR, CHANGE_PLAN, PAUSE, RESUME, CANCEL, EXPIRE, REACTIVATE, RENEW, ACTIVATE }

    record Step(Op op, BigDecimal amount, int daysLater) {
        static Step ofPair(Op op, BigDecimal amount) {
            return new Step(op, amount, 0);
        }

        @Override
        public String toString() {
            return op + "(" + amount + ", +" + daysLater + "d)";
        }
    }

    private static final Gen<Step> STEPS = Gen.zip(
            Gen.zip(Gen.enums(Op.class), Gen.bigDecimals(BigDecimal.ZERO, new BigDecimal("500"), 2), Step::ofPair),
            Gen.integers(0, 20), (s, days) -> new Step(s.op(), s.amount(), days));

    @Test
    void theStartMrrPlusAllSignedChangesIsTheCurrentMrr() {
        PropertyCheck.forAll(Gen.booleans(), Gen.bigDecimals(BigDecimal.ZERO, new BigDecimal("500"), 2),
                Gen.lists(STEPS, 0, 40))
                .tries(300)
                .check((trial, startMrr, steps) -> run(trial, startMrr, steps));
    }

    private static void run(boolean trial, BigDecimal startMrr, List<Step> steps) {
        Crm crm = Crm.builder().clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .idGenerator(IdGenerator.sequential("p")).build();
        Account account = crm.accounts().create(NewAccount.named("Acme"));
        SubscriptionService subs = crm.subscriptions();
        NewSubscription command = NewSubscription.of(account.id(), "Plan", Money.of(startMrr, "EUR")).startingOn(START);
        Subscription sub = subs.start(trial ? command.inTrial() : command);
        List<CrmEvent> events = new ArrayList<>();
        crm.events().subscribe(events::add);
        LocalDate day = START;
        for (Step step : steps) {
            day = day.plusDays(step.daysLater());
            Subscription before = subs.get(sub.id());
            int eventsBefore = events.size();
            boolean allowed = allowed(before.status(), step.op());
            try {
                apply(subs, sub.id(), step, day);
                assertThat(allowed).as("%s from %s succeeded", step, before.status()).isTrue();
                boolean changed = !subs.get(sub.id()).equals(before);
                assertThat(events).as("one event per stored change").hasSize(eventsBefore + (changed ? 1 : 0));
            } catch (CrmValidationException refused) {
                assertThat(allowed).as("%s from %s was refused: %s", step, before.status(), refused.getMessage())
                        .isFalse();
                assertThat(subs.get(sub.id())).isEqualTo(before);
                assertThat(events).hasSize(eventsBefore);
            }
            check(subs.get(sub.id()));
        }
    }

    /** The model: which commands the status allows (dates never go backwards in these runs). */
    private static boolean allowed(SubscriptionStatus status, Op op) {
        return switch (op) {
            case CHANGE_MRR, CHANGE_PLAN, CANCEL, EXPIRE -> !status.isEnded();
            case PAUSE -> status == SubscriptionStatus.ACTIVE;
            case RESUME -> status == SubscriptionStatus.PAUSED;
            case REACTIVATE -> status.isEnded();
            case RENEW -> status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.PAUSED;
            case ACTIVATE -> status == SubscriptionStatus.TRIAL;
        };
    }

    private static void apply(SubscriptionService subs, SubscriptionId id, Step step, LocalDate day) {
        Money amount = Money.of(step.amount(), "EUR");
        switch (step.op()) {
            case CHANGE_MRR -> subs.changeMrr(id, amount, day);
            case CHANGE_PLAN -> subs.changePlan(id, "Plan " + step.amount(), amount, day);
            case PAUSE -> subs.pause(id, day);
            case RESUME -> subs.resume(id, day);
            case CANCEL -> subs.cancel(id, "reason", day);
            case EXPIRE -> subs.expire(id, day);
            case REACTIVATE -> subs.reactivate(id, day);
            case RENEW -> subs.renew(id);
            case ACTIVATE -> subs.activate(id, day);
        }
    }

    private static void check(Subscription sub) {
        List<SubscriptionChange> history = sub.history();
        SubscriptionChange first = history.get(0);
        Money sum = first.newMrr();
        for (SubscriptionChange change : history.subList(1, history.size())) {
            sum = sum.plus(change.delta());
        }
        assertThat(first.previousMrr().isZero()).isTrue();
        assertThat(sum).isEqualTo(sub.currentMrr());
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).previousMrr()).isEqualTo(history.get(i - 1).newMrr());
            assertThat(history.get(i).date()).isAfterOrEqualTo(history.get(i - 1).date());
        }
        assertThat(sub.currentMrr()).isEqualTo(sub.status() == SubscriptionStatus.ACTIVE
                ? sub.mrr() : Money.zero("EUR"));
    }
}
