package dev.rapport.crm.party;

import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.event.LifecycleChanged;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.CustomFieldValidation;
import dev.rapport.crm.internal.Diff;
import dev.rapport.crm.internal.Owners;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.lifecycle.JourneyStage;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.lifecycle.LifecycleTransition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Contacts (people) of one tenant: create, read, update, look-ups, and the lifecycle. E-mail
 * addresses are unique per tenant. The lifecycle stage changes only through
 * {@link #advanceLifecycle}, {@link #promoteLifecycle} and {@link #overrideLifecycle}.
 *
 * <pre>{@code
 * Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));
 * crm.contacts().advanceLifecycle(ada.id(), LifecycleStage.SALES_QUALIFIED);
 * crm.contacts().findByEmail("ADA@acme.example");   // Optional[ada]
 * }</pre>
 */
public final class ContactService {
    private static final Set<String> LIFECYCLE = Set.of("lifecycleStage", "lifecycleHistory");

    private final ServiceContext context;

    /**
     * Creates the service. Hosts get it from {@code crm.contacts()}.
     *
     * @param context the service context
     */
    public ContactService(ServiceContext context) {
        this.context = context;
    }

    /**
     * Creates a contact.
     *
     * @param command what to create
     * @return the stored contact, at version 1
     * @throws CrmValidationException naming {@code email} if an address is used by another
     *     contact, or naming the field if the account or owner does not exist
     */
    public Contact create(NewContact command) {
        Checks.notNull(command, "command");
        return context.write(uow -> {
            CustomFieldValidation.check(uow, EntityType.CONTACT, command.customFields());
            for (EmailAddress email : command.emails()) {
                requireFreeEmail(uow, email, null);
            }
            requireFreeExternalIds(uow, command.externalIds(), null);
            if (command.accountId() != null && uow.tx().accounts().find(command.accountId()).isEmpty()) {
                throw new CrmValidationException("accountId", "names an account that does not exist");
            }
            Owners.check(context, command.ownerId(), "ownerId");
            LifecycleTransition first = new LifecycleTransition(null, command.lifecycleStage(), uow.now(), uow.actor(),
                    false, null);
            Contact contact = new Contact(ContactId.of(uow.newId("contact")), uow.tenant(), 1, command.firstName(),
                    command.lastName(), command.emails(), command.phones(), command.title(), command.accountId(),
                    command.ownerId(), command.address(), command.lifecycleStage(), List.of(first), null,
                    command.tags(), command.customFields(), command.externalIds(), uow.now(), uow.now());
            uow.tx().contacts().insert(contact);
            uow.emit(new ContactCreated(uow.meta(), contact.id(), contact.accountId()));
            return contact;
        });
    }

    /**
     * Stores a changed contact. The change must be based on the current version, and may not
     * touch the lifecycle (use the lifecycle methods).
     *
     * @param edited the contact with its changes, at the version it was read
     * @return the stored contact, at the next version (or unchanged if nothing changed)
     * @throws CrmConflictException if the contact was changed since it was read
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException if the lifecycle was changed, an address is taken, or a
     *     referenced record is missing
     */
    public Contact update(Contact edited) {
        Checks.notNull(edited, "contact");
        return context.write(uow -> {
            Contact current = get(uow, edited.id());
            if (current.version() != edited.version()) {
                throw new CrmConflictException("Contact", edited.id().value(), edited.version(), current.version());
            }
            CustomFieldValidation.checkUpdate(uow, EntityType.CONTACT, current.customFields(), edited.customFields());
            Set<String> changed = Diff.changed(current, edited, Diff.BOOKKEEPING);
            if (changed.contains("tenantId")) {
                throw new CrmValidationException("tenantId", "cannot change");
            }
            if (changed.stream().anyMatch(LIFECYCLE::contains)) {
                throw new CrmValidationException("lifecycleStage",
                        "changes only through advanceLifecycle, promoteLifecycle or overrideLifecycle");
            }
            if (changed.isEmpty()) {
                return current;
            }
            if (changed.contains("emails")) {
                for (EmailAddress email : edited.emails()) {
                    requireFreeEmail(uow, email, edited.id());
                }
            }
            if (changed.contains("externalIds")) {
                requireFreeExternalIds(uow, edited.externalIds(), edited.id());
            }
            if (changed.contains("accountId") && edited.accountId() != null
                    && uow.tx().accounts().find(edited.accountId()).isEmpty()) {
                throw new CrmValidationException("accountId", "names an account that does not exist");
            }
            if (changed.contains("ownerId")) {
                Owners.check(context, edited.ownerId(), "ownerId");
            }
            Contact next = edited.withVersion(current.version() + 1);
            next = new Contact(next.id(), next.tenantId(), next.version(), next.firstName(), next.lastName(),
                    next.emails(), next.phones(), next.title(), next.accountId(), next.ownerId(), next.address(),
                    next.lifecycleStage(), next.lifecycleHistory(), next.journeyStage(), next.tags(),
                    next.customFields(), next.externalIds(), current.createdAt(), uow.now());
            uow.tx().contacts().update(next);
            uow.emit(new ContactUpdated(uow.meta(), next.id(), changed));
            return next;
        });
    }

