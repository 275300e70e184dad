package dev.rapport.crm.party;

import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.AccountCreated;
import dev.rapport.crm.event.AccountUpdated;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.CustomFieldValidation;
import dev.rapport.crm.internal.Diff;
import dev.rapport.crm.internal.Owners;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Accounts (companies) of one tenant: create, read, update, hierarchies and look-ups.
 *
 * <pre>{@code
 * Account group = crm.accounts().create(NewAccount.named("Acme Group"));
 * Account gmbh = crm.accounts().create(NewAccount.named("Acme GmbH").parent(group.id()));
 * crm.accounts().subsidiaries(group.id());   // [gmbh]
 * }</pre>
 */
public final class AccountService {
    private final ServiceContext context;

    /**
     * Creates the service. Hosts get it from {@code crm.accounts()}.
     *
     * @param context the service context
     */
    public AccountService(ServiceContext context) {
        this.context = context;
    }

    /**
     * Creates an account.
     *
     * @param command what to create
     * @return the stored account, at version 1
     * @throws CrmValidationException if the parent or owner does not exist
     */
    public Account create(NewAccount command) {
        Checks.notNull(command, "command");
        return context.write(uow -> {
            CustomFieldValidation.check(uow, EntityType.ACCOUNT, command.customFields());
            if (command.parentId() != null) {
                requireExisting(uow, command.parentId(), "parentId");
            }
            Owners.check(context, command.ownerId(), "ownerId");
            requireFreeExternalIds(uow, command.externalIds(), null);
            Account account = new Account(AccountId.of(uow.newId("account")), uow.tenant(), 1, command.name(),
                    command.domain(), command.industry(), command.employees(), command.annualRevenue(),
                    command.parentId(), command.ownerId(), command.address(), ContactRoles.none(), command.tags(),
                    command.customFields(), command.externalIds(), uow.now(), uow.now());
            uow.tx().accounts().insert(account);
            uow.emit(new AccountCreated(uow.meta(), account.id(), account.parentId()));
            return account;
        });
    }

    /**
     * Stores a changed account. The change must be based on the current version.
     *
     * @param edited the account with its changes, at the version it was read
     * @return the stored account, at the next version (or unchanged if nothing changed)
     * @throws CrmConflictException if the account was changed since it was read
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException if the parent would make a cycle, or a referenced record is missing
     */
    public Account update(Account edited) {
        Checks.notNull(edited, "account");
        return context.write(uow -> {
            Account current = get(uow, edited.id());
            if (current.version() != edited.version()) {
                throw new CrmConflictException("Account", edited.id().value(), edited.version(), current.version());
            }
            CustomFieldValidation.checkUpdate(uow, EntityType.ACCOUNT, current.customFields(), edited.customFields());
            Set<String> changed = Diff.changed(current, edited, Diff.BOOKKEEPING);
            if (changed.contains("tenantId")) {
                throw new CrmValidationException("tenantId", "cannot change");
            }
            if (changed.isEmpty()) {
                return current;
            }
            if (changed.contains("parentId") && edited.parentId() != null) {
                requireExisting(uow, edited.parentId(), "parentId");
                requireNoCycle(uow, edited.id(), edited.parentId());
            }
            if (changed.contains("ownerId")) {
                Owners.check(context, edited.ownerId(), "ownerId");
            }
            if (changed.contains("externalIds")) {
                requireFreeExternalIds(uow, edited.externalIds(), edited.id());
            }
            if (changed.contains("contactRoles")) {
                for (ContactId contact : edited.contactRoles().contactIds()) {
                    if (uow.tx().contacts().find(contact).isEmpty()) {
                        throw new CrmValidationException("contactRoles", "names a contact that does not exist");
                    }
                }
            }
            Account next = new Account(current.id(), current.tenantId(), current.version() + 1, edited.name(),
                    edited.domain(), edited.industry(), edited.employees(), edited.annualRevenue(), edited.parentId(),
                    edited.ownerId(), edited.address(), edited.contactRoles(), edited.tags(), edited.customFields(),
                    edited.externalIds(), current.createdAt(), uow.now());
            uow.tx().accounts().update(next);
            uow.emit(new AccountUpdated(uow.meta(), next.id(), changed));
            return next;
        });
    }

    /**
     * Sets a contact's role on an account; a primary role demotes the former primary.
     *
     * @param accountId the account
     * @param role the role
     * @return the stored account
     * @throws CrmNotFoundException if the account does not exist
     * @throws CrmValidationException if the contact does not exist
     */
    public Account setContactRole(AccountId accountId, ContactRole role) {
        Checks.notNull(role, "role");
        return context.write(uow -> {
            Account current = get(uow, accountId);
            return update(current.withContactRoles(current.contactRoles().with(role)));
        });
    }

    /**
     * An account by id.
     *
     * @param id the id
     * @return the account
     * @throws CrmNotFoundException if it does not exist in this tenant
     */
    public Account get(AccountId id) {
        return find(id).orElseThrow(() -> new CrmNotFoundException("Account", id.value()));
    }

    /**
     * An account by id, if it exists.
     *
     * @param id the id
     * @return the account, or empty
     */
    public Optional<Account> find(AccountId id) {
        Checks.notNull(id, "accountId");
        return context.read(tx -> tx.accounts().find(id));
    }

