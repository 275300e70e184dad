package dev.rapport.crm.revenue;

import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.event.SubscriptionCancelled;
import dev.rapport.crm.event.SubscriptionChanged;
import dev.rapport.crm.event.SubscriptionRenewed;
import dev.rapport.crm.event.SubscriptionStarted;
import dev.rapport.crm.event.SubscriptionUpdated;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.CustomFieldValidation;
import dev.rapport.crm.internal.Diff;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Subscriptions and contracts of one tenant: start, change of plan or MRR, renewal, pause and
 * resume, cancellation, expiry and reactivation, with look-ups by account, by status and by
 * renewal date. Every change of revenue or status is recorded in the subscription's
 * {@link Subscription#history() history}, from which metrics compute MRR movements.
 *
 * <p>Commands without an effective date take effect on the day of the command (the CRM's clock,
 * in UTC). An effective date may lie in the past or the future, but never before the
 * subscription's last recorded change, so the history stays in date order.
 *
 * <pre>{@code
 * Subscription sub = crm.subscriptions().start(NewSubscription.of(acme.id(), "Pro", Money.of("490.00", "EUR")));
 * crm.subscriptions().changePlan(sub.id(), "Enterprise", Money.of("1490.00", "EUR"));   // EXPANSION
 * crm.subscriptions().cancel(sub.id(), "moved to a competitor", LocalDate.of(2026, 12, 31));
 * List<Subscription> due = crm.subscriptions().renewalsDue(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));
 * }</pre>
 */
public final class SubscriptionService {
    private static final Set<String> EDITABLE = Set.of("contactId", "plan", "contractValue", "customFields");

    private final ServiceContext context;

    /**
     * Creates the service. Hosts get it from {@code crm.subscriptions()}.
     *
     * @param context the service context
     */
    public SubscriptionService(ServiceContext context) {
        this.context = context;
    }

    /**
     * Starts a subscription: ACTIVE with a NEW entry, or in a TRIAL with a TRIAL entry.
     *
     * @param command what to start
     * @return the stored subscription, at version 1
     * @throws CrmValidationException naming {@code accountId} or {@code contactId} if it does not
     *     exist, {@code renewalDate} if it would be before the start, or {@code customFields.<key>}
     */
    public Subscription start(NewSubscription command) {
        Checks.notNull(command, "command");
        return context.write(uow -> {
            if (uow.tx().accounts().find(command.accountId()).isEmpty()) {
                throw new CrmValidationException("accountId", "names an account that does not exist");
            }
            requireContact(uow, command.contactId());
            CustomFieldValidation.check(uow, EntityType.SUBSCRIPTION, command.customFields());
            LocalDate start = command.startDate() != null ? command.startDate() : today(uow);
            LocalDate renewal = command.renewalDate() != null ? command.renewalDate()
                    : command.billingPeriod().after(start);
            if (renewal.isBefore(start)) {
                throw new CrmValidationException("renewalDate", "must not be before startDate");
            }
            Money zero = Money.zero(command.mrr().currency());
            SubscriptionChange first = command.trial()
                    ? new SubscriptionChange(start, SubscriptionChangeKind.TRIAL, zero, zero)
                    : new SubscriptionChange(start, SubscriptionChangeKind.NEW, zero, command.mrr());
            Subscription sub = new Subscription(SubscriptionId.of(uow.newId("subscription")), uow.tenant(), 1,
                    command.accountId(), command.contactId(), command.plan(), command.mrr(),
                    command.billingPeriod(), command.contractValue(), start, renewal, null,
                    command.trial() ? SubscriptionStatus.TRIAL : SubscriptionStatus.ACTIVE, null, List.of(first),
                    command.customFields(), uow.now(), uow.now());
            uow.tx().subscriptions().insert(sub);
            uow.emit(new SubscriptionStarted(uow.meta(), sub.id(), sub.accountId(), sub.currentMrr()));
            return sub;
        });
    }

    /**
     * Changes the plan and its MRR today (see {@link #changePlan(SubscriptionId, String, Money, LocalDate)}).
     *
     * @param id the subscription
     * @param plan the new plan's name
     * @param mrr the new plan's MRR
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it has ended
     * @throws CurrencyMismatchException if the MRR is in another currency
     */
    public Subscription changePlan(SubscriptionId id, String plan, Money mrr) {
        return changePlan(id, plan, mrr, null);
    }