    /**
     * Moves a contact's lifecycle forward.
     *
     * @param id the contact
     * @param stage the later stage
     * @return the stored contact
     * @throws CrmValidationException naming {@code lifecycleStage} if the move is backward
     * @throws CrmNotFoundException if the contact does not exist
     */
    public Contact advanceLifecycle(ContactId id, LifecycleStage stage) {
        Checks.notNull(stage, "lifecycleStage");
        return context.write(uow -> {
            Contact current = get(uow, id);
            return storeLifecycle(uow, current, current.advanceLifecycle(stage, uow.now(), uow.actor()), null);
        });
    }

    /**
     * Moves a contact's lifecycle forward if it is behind {@code stage}, and otherwise leaves it.
     * This is what automatic advances use (a contact on a won deal becomes a customer, but an
     * evangelist stays an evangelist).
     *
     * @param id the contact
     * @param stage the stage to reach at least
     * @return the stored contact
     * @throws CrmNotFoundException if the contact does not exist
     */
    public Contact promoteLifecycle(ContactId id, LifecycleStage stage) {
        Checks.notNull(stage, "lifecycleStage");
        return context.write(uow -> {
            Contact current = get(uow, id);
            if (!current.lifecycleStage().isBefore(stage)) {
                return current;
            }
            return storeLifecycle(uow, current, current.advanceLifecycle(stage, uow.now(), uow.actor()), null);
        });
    }

    /**
     * Sets a contact's lifecycle to any stage, backward included; the reason is recorded.
     *
     * @param id the contact
     * @param stage the stage
     * @param reason why the normal order is overridden
     * @return the stored contact
     * @throws CrmValidationException naming {@code reason} if it is blank
     * @throws CrmNotFoundException if the contact does not exist
     */
    public Contact overrideLifecycle(ContactId id, LifecycleStage stage, String reason) {
        Checks.notNull(stage, "lifecycleStage");
        String why = Checks.nonBlank(reason, "reason");
        return context.write(uow -> {
            Contact current = get(uow, id);
            return storeLifecycle(uow, current, current.overrideLifecycle(stage, why, uow.now(), uow.actor()), why);
        });
    }

    private static Contact storeLifecycle(UnitOfWork uow, Contact current, Contact moved,
            @org.jspecify.annotations.Nullable String reason) {
        if (moved == current) {
            return current;
        }
        Contact next = moved.withVersion(current.version() + 1).withUpdatedAt(uow.now());
        uow.tx().contacts().update(next);
        uow.emit(new LifecycleChanged(uow.meta(), next.id(), current.lifecycleStage(), next.lifecycleStage(),
                reason != null, reason));
        return next;
    }

