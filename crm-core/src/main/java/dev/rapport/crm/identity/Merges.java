package dev.rapport.crm.identity;

import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.event.AccountUpdated;
import dev.rapport.crm.event.AccountsMerged;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.event.ContactsMerged;
import dev.rapport.crm.event.LifecycleChanged;
import dev.rapport.crm.event.OpportunityUpdated;
import dev.rapport.crm.event.SubscriptionUpdated;
import dev.rapport.crm.internal.Diff;
import dev.rapport.crm.internal.Owners;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoles;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.sales.Opportunity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The merge commands: the merged record, the removal of the loser, and the relinking of every
 * record that pointed to the loser, all in the caller's unit of work.
 */
final class Merges {
    private Merges() {
    }

    static MergeRecord contacts(UnitOfWork uow, ContactId survivorId, ContactId loserId,
            Survivorship<Contact> rules) {
        if (survivorId.equals(loserId)) {
            throw new CrmValidationException("loserId", "must differ from the survivor");
        }
        Contact survivor = contact(uow, survivorId);
        Contact loser = contact(uow, loserId);
        boolean loserIsNewer = loser.updatedAt().isAfter(survivor.updatedAt());

        Contact merged = rules.apply(survivor, loser, loserIsNewer);
        Set<EmailAddress> emails = new LinkedHashSet<>(survivor.emails());
        emails.addAll(loser.emails());
        merged = merged.withEmails(List.copyOf(emails))
                .withExternalIds(survivor.externalIds().plus(loser.externalIds()));
        boolean promoted = survivor.lifecycleStage().isBefore(loser.lifecycleStage())
                && survivor.lifecycleStage().canAdvanceTo(loser.lifecycleStage());
        if (promoted) {
            merged = merged.advanceLifecycle(loser.lifecycleStage(), uow.now(), uow.actor());
        }
        if (merged.ownerId() != null && !merged.ownerId().equals(survivor.ownerId())) {
            Owners.check(uow.context(), merged.ownerId(), "ownerId");
        }
        if (merged.accountId() != null && uow.tx().accounts().find(merged.accountId()).isEmpty()) {
            throw new CrmValidationException("accountId", "names an account that does not exist");
        }

        uow.tx().contacts().delete(loserId);
        Contact stored = merged.withVersion(survivor.version() + 1).withUpdatedAt(uow.now());
        uow.tx().contacts().update(stored);
        Set<String> changed = Diff.changed(survivor, stored, Diff.BOOKKEEPING);
        if (promoted) {
            uow.emit(new LifecycleChanged(uow.meta(), survivorId, survivor.lifecycleStage(), stored.lifecycleStage(),
                    false, null));
        }

        Set<EntityId> relinked = new LinkedHashSet<>();
        for (Account account : uow.tx().accounts().findByContactRole(loserId)) {
            Account next = account.withContactRoles(moveRole(account.contactRoles(), loserId, survivorId));
            uow.tx().accounts().update(next.withVersion(account.version() + 1).withUpdatedAt(uow.now()));
            uow.emit(new AccountUpdated(uow.meta(), account.id(), Set.of("contactRoles")));
            relinked.add(account.id());
        }
        for (Opportunity opportunity : uow.tx().opportunities().findByContact(loserId)) {
            Opportunity next = opportunity.withContactRoles(
                    moveRole(opportunity.contactRoles(), loserId, survivorId));
            uow.tx().opportunities().update(next.withVersion(opportunity.version() + 1).withUpdatedAt(uow.now()));
            uow.emit(new OpportunityUpdated(uow.meta(), opportunity.id(), Set.of("contactRoles")));
            relinked.add(opportunity.id());
        }
        for (Subscription subscription : uow.tx().subscriptions().findByContact(loserId)) {
            uow.tx().subscriptions().update(subscription.withContact(survivorId)
                    .withVersion(subscription.version() + 1, uow.now()));
            uow.emit(new SubscriptionUpdated(uow.meta(), subscription.id(), Set.of("contactId")));
            relinked.add(subscription.id());
        }
        EngagementRelinks.contact(uow, loserId, survivorId, relinked);
        ConsentRelinks.contact(uow, loserId, survivorId, relinked);

        MergeRecord record = new MergeRecord(MergeId.of(uow.newId("merge")), uow.tenant(), 1, survivorId, loserId,
                uow.now(), uow.actor(), changed, relinked);
        uow.tx().mergeRecords().insert(record);
        uow.emit(new ContactsMerged(uow.meta(), record.id(), survivorId, loserId, changed));
        return record;
    }