    /**
     * Changes the plan and its MRR from a day on. While ACTIVE a higher MRR records an EXPANSION,
     * a lower one a CONTRACTION; in a trial or paused only the price changes (the revenue moves when
     * it converts or resumes). An unchanged plan and MRR changes nothing.
     *
     * @param id the subscription
     * @param plan the new plan's name
     * @param mrr the new plan's MRR, not negative
     * @param effective the day it takes effect, or null for today
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it has ended, {@code mrr} if negative,
     *     or {@code effectiveDate} if before its last change
     * @throws CurrencyMismatchException if the MRR is in another currency
     */
    public Subscription changePlan(SubscriptionId id, String plan, Money mrr, @Nullable LocalDate effective) {
        String name = Checks.maxLength(Checks.nonBlank(plan, "plan"), 200, "plan");
        Checks.notNull(mrr, "mrr");
        if (mrr.isNegative()) {
            throw new CrmValidationException("mrr", "must not be negative");
        }
        return context.write(uow -> {
            Subscription current = get(uow, id);
            if (current.plan().equals(name) && current.mrr().equals(mrr) && !current.status().isEnded()) {
                return current;
            }
            Subscription moved = current.withPlan(name, mrr, day(uow, effective));
            return store(uow, current, moved);
        });
    }

    /**
     * Changes the MRR of the current plan today.
     *
     * @param id the subscription
     * @param mrr the new MRR
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it has ended
     * @throws CurrencyMismatchException if the MRR is in another currency
     */
    public Subscription changeMrr(SubscriptionId id, Money mrr) {
        return changeMrr(id, mrr, null);
    }

    /**
     * Changes the MRR of the current plan from a day on (see
     * {@link #changePlan(SubscriptionId, String, Money, LocalDate)}).
     *
     * @param id the subscription
     * @param mrr the new MRR, not negative
     * @param effective the day it takes effect, or null for today
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it has ended, {@code mrr} if negative,
     *     or {@code effectiveDate} if before its last change
     * @throws CurrencyMismatchException if the MRR is in another currency
     */
    public Subscription changeMrr(SubscriptionId id, Money mrr, @Nullable LocalDate effective) {
        return context.write(uow -> changePlan(id, get(uow, id).plan(), mrr, effective));
    }

    /**
     * Converts a trial into a paying subscription (NEW) today.
     *
     * @param id the subscription
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it is not in a TRIAL
     */
    public Subscription activate(SubscriptionId id) {
        return activate(id, null);
    }

    /**
     * Pauses an active subscription today.
     *
     * @param id the subscription
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it is not ACTIVE
     */
    public Subscription pause(SubscriptionId id) {
        return pause(id, null);
    }

    /**
     * Resumes a paused subscription today.
     *
     * @param id the subscription
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it is not PAUSED
     */
    public Subscription resume(SubscriptionId id) {
        return resume(id, null);
    }

    /**
     * Marks a subscription as run out without renewal today.
     *
     * @param id the subscription
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it has already ended
     */
    public Subscription expire(SubscriptionId id) {
        return expire(id, null);
    }

    /**
     * Brings a cancelled or expired subscription back today.
     *
     * @param id the subscription
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it has not ended
     */
    public Subscription reactivate(SubscriptionId id) {
        return reactivate(id, null);
    }

    /**
     * Cancels a subscription today.
     *
     * @param id the subscription
     * @param reason why it is cancelled
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code reason} if blank, or {@code status} if it has
     *     already ended
     */
    public Subscription cancel(SubscriptionId id, String reason) {
        return cancel(id, reason, null);
    }

    /**
     * Converts a trial into a paying subscription (NEW), from a day on.
     *
     * @param id the subscription
     * @param effective the day, or null for today
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it is not in a TRIAL, or
     *     {@code effectiveDate} if before its last change
     */
    public Subscription activate(SubscriptionId id, @Nullable LocalDate effective) {
        return move(id, effective, SubscriptionStatus.TRIAL, SubscriptionStatus.ACTIVE);
    }

    /**
     * Pauses an active subscription (PAUSE: its revenue drops to zero, it is not churned), from a
     * day on.
     *
     * @param id the subscription
     * @param effective the day, or null for today
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it is not ACTIVE, or
     *     {@code effectiveDate} if before its last change
     */
    public Subscription pause(SubscriptionId id, @Nullable LocalDate effective) {
        return move(id, effective, SubscriptionStatus.ACTIVE, SubscriptionStatus.PAUSED);
    }

    /**
     * Resumes a paused subscription (RESUME: its revenue comes back), from a day on.
     *
     * @param id the subscription
     * @param effective the day, or null for today
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it is not PAUSED, or
     *     {@code effectiveDate} if before its last change
     */
    public Subscription resume(SubscriptionId id, @Nullable LocalDate effective) {
        return move(id, effective, SubscriptionStatus.PAUSED, SubscriptionStatus.ACTIVE);
    }

    /**
     * Marks a subscription as run out without renewal (CHURN, or TRIAL_ENDED for a trial), from a
     * day on; the day becomes its end date.
     *
     * @param id the subscription
     * @param effective the day, or null for today
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it has already ended, or
     *     {@code effectiveDate} if before its last change
     */
    public Subscription expire(SubscriptionId id, @Nullable LocalDate effective) {
        return move(id, effective, null, SubscriptionStatus.EXPIRED);
    }