    /**
     * The accounts with a domain (normally one).
     *
     * @param domain the domain or website, in any spelling
     * @return the accounts, ordered by id
     * @throws CrmValidationException if it is not a domain
     */
    public List<Account> findByDomain(String domain) {
        String normalized = Account.normalizeDomain(domain);
        return context.read(tx -> tx.accounts().findByDomain(normalized));
    }

    /**
     * The accounts with a name, ignoring case and spacing (normally one).
     *
     * <pre>{@code
     * crm.accounts().findByName("acme  gmbh");   // [Acme GmbH]
     * }</pre>
     *
     * @param name the name
     * @return the accounts, ordered by id
     * @throws CrmValidationException if the name is blank
     */
    public List<Account> findByName(String name) {
        String key = Account.nameKey(name);
        return context.read(tx -> tx.accounts().findByNameKey(key));
    }

    /**
     * The account known under an id in another system (its own or, after a merge, an alias).
     *
     * <pre>{@code
     * crm.accounts().findByExternalId("sap", "0000471100");
     * }</pre>
     *
     * @param system the other system's name, in any case
     * @param id the id there
     * @return the account, or empty
     * @throws CrmValidationException naming the part that is blank
     */
    public Optional<Account> findByExternalId(String system, String id) {
        ExternalId key = ExternalId.of(system, id);
        return context.read(tx -> tx.accounts().findByExternalId(key));
    }

    /**
     * The accounts an owner owns.
     *
     * @param owner the owner
     * @return the accounts, ordered by id
     */
    public List<Account> findByOwner(UserId owner) {
        Checks.notNull(owner, "ownerId");
        return context.read(tx -> tx.accounts().findByOwner(owner));
    }

    /**
     * The direct subsidiaries of an account.
     *
     * @param parent the parent
     * @return the children, ordered by id
     */
    public List<Account> children(AccountId parent) {
        Checks.notNull(parent, "accountId");
        return context.read(tx -> tx.accounts().findChildren(parent));
    }

    /**
     * All subsidiaries of an account, at any depth, breadth first.
     *
     * @param root the account
     * @return the descendants
     */
    public List<Account> subsidiaries(AccountId root) {
        Checks.notNull(root, "accountId");
        return context.read(tx -> {
            List<Account> result = new ArrayList<>();
            Deque<AccountId> queue = new ArrayDeque<>(List.of(root));
            Set<AccountId> seen = new HashSet<>(List.of(root));
            while (!queue.isEmpty()) {
                for (Account child : tx.accounts().findChildren(queue.poll())) {
                    if (seen.add(child.id())) {
                        result.add(child);
                        queue.add(child.id());
                    }
                }
            }
            return result;
        });
    }

    /**
     * The parents of an account up to the top of its hierarchy, nearest first.
     *
     * @param id the account
     * @return the ancestors
     * @throws CrmNotFoundException if the account does not exist
     */
    public List<Account> ancestors(AccountId id) {
        return context.read(tx -> {
            List<Account> result = new ArrayList<>();
            Account current = tx.accounts().find(id).orElseThrow(() -> new CrmNotFoundException("Account", id.value()));
            Set<AccountId> seen = new HashSet<>(List.of(id));
            while (current.parentId() != null && seen.add(current.parentId())) {
                Optional<Account> parent = tx.accounts().find(current.parentId());
                if (parent.isEmpty()) {
                    break;
                }
                current = parent.get();
                result.add(current);
            }
            return result;
        });
    }

    /**
     * One page of all accounts, ordered by id.
     *
     * @param request the page
     * @return the page
     */
    public Page<Account> list(PageRequest request) {
        Checks.notNull(request, "request");
        return context.read(tx -> tx.accounts().list(request));
    }

    /**
     * How many accounts the tenant has.
     *
     * @return the count
     */
    public long count() {
        return context.read(tx -> tx.accounts().count());
    }

    private static Account get(UnitOfWork uow, AccountId id) {
        return uow.tx().accounts().find(id).orElseThrow(() -> new CrmNotFoundException("Account", id.value()));
    }

    private static void requireExisting(UnitOfWork uow, AccountId id, String field) {
        if (uow.tx().accounts().find(id).isEmpty()) {
            throw new CrmValidationException(field, "names an account that does not exist");
        }
    }

    private static void requireNoCycle(UnitOfWork uow, AccountId self, @Nullable AccountId parent) {
        Set<AccountId> seen = new HashSet<>();
        AccountId cursor = parent;
        while (cursor != null) {
            if (cursor.equals(self)) {
                throw new CrmValidationException("parentId", "would make the account its own ancestor");
            }
            if (!seen.add(cursor)) {
                return;
            }
            cursor = uow.tx().accounts().find(cursor).map(Account::parentId).orElse(null);
        }
    }

    private static void requireFreeExternalIds(UnitOfWork uow, ExternalIds ids, @Nullable AccountId self) {
        for (ExternalId id : ids.ids()) {
            Optional<Account> holder = uow.tx().accounts().findByExternalId(id);
            if (holder.isPresent() && !holder.get().id().equals(self)) {
                throw new CrmValidationException("externalIds", "names an id another account already has");
            }
        }
    }
}
