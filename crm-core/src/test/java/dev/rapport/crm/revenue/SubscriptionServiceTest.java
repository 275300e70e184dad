package dev.rapport.crm.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.SubscriptionCancelled;
import dev.rapport.crm.event.SubscriptionChanged;
import dev.rapport.crm.event.SubscriptionRenewed;
import dev.rapport.crm.event.SubscriptionStarted;
import dev.rapport.crm.event.SubscriptionUpdated;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.field.FieldDefinition;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionServiceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-15T10:00:00Z"));
    private final Crm crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential("t")).build();
    private final List<CrmEvent> events = new ArrayList<>();
    private SubscriptionService subs;
    private Account acme;

    @BeforeEach
    void setUp() {
        subs = crm.subscriptions();
        acme = crm.accounts().create(NewAccount.named("Acme"));
        crm.events().subscribe(events::add);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private Subscription startPro() {
        return subs.start(NewSubscription.of(acme.id(), "Pro", eur("100.00")));
    }

    private void assertNothingChanged(Subscription before) {
        assertThat(subs.get(before.id())).isEqualTo(before);
        assertThat(events).isEmpty();
    }

    private void assertRefused(Runnable command, String field) {
        assertThatThrownBy(command::run).isInstanceOf(CrmValidationException.class)
                .extracting(e -> ((CrmValidationException) e).field()).isEqualTo(field);
    }

    @Test
    void startingStoresAnActiveSubscriptionWithANewEntryAndEmitsStarted() {
        Subscription sub = startPro();

        assertThat(sub.version()).isEqualTo(1);
        assertThat(sub.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(sub.startDate()).isEqualTo(TODAY);
        assertThat(sub.renewalDate()).isEqualTo(TODAY.plusMonths(1));
        assertThat(sub.currentMrr()).isEqualTo(eur("100.00"));
        assertThat(sub.history()).containsExactly(
                new SubscriptionChange(TODAY, SubscriptionChangeKind.NEW, eur("0"), eur("100.00")));
        assertThat(subs.get(sub.id())).isEqualTo(sub);
        assertThat(events).singleElement().isInstanceOfSatisfying(SubscriptionStarted.class, e -> {
            assertThat(e.subscriptionId()).isEqualTo(sub.id());
            assertThat(e.accountId()).isEqualTo(acme.id());
            assertThat(e.mrr()).isEqualTo(eur("100.00"));
        });
    }

    @Test
    void renewalDefaultsToOneBillingPeriodAfterTheStart() {
        Subscription sub = subs.start(NewSubscription.of(acme.id(), "Pro", eur("100.00"))
                .billing(BillingPeriod.QUARTERLY).startingOn(LocalDate.of(2026, 1, 31)));

        assertThat(sub.renewalDate()).isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void anExplicitRenewalDateIsKept() {
        Subscription sub = subs.start(NewSubscription.of(acme.id(), "Pro", eur("100.00"))
                .startingOn(LocalDate.of(2026, 1, 1)).renewingOn(LocalDate.of(2027, 1, 1)));

        assertThat(sub.renewalDate()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void aRenewalDateBeforeTheStartIsRefused() {
        assertRefused(() -> NewSubscription.of(acme.id(), "Pro", eur("1.00"))
                .startingOn(LocalDate.of(2026, 5, 1)).renewingOn(LocalDate.of(2026, 4, 1)), "renewalDate");
        assertRefused(() -> subs.start(NewSubscription.of(acme.id(), "Pro", eur("1.00"))
                .renewingOn(TODAY.minusDays(1))), "renewalDate");
        assertThat(subs.count()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void startingForAnAccountThatDoesNotExistIsRefusedAndStoresNothing() {
        assertRefused(() -> subs.start(NewSubscription.of(dev.rapport.crm.party.AccountId.of("nope"), "Pro",
                eur("1.00"))), "accountId");
        assertThat(subs.count()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void startingWithAContactThatDoesNotExistIsRefused() {
        assertRefused(() -> subs.start(NewSubscription.of(acme.id(), "Pro", eur("1.00"))
                .contact(ContactId.of("nope"))), "contactId");
        assertThat(subs.count()).isZero();
    }

    @Test
    void aContactThatExistsIsLinked() {
        ContactId ada = crm.contacts().create(NewContact.named("Ada", "Lovelace")).id();
        Subscription sub = subs.start(NewSubscription.of(acme.id(), "Pro", eur("1.00")).contact(ada));

        assertThat(sub.contactId()).isEqualTo(ada);
    }

    @Test
    void aNegativeMrrIsRefused() {
        assertRefused(() -> NewSubscription.of(acme.id(), "Pro", eur("-1.00")), "mrr");
    }

    @Test
    void aBlankPlanIsRefused() {
        assertRefused(() -> NewSubscription.of(acme.id(), " ", eur("1.00")), "plan");
    }

    @Test
    void aContractValueInAnotherCurrencyIsRefused() {
        assertThatThrownBy(() -> NewSubscription.of(acme.id(), "Pro", eur("1.00"))
                .contractValue(Money.of("12.00", "USD"))).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void startingInATrialBringsNoRevenueUntilActivated() {
        Subscription trial = subs.start(NewSubscription.of(acme.id(), "Pro", eur("100.00")).inTrial());
        assertThat(trial.status()).isEqualTo(SubscriptionStatus.TRIAL);
        assertThat(trial.currentMrr()).isEqualTo(eur("0.00"));
        assertThat(trial.history()).extracting(SubscriptionChange::kind).containsExactly(SubscriptionChangeKind.TRIAL);

        Subscription active = subs.activate(trial.id(), TODAY.plusDays(14));

        assertThat(active.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(active.lastChange()).isEqualTo(
                new SubscriptionChange(TODAY.plusDays(14), SubscriptionChangeKind.NEW, eur("0"), eur("100.00")));
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(SubscriptionChanged.class, e -> {
            assertThat(e.kind()).isEqualTo(SubscriptionChangeKind.NEW);
            assertThat(e.previousMrr()).isEqualTo(eur("0"));
            assertThat(e.mrr()).isEqualTo(eur("100.00"));
            assertThat(e.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        });
    }

    @Test
    void activatingASubscriptionThatIsNotInATrialIsRefused() {
        Subscription sub = startPro();
        events.clear();

        assertRefused(() -> subs.activate(sub.id()), "status");
        assertNothingChanged(sub);
    }

    @Test
    void aHigherMrrIsAnExpansionAndALowerOneAContraction() {
        Subscription sub = startPro();
        events.clear();

        Subscription up = subs.changeMrr(sub.id(), eur("150.00"));
        Subscription down = subs.changePlan(sub.id(), "Basic", eur("80.00"));

        assertThat(up.lastChange()).isEqualTo(
                new SubscriptionChange(TODAY, SubscriptionChangeKind.EXPANSION, eur("100.00"), eur("150.00")));
        assertThat(down.lastChange()).isEqualTo(
                new SubscriptionChange(TODAY, SubscriptionChangeKind.CONTRACTION, eur("150.00"), eur("80.00")));
        assertThat(down.plan()).isEqualTo("Basic");
        assertThat(down.version()).isEqualTo(3);
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(SubscriptionChanged.class));
        assertThat(((SubscriptionChanged) events.get(1)).kind()).isEqualTo(SubscriptionChangeKind.CONTRACTION);
    }

    @Test
    void anUnchangedPlanAndMrrChangesNothing() {
        Subscription sub = startPro();
        events.clear();

        Subscription same = subs.changePlan(sub.id(), "Pro", eur("100.00"));

        assertThat(same).isEqualTo(sub);
        assertThat(events).isEmpty();
    }

    @Test
    void anMrrInAnotherCurrencyIsRefusedAndChangesNothing() {
        Subscription sub = startPro();
        events.clear();

        assertThatThrownBy(() -> subs.changeMrr(sub.id(), Money.of("100.00", "USD")))
                .isInstanceOf(CurrencyMismatchException.class);
        assertNothingChanged(sub);
    }

    @Test
    void aNegativeMrrChangeIsRefused() {
        Subscription sub = startPro();
        events.clear();

        assertRefused(() -> subs.changeMrr(sub.id(), eur("-5.00")), "mrr");
        assertNothingChanged(sub);
    }

    @Test
    void anEffectiveDateBeforeTheLastChangeIsRefused() {
        Subscription sub = startPro();
        events.clear();

        assertRefused(() -> subs.changeMrr(sub.id(), eur("120.00"), TODAY.minusDays(1)), "effectiveDate");
        assertNothingChanged(sub);
    }

    @Test
    void pausingDropsTheRevenueToZeroAndResumingBringsItBack() {
        Subscription sub = startPro();

        Subscription paused = subs.pause(sub.id(), TODAY.plusDays(3));
        assertThat(paused.status()).isEqualTo(SubscriptionStatus.PAUSED);
        assertThat(paused.currentMrr()).isEqualTo(eur("0"));
        assertThat(paused.mrr()).isEqualTo(eur("100.00"));
        assertThat(paused.lastChange()).isEqualTo(
                new SubscriptionChange(TODAY.plusDays(3), SubscriptionChangeKind.PAUSE, eur("100.00"), eur("0")));

        Subscription resumed = subs.resume(sub.id(), TODAY.plusDays(10));
        assertThat(resumed.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(resumed.lastChange()).isEqualTo(
                new SubscriptionChange(TODAY.plusDays(10), SubscriptionChangeKind.RESUME, eur("0"), eur("100.00")));
    }

    @Test
    void aPriceChangeWhilePausedRecordsNoMovementButIsRestoredOnResume() {
        Subscription sub = startPro();
        subs.pause(sub.id());

        Subscription repriced = subs.changeMrr(sub.id(), eur("120.00"));
        assertThat(repriced.history()).hasSize(2);
        assertThat(((SubscriptionChanged) events.get(events.size() - 1)).kind()).isNull();

        Subscription resumed = subs.resume(sub.id());
        assertThat(resumed.lastChange()).isEqualTo(
                new SubscriptionChange(TODAY, SubscriptionChangeKind.RESUME, eur("0"), eur("120.00")));
    }

    @Test
    void resumingASubscriptionThatIsNotPausedIsRefused() {
        Subscription sub = startPro();
        events.clear();

        assertRefused(() -> subs.resume(sub.id()), "status");
        assertNothingChanged(sub);
    }

    @Test
    void cancellingRecordsChurnOnTheEffectiveDateAndEmitsCancelled() {
        Subscription sub = startPro();
        events.clear();
        LocalDate endOfTerm = TODAY.plusMonths(1);

        Subscription cancelled = subs.cancel(sub.id(), "moved to a competitor", endOfTerm);

        assertThat(cancelled.status()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(cancelled.endDate()).isEqualTo(endOfTerm);
        assertThat(cancelled.cancellationReason()).isEqualTo("moved to a competitor");
        assertThat(cancelled.currentMrr()).isEqualTo(eur("0"));
        assertThat(cancelled.lastChange()).isEqualTo(
                new SubscriptionChange(endOfTerm, SubscriptionChangeKind.CHURN, eur("100.00"), eur("0")));
        assertThat(events).singleElement().isInstanceOfSatisfying(SubscriptionCancelled.class, e -> {
            assertThat(e.reason()).isEqualTo("moved to a competitor");
            assertThat(e.endDate()).isEqualTo(endOfTerm);
        });
    }

    @Test
    void cancellingWithoutAReasonIsRefused() {
        Subscription sub = startPro();
        events.clear();

        assertRefused(() -> subs.cancel(sub.id(), " "), "reason");
        assertNothingChanged(sub);
    }

    @Test
    void cancellingTwiceIsRefused() {
        Subscription sub = startPro();
        Subscription cancelled = subs.cancel(sub.id(), "budget");
        events.clear();

        assertRefused(() -> subs.cancel(sub.id(), "again"), "status");
        assertNothingChanged(cancelled);
    }

    @Test
    void anEndedSubscriptionCannotBePausedOrChangeItsPlan() {
        Subscription sub = startPro();
        Subscription cancelled = subs.cancel(sub.id(), "budget");
        events.clear();

        assertRefused(() -> subs.pause(sub.id()), "status");
        assertRefused(() -> subs.changeMrr(sub.id(), eur("1.00")), "status");
        assertRefused(() -> subs.changeMrr(sub.id(), eur("100.00")), "status");
        assertRefused(() -> subs.renew(sub.id()), "status");
        assertNothingChanged(cancelled);
    }

    @Test
    void cancellingATrialEndsItWithoutChurn() {
        Subscription trial = subs.start(NewSubscription.of(acme.id(), "Pro", eur("100.00")).inTrial());

        Subscription cancelled = subs.cancel(trial.id(), "not convinced");

        assertThat(cancelled.lastChange().kind()).isEqualTo(SubscriptionChangeKind.TRIAL_ENDED);
        assertThat(cancelled.lastChange().delta()).isEqualTo(eur("0"));
    }

    @Test
    void reactivatingACancelledSubscriptionRecordsAReactivationAndANewTerm() {
        Subscription sub = startPro();
        subs.cancel(sub.id(), "budget", TODAY.plusDays(5));
        events.clear();
        LocalDate back = TODAY.plusMonths(2);

        Subscription reactivated = subs.reactivate(sub.id(), back);

        assertThat(reactivated.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(reactivated.endDate()).isNull();
        assertThat(reactivated.cancellationReason()).isNull();
        assertThat(reactivated.renewalDate()).isEqualTo(back.plusMonths(1));
        assertThat(reactivated.lastChange()).isEqualTo(
                new SubscriptionChange(back, SubscriptionChangeKind.REACTIVATION, eur("0"), eur("100.00")));
        assertThat(events).singleElement().isInstanceOfSatisfying(SubscriptionChanged.class,
                e -> assertThat(e.kind()).isEqualTo(SubscriptionChangeKind.REACTIVATION));
    }

    @Test
    void reactivatingATrialThatNeverBilledIsNewRevenue() {
        Subscription trial = subs.start(NewSubscription.of(acme.id(), "Pro", eur("100.00")).inTrial());
        subs.expire(trial.id());

        Subscription back = subs.reactivate(trial.id());

        assertThat(back.lastChange().kind()).isEqualTo(SubscriptionChangeKind.NEW);
    }

    @Test
    void reactivatingASubscriptionThatHasNotEndedIsRefused() {
        Subscription sub = startPro();
        events.clear();

        assertRefused(() -> subs.reactivate(sub.id()), "status");
        assertNothingChanged(sub);
    }

    @Test
    void expiringAnActiveSubscriptionIsChurnWithoutAReason() {
        Subscription sub = startPro();

        Subscription expired = subs.expire(sub.id(), sub.renewalDate());

        assertThat(expired.status()).isEqualTo(SubscriptionStatus.EXPIRED);
        assertThat(expired.endDate()).isEqualTo(sub.renewalDate());
        assertThat(expired.cancellationReason()).isNull();
        assertThat(expired.lastChange().kind()).isEqualTo(SubscriptionChangeKind.CHURN);
    }

    @Test
    void cancellingAPausedSubscriptionIsChurnWithoutFurtherRevenueLoss() {
        Subscription sub = startPro();
        subs.pause(sub.id());

        Subscription cancelled = subs.cancel(sub.id(), "budget");

        assertThat(cancelled.lastChange()).isEqualTo(
                new SubscriptionChange(TODAY, SubscriptionChangeKind.CHURN, eur("0"), eur("0")));
    }

    @Test
    void renewingMovesTheRenewalDateByOneBillingPeriod() {
        Subscription sub = subs.start(NewSubscription.of(acme.id(), "Pro", eur("100.00"))
                .billing(BillingPeriod.ANNUAL).startingOn(LocalDate.of(2025, 4, 1)));
        events.clear();

        Subscription renewed = subs.renew(sub.id());

        assertThat(renewed.renewalDate()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(renewed.lastChange()).isEqualTo(
                new SubscriptionChange(TODAY, SubscriptionChangeKind.RENEWAL, eur("100.00"), eur("100.00")));
        assertThat(events).singleElement().isInstanceOfSatisfying(SubscriptionRenewed.class,
                e -> assertThat(e.renewalDate()).isEqualTo(LocalDate.of(2027, 4, 1)));
    }

    @Test
    void renewingToAGivenDateKeepsTheMrr() {
        Subscription sub = startPro();

        Subscription renewed = subs.renew(sub.id(), LocalDate.of(2029, 1, 1));

        assertThat(renewed.renewalDate()).isEqualTo(LocalDate.of(2029, 1, 1));
        assertThat(renewed.currentMrr()).isEqualTo(eur("100.00"));
    }

    @Test
    void renewingToADateNotAfterTheCurrentRenewalIsRefused() {
        Subscription sub = startPro();
        events.clear();

        assertRefused(() -> subs.renew(sub.id(), sub.renewalDate()), "renewalDate");
        assertNothingChanged(sub);
    }

    @Test
    void commandsOnAnUnknownSubscriptionAreNotFound() {
        SubscriptionId unknown = SubscriptionId.of("nope");
        assertThatThrownBy(() -> subs.get(unknown)).isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> subs.pause(unknown)).isInstanceOf(CrmNotFoundException.class);
        assertThat(subs.find(unknown)).isEmpty();
    }

    @Test
    void updateStoresDescriptiveFieldsAndEmitsTheChangedNames() {
        Subscription sub = startPro();
        events.clear();

        Subscription updated = subs.update(sub.withContractValue(eur("1200.00")));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.contractValue()).isEqualTo(eur("1200.00"));
        assertThat(events).singleElement().isInstanceOfSatisfying(SubscriptionUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("contractValue"));
    }

    @Test
    void updateOfRevenueOrStatusIsRefused() {
        Subscription sub = startPro();
        events.clear();
        Subscription paused = sub.moveTo(SubscriptionStatus.PAUSED, TODAY, null);

        assertThatThrownBy(() -> subs.update(paused)).isInstanceOf(CrmValidationException.class)
                .extracting(e -> ((CrmValidationException) e).field()).isIn("history", "status");
        assertNothingChanged(sub);
    }

    @Test
    void aStaleUpdateIsAConflict() {
        Subscription sub = startPro();
        subs.changeMrr(sub.id(), eur("110.00"));
        events.clear();

        assertThatThrownBy(() -> subs.update(sub.withContractValue(eur("5.00"))))
                .isInstanceOf(CrmConflictException.class);
        assertThat(events).isEmpty();
    }

    @Test
    void customFieldsOfSubscriptionsAreChecked() {
        crm.customFields().define(EntityType.SUBSCRIPTION, FieldDefinition.of("seats", FieldType.NUMBER).range(1, 100));

        assertRefused(() -> subs.start(NewSubscription.of(acme.id(), "Pro", eur("1.00"))
                .field("seats", FieldValue.text("many"))), "customFields.seats");
        Subscription sub = subs.start(NewSubscription.of(acme.id(), "Pro", eur("1.00"))
                .field("seats", FieldValue.number(5)));
        events.clear();
        assertRefused(() -> subs.update(sub.withCustomFields(sub.customFields().with("seats", FieldValue.number(500)))),
                "customFields.seats");
        assertNothingChanged(sub);
    }

    @Test
    void subscriptionsAreFoundByAccount() {
        Account other = crm.accounts().create(NewAccount.named("Other"));
        Subscription a = startPro();
        Subscription b = subs.start(NewSubscription.of(acme.id(), "Add-on", eur("10.00")));
        subs.start(NewSubscription.of(other.id(), "Pro", eur("100.00")));

        assertThat(subs.findByAccount(acme.id())).containsExactly(a, b);
    }

    @Test
    void activeListsOnlyActiveSubscriptionsAndFollowsStatusChanges() {
        Subscription a = startPro();
        Subscription b = startPro();
        subs.start(NewSubscription.of(acme.id(), "Pro", eur("1.00")).inTrial());

        subs.pause(b.id());

        assertThat(subs.active()).extracting(Subscription::id).containsExactly(a.id());
        assertThat(subs.findByStatus(SubscriptionStatus.PAUSED)).extracting(Subscription::id).containsExactly(b.id());
    }

    @Test
    void renewalsDueListsOpenSubscriptionsRenewingInTheRangeInDateOrder() {
        Subscription april = subs.start(NewSubscription.of(acme.id(), "A", eur("1.00"))
                .renewingOn(LocalDate.of(2026, 4, 30)));
        Subscription mayFirst = subs.start(NewSubscription.of(acme.id(), "B", eur("1.00"))
                .renewingOn(LocalDate.of(2026, 5, 1)));
        Subscription june = subs.start(NewSubscription.of(acme.id(), "C", eur("1.00"))
                .renewingOn(LocalDate.of(2026, 6, 10)));
        subs.start(NewSubscription.of(acme.id(), "D", eur("1.00")).renewingOn(LocalDate.of(2026, 6, 11)));
        Subscription cancelled = subs.start(NewSubscription.of(acme.id(), "E", eur("1.00"))
                .renewingOn(LocalDate.of(2026, 5, 2)));
        subs.cancel(cancelled.id(), "budget");
        Subscription earlier = subs.start(NewSubscription.of(acme.id(), "F", eur("1.00"))
                .renewingOn(LocalDate.of(2026, 4, 29)));

        assertThat(subs.renewalsDue(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 6, 10)))
                .extracting(Subscription::id).containsExactly(april.id(), mayFirst.id(), june.id());
        assertThat(subs.renewalsDue(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 29)))
                .extracting(Subscription::id).containsExactly(earlier.id());
    }

    @Test
    void aRenewedSubscriptionMovesToItsNewRenewalMonth() {
        Subscription sub = startPro();
        subs.renew(sub.id());

        assertThat(subs.renewalsDue(sub.renewalDate(), sub.renewalDate())).isEmpty();
        assertThat(subs.renewalsDue(sub.renewalDate().plusMonths(1), sub.renewalDate().plusMonths(1)))
                .extracting(Subscription::id).containsExactly(sub.id());
    }

    @Test
    void anInvertedRenewalRangeIsRefused() {
        assertRefused(() -> subs.renewalsDue(TODAY, TODAY.minusDays(1)), "to");
    }

    @Test
    void commandsWithoutADateUseTheDayOfTheClock() {
        Subscription sub = startPro();
        clock.advance(Duration.ofDays(40));

        Subscription paused = subs.pause(sub.id());

        assertThat(paused.lastChange().date()).isEqualTo(TODAY.plusDays(40));
    }

    @Test
    void subscriptionsOfOneTenantAreInvisibleToAnother() {
        Crm a = crm.forTenant(TenantId.of("a"));
        Crm b = crm.forTenant(TenantId.of("b"));
        Account account = a.accounts().create(NewAccount.named("Acme"));
        Subscription sub = a.subscriptions().start(NewSubscription.of(account.id(), "Pro", eur("1.00")));

        assertThat(b.subscriptions().find(sub.id())).isEmpty();
        assertThat(b.subscriptions().findByAccount(account.id())).isEmpty();
        assertThat(b.subscriptions().active()).isEmpty();
        assertThat(b.subscriptions().renewalsDue(sub.renewalDate(), sub.renewalDate())).isEmpty();
        assertThat(b.subscriptions().list(PageRequest.first(10)).items()).isEmpty();
        assertThat(b.subscriptions().count()).isZero();
        assertThatThrownBy(() -> b.subscriptions().pause(sub.id())).isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> b.subscriptions().start(NewSubscription.of(account.id(), "Pro", eur("1.00"))))
                .isInstanceOf(CrmValidationException.class);
        assertThat(a.subscriptions().active()).containsExactly(sub);
    }
}