    /**
     * Brings a cancelled or expired subscription back (REACTIVATION, or NEW if it never billed),
     * from a day on: it is ACTIVE again at its plan's MRR, without end date, and up for renewal one
     * billing period after the day.
     *
     * @param id the subscription
     * @param effective the day, or null for today
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it has not ended, or
     *     {@code effectiveDate} if before its last change
     */
    public Subscription reactivate(SubscriptionId id, @Nullable LocalDate effective) {
        return context.write(uow -> {
            Subscription current = get(uow, id);
            if (!current.status().isEnded()) {
                throw new CrmValidationException("status", "a " + current.status()
                        + " subscription cannot be reactivated");
            }
            return store(uow, current, current.moveTo(SubscriptionStatus.ACTIVE, day(uow, effective), null));
        });
    }

    /**
     * Cancels a subscription (CHURN, or TRIAL_ENDED for a trial) effective on a day, which becomes
     * its end date. The day may be in the future (cancelled at the end of the term): the
     * subscription is CANCELLED at once, and its history dates the churn on that day.
     *
     * @param id the subscription
     * @param reason why it is cancelled
     * @param effective the day it takes effect, or null for today
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code reason} if blank, {@code status} if it has already
     *     ended, or {@code effectiveDate} if before its last change
     */
    public Subscription cancel(SubscriptionId id, String reason, @Nullable LocalDate effective) {
        String why = Checks.maxLength(Checks.nonBlank(reason, "reason"), 500, "reason");
        return context.write(uow -> {
            Subscription current = get(uow, id);
            Subscription moved = current.moveTo(SubscriptionStatus.CANCELLED, day(uow, effective), why);
            Subscription next = moved.withVersion(current.version() + 1, uow.now());
            uow.tx().subscriptions().update(next);
            uow.emit(new SubscriptionCancelled(uow.meta(), next.id(), why, next.endDate()));
            return next;
        });
    }

    /**
     * Renews a subscription for one more billing period: its renewal date moves one period on.
     *
     * @param id the subscription
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it is not ACTIVE or PAUSED
     */
    public Subscription renew(SubscriptionId id) {
        return context.write(uow -> {
            Subscription current = get(uow, id);
            return renew(uow, current, current.billingPeriod().after(current.renewalDate()));
        });
    }

    /**
     * Renews a subscription until a given renewal date (e.g. a multi-year contract), recording a
     * RENEWAL today.
     *
     * @param id the subscription
     * @param renewalDate the next renewal date, after the current one
     * @return the stored subscription
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code status} if it is not ACTIVE or PAUSED, or
     *     {@code renewalDate} if the date is not after the current one
     */
    public Subscription renew(SubscriptionId id, LocalDate renewalDate) {
        Checks.notNull(renewalDate, "renewalDate");
        return context.write(uow -> renew(uow, get(uow, id), renewalDate));
    }

    private Subscription renew(UnitOfWork uow, Subscription current, LocalDate renewalDate) {
        LocalDate on = today(uow);
        if (on.isBefore(current.lastChange().date())) {
            on = current.lastChange().date();
        }
        Subscription moved = current.renewedUntil(renewalDate, on);
        Subscription next = moved.withVersion(current.version() + 1, uow.now());
        uow.tx().subscriptions().update(next);
        uow.emit(new SubscriptionRenewed(uow.meta(), next.id(), next.renewalDate()));
        return next;
    }

    /**
     * Stores changed descriptive fields of a subscription: its contact, plan name, contract value
     * and custom fields. Revenue, status and dates change only through the commands above. The
     * change must be based on the current version.
     *
     * @param edited the subscription with its changes, at the version it was read
     * @return the stored subscription, at the next version (or unchanged if nothing changed)
     * @throws CrmConflictException if it was changed since it was read
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming the field if another field was changed, the contact does
     *     not exist, or a custom field is invalid
     */
    public Subscription update(Subscription edited) {
        Checks.notNull(edited, "subscription");
        return context.write(uow -> {
            Subscription current = get(uow, edited.id());
            if (current.version() != edited.version()) {
                throw new CrmConflictException("Subscription", edited.id().value(), edited.version(),
                        current.version());
            }
            Set<String> changed = Diff.changed(current, edited, Diff.BOOKKEEPING);
            String refused = Diff.firstNotAllowed(changed, EDITABLE);
            if (refused != null) {
                throw new CrmValidationException(refused, "changes only through the subscription's commands");
            }
            if (changed.isEmpty()) {
                return current;
            }
            if (changed.contains("contactId")) {
                requireContact(uow, edited.contactId());
            }
            CustomFieldValidation.checkUpdate(uow, EntityType.SUBSCRIPTION, current.customFields(),
                    edited.customFields());
            Subscription next = new Subscription(current.id(), current.tenantId(), current.version() + 1,
                    current.accountId(), edited.contactId(), edited.plan(), current.mrr(), current.billingPeriod(),
                    edited.contractValue(), current.startDate(), current.renewalDate(), current.endDate(),
                    current.status(), current.cancellationReason(), current.history(), edited.customFields(),
                    current.createdAt(), uow.now());
            uow.tx().subscriptions().update(next);
            uow.emit(new SubscriptionUpdated(uow.meta(), next.id(), changed));
            return next;
        });
    }