    static MergeRecord accounts(UnitOfWork uow, AccountId survivorId, AccountId loserId,
            Survivorship<Account> rules) {
        if (survivorId.equals(loserId)) {
            throw new CrmValidationException("loserId", "must differ from the survivor");
        }
        Account survivor = account(uow, survivorId);
        Account loser = account(uow, loserId);
        boolean loserIsNewer = loser.updatedAt().isAfter(survivor.updatedAt());

        // the two records' links to each other collapse: each sees the other's parent instead
        Account survivorView = loserId.equals(survivor.parentId()) ? survivor.withParent(loser.parentId()) : survivor;
        Account loserView = survivorId.equals(loser.parentId()) ? loser.withParent(survivor.parentId()) : loser;
        Account merged = rules.apply(survivorView, loserView, loserIsNewer);
        merged = merged.withExternalIds(survivor.externalIds().plus(loser.externalIds()))
                .withContactRoles(unionRoles(survivor.contactRoles(), loser.contactRoles()))
                .withParent(parent(uow, merged.parentId(), survivorView.parentId(), loserView.parentId(), survivorId,
                        loserId));
        if (merged.ownerId() != null && !merged.ownerId().equals(survivor.ownerId())) {
            Owners.check(uow.context(), merged.ownerId(), "ownerId");
        }

        uow.tx().accounts().delete(loserId);
        Account stored = merged.withVersion(survivor.version() + 1).withUpdatedAt(uow.now());
        uow.tx().accounts().update(stored);
        Set<String> changed = Diff.changed(survivor, stored, Diff.BOOKKEEPING);

        Set<EntityId> relinked = new LinkedHashSet<>();
        for (Contact contact : uow.tx().contacts().findByAccount(loserId)) {
            uow.tx().contacts().update(contact.withAccount(survivorId).withVersion(contact.version() + 1)
                    .withUpdatedAt(uow.now()));
            uow.emit(new ContactUpdated(uow.meta(), contact.id(), Set.of("accountId")));
            relinked.add(contact.id());
        }
        for (Account child : uow.tx().accounts().findChildren(loserId)) {
            uow.tx().accounts().update(child.withParent(survivorId).withVersion(child.version() + 1)
                    .withUpdatedAt(uow.now()));
            uow.emit(new AccountUpdated(uow.meta(), child.id(), Set.of("parentId")));
            relinked.add(child.id());
        }
        requireNoCycle(uow, stored);
        for (Opportunity opportunity : uow.tx().opportunities().findByAccount(loserId)) {
            uow.tx().opportunities().update(opportunity.withAccount(survivorId)
                    .withVersion(opportunity.version() + 1).withUpdatedAt(uow.now()));
            uow.emit(new OpportunityUpdated(uow.meta(), opportunity.id(), Set.of("accountId")));
            relinked.add(opportunity.id());
        }
        for (Subscription subscription : uow.tx().subscriptions().findByAccount(loserId)) {
            uow.tx().subscriptions().update(subscription.withAccount(survivorId)
                    .withVersion(subscription.version() + 1, uow.now()));
            uow.emit(new SubscriptionUpdated(uow.meta(), subscription.id(), Set.of("accountId")));
            relinked.add(subscription.id());
        }
        EngagementRelinks.account(uow, loserId, survivorId, relinked);

        MergeRecord record = new MergeRecord(MergeId.of(uow.newId("merge")), uow.tenant(), 1, survivorId, loserId,
                uow.now(), uow.actor(), changed, relinked);
        uow.tx().mergeRecords().insert(record);
        uow.emit(new AccountsMerged(uow.meta(), record.id(), survivorId, loserId, changed));
        return record;
    }

    private static Contact contact(UnitOfWork uow, ContactId id) {
        return uow.tx().contacts().find(id).orElseThrow(() -> new CrmNotFoundException("Contact", id.value()));
    }

    private static Account account(UnitOfWork uow, AccountId id) {
        return uow.tx().accounts().find(id).orElseThrow(() -> new CrmNotFoundException("Account", id.value()));
    }

    /** The loser's role given to the survivor, unless the survivor already has a role there. */
    static ContactRoles moveRole(ContactRoles roles, ContactId loserId, ContactId survivorId) {
        ContactRole moved = roles.roles().stream().filter(r -> r.contactId().equals(loserId)).findFirst()
                .orElse(null);
        ContactRoles without = roles.without(loserId);
        if (moved == null || without.contactIds().contains(survivorId)) {
            return without;
        }
        return without.with(new ContactRole(survivorId, moved.type(), moved.primary()));
    }

    /** The survivor's roles, then the loser's for other contacts (never a second primary). */
    private static ContactRoles unionRoles(ContactRoles keep, ContactRoles drop) {
        List<ContactRole> all = new ArrayList<>(keep.roles());
        Set<ContactId> present = new HashSet<>(keep.contactIds());
        boolean hasPrimary = keep.primary().isPresent();
        for (ContactRole role : drop.roles()) {
            if (present.add(role.contactId())) {
                all.add(role.primary() && hasPrimary ? ContactRole.of(role.contactId(), role.type()) : role);
            }
        }
        return new ContactRoles(all);
    }

    /**
     * The merged parent: the chosen one, unless it is the survivor, the loser or one of their
     * subsidiaries (which would make a cycle once the loser's subsidiaries move to the survivor);
     * then the survivor's parent, then the loser's, then none.
     */
    private static @Nullable AccountId parent(UnitOfWork uow, @Nullable AccountId chosen,
            @Nullable AccountId survivorParent, @Nullable AccountId loserParent, AccountId survivorId,
            AccountId loserId) {
        for (AccountId candidate : java.util.Arrays.asList(chosen, survivorParent, loserParent)) {
            if (candidate == null || !withinEither(uow, candidate, survivorId, loserId)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean withinEither(UnitOfWork uow, AccountId start, AccountId survivorId, AccountId loserId) {
        Set<AccountId> seen = new HashSet<>();
        AccountId cursor = start;
        while (cursor != null && seen.add(cursor)) {
            if (cursor.equals(survivorId) || cursor.equals(loserId)) {
                return true;
            }
            cursor = uow.tx().accounts().find(cursor).map(Account::parentId).orElse(null);
        }
        return false;
    }

    private static void requireNoCycle(UnitOfWork uow, Account survivor) {
        Set<AccountId> seen = new HashSet<>();
        AccountId cursor = survivor.parentId();
        while (cursor != null && seen.add(cursor)) {
            if (cursor.equals(survivor.id())) {
                throw new CrmValidationException("parentId", "would make the account its own ancestor");
            }
            cursor = uow.tx().accounts().find(cursor).map(Account::parentId).orElse(null);
        }
    }
}