    /**
     * Sets a contact's customer journey stage (any direction).
     *
     * @param id the contact
     * @param stage the journey stage, or null to clear it
     * @return the stored contact
     * @throws CrmNotFoundException if the contact does not exist
     */
    public Contact setJourneyStage(ContactId id, @org.jspecify.annotations.Nullable JourneyStage stage) {
        return context.write(uow -> update(get(uow, id).withJourneyStage(stage)));
    }

    /**
     * A contact by id.
     *
     * @param id the id
     * @return the contact
     * @throws CrmNotFoundException if it does not exist in this tenant
     */
    public Contact get(ContactId id) {
        return find(id).orElseThrow(() -> new CrmNotFoundException("Contact", id.value()));
    }

    /**
     * A contact by id, if it exists.
     *
     * @param id the id
     * @return the contact, or empty
     */
    public Optional<Contact> find(ContactId id) {
        Checks.notNull(id, "contactId");
        return context.read(tx -> tx.contacts().find(id));
    }

    /**
     * The contact with an e-mail address, in any spelling.
     *
     * @param email the address
     * @return the contact, or empty
     * @throws CrmValidationException naming {@code email} if it is malformed
     */
    public Optional<Contact> findByEmail(String email) {
        EmailAddress normalized = EmailAddress.of(email);
        return context.read(tx -> tx.contacts().findByEmail(normalized));
    }

    /**
     * The contact known under an id in another system (its own or, after a merge, an alias).
     *
     * <pre>{@code
     * crm.contacts().findByExternalId("shop", "customer-42");
     * }</pre>
     *
     * @param system the other system's name, in any case
     * @param id the id there
     * @return the contact, or empty
     * @throws CrmValidationException naming the part that is blank
     */
    public Optional<Contact> findByExternalId(String system, String id) {
        ExternalId key = ExternalId.of(system, id);
        return context.read(tx -> tx.contacts().findByExternalId(key));
    }

    /**
     * The contacts of an account.
     *
     * @param accountId the account
     * @return the contacts, ordered by id
     */
    public List<Contact> findByAccount(AccountId accountId) {
        Checks.notNull(accountId, "accountId");
        return context.read(tx -> tx.contacts().findByAccount(accountId));
    }

    /**
     * The contacts an owner owns.
     *
     * @param owner the owner
     * @return the contacts, ordered by id
     */
    public List<Contact> findByOwner(UserId owner) {
        Checks.notNull(owner, "ownerId");
        return context.read(tx -> tx.contacts().findByOwner(owner));
    }

    /**
     * One page of all contacts, ordered by id.
     *
     * @param request the page
     * @return the page
     */
    public Page<Contact> list(PageRequest request) {
        Checks.notNull(request, "request");
        return context.read(tx -> tx.contacts().list(request));
    }

    /**
     * How many contacts the tenant has.
     *
     * @return the count
     */
    public long count() {
        return context.read(tx -> tx.contacts().count());
    }

    private static Contact get(UnitOfWork uow, ContactId id) {
        Checks.notNull(id, "contactId");
        return uow.tx().contacts().find(id).orElseThrow(() -> new CrmNotFoundException("Contact", id.value()));
    }

    private static void requireFreeEmail(UnitOfWork uow, EmailAddress email, @org.jspecify.annotations.Nullable ContactId self) {
        Optional<Contact> holder = uow.tx().contacts().findByEmail(email);
        if (holder.isPresent() && !holder.get().id().equals(self)) {
            throw new CrmValidationException("email", "is already used by another contact");
        }
    }

    private static void requireFreeExternalIds(UnitOfWork uow, ExternalIds ids,
            @org.jspecify.annotations.Nullable ContactId self) {
        for (ExternalId id : ids.ids()) {
            Optional<Contact> holder = uow.tx().contacts().findByExternalId(id);
            if (holder.isPresent() && !holder.get().id().equals(self)) {
                throw new CrmValidationException("externalIds", "names an id another contact already has");
            }
        }
    }
}