    /**
     * A subscription by id.
     *
     * @param id the id
     * @return the subscription
     * @throws CrmNotFoundException if it does not exist in this tenant
     */
    public Subscription get(SubscriptionId id) {
        return find(id).orElseThrow(() -> new CrmNotFoundException("Subscription", id.value()));
    }

    /**
     * A subscription by id, if it exists.
     *
     * @param id the id
     * @return the subscription, or empty
     */
    public Optional<Subscription> find(SubscriptionId id) {
        Checks.notNull(id, "subscriptionId");
        return context.read(tx -> tx.subscriptions().find(id));
    }

    /**
     * The subscriptions of an account, whatever their status.
     *
     * @param accountId the account
     * @return the subscriptions, ordered by id
     */
    public List<Subscription> findByAccount(AccountId accountId) {
        Checks.notNull(accountId, "accountId");
        return context.read(tx -> tx.subscriptions().findByAccount(accountId));
    }

    /**
     * The subscriptions in a status.
     *
     * @param status the status
     * @return the subscriptions, ordered by id
     */
    public List<Subscription> findByStatus(SubscriptionStatus status) {
        Checks.notNull(status, "status");
        return context.read(tx -> tx.subscriptions().findByStatus(status));
    }

    /**
     * The ACTIVE subscriptions.
     *
     * @return the subscriptions, ordered by id
     */
    public List<Subscription> active() {
        return findByStatus(SubscriptionStatus.ACTIVE);
    }

    /**
     * The subscriptions up for renewal in a period: those that have not ended (TRIAL, ACTIVE or
     * PAUSED) with a renewal date from {@code from} to {@code to}, both included.
     *
     * @param from the first day
     * @param to the last day, not before the first
     * @return the subscriptions, ordered by renewal date, then id
     * @throws CrmValidationException naming {@code to} if it is before {@code from}
     */
    public List<Subscription> renewalsDue(LocalDate from, LocalDate to) {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        if (to.isBefore(from)) {
            throw new CrmValidationException("to", "must not be before from");
        }
        return context.read(tx -> tx.subscriptions().findRenewalsBetween(from, to));
    }

    /**
     * One page of all subscriptions, ordered by id.
     *
     * @param request the page
     * @return the page
     */
    public Page<Subscription> list(PageRequest request) {
        Checks.notNull(request, "request");
        return context.read(tx -> tx.subscriptions().list(request));
    }

    /**
     * How many subscriptions the tenant has.
     *
     * @return the count
     */
    public long count() {
        return context.read(tx -> tx.subscriptions().count());
    }

    private Subscription move(SubscriptionId id, @Nullable LocalDate effective, @Nullable SubscriptionStatus from,
            SubscriptionStatus to) {
        return context.write(uow -> {
            Subscription current = get(uow, id);
            if (from != null && current.status() != from) {
                throw new CrmValidationException("status", "must be " + from + " but is " + current.status());
            }
            return store(uow, current, current.moveTo(to, day(uow, effective), null));
        });
    }

    private static Subscription store(UnitOfWork uow, Subscription current, Subscription moved) {
        Subscription next = moved.withVersion(current.version() + 1, uow.now());
        uow.tx().subscriptions().update(next);
        SubscriptionChangeKind kind = next.history().size() > current.history().size()
                ? next.lastChange().kind() : null;
        uow.emit(new SubscriptionChanged(uow.meta(), next.id(), current.currentMrr(), next.currentMrr(), kind,
                next.status()));
        return next;
    }

    private static Subscription get(UnitOfWork uow, SubscriptionId id) {
        Checks.notNull(id, "subscriptionId");
        return uow.tx().subscriptions().find(id).orElseThrow(() -> new CrmNotFoundException("Subscription", id.value()));
    }

    private static void requireContact(UnitOfWork uow, @Nullable ContactId contact) {
        if (contact != null && uow.tx().contacts().find(contact).isEmpty()) {
            throw new CrmValidationException("contactId", "names a contact that does not exist");
        }
    }

    private static LocalDate today(UnitOfWork uow) {
        return LocalDate.ofInstant(uow.now(), ZoneOffset.UTC);
    }

    private static LocalDate day(UnitOfWork uow, @Nullable LocalDate effective) {
        return effective != null ? effective : today(uow);
    }
}
