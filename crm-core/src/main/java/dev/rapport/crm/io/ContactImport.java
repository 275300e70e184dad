package dev.rapport.crm.io;

import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactService;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.party.PhoneNumber;
import dev.rapport.crm.party.PostalAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Rows to contacts, matched by e-mail (default) or external id; their account must be stored. */
final class ContactImport extends EntityImport {
    static final Set<String> FIELDS = fieldSet("externalId", "firstName", "lastName", "fullName", "email", "phone",
            "title", "account", "owner", "lifecycleStage", "street", "city", "postalCode", "region", "country", "tags");

    private final ContactService contacts;

    ContactImport(ServiceContext context, ImportMapping mapping) {
        super(context, mapping);
        this.contacts = new ContactService(context);
    }

    @Override
    String entity() {
        return "contact";
    }

    @Override
    EntityType entityType() {
        return EntityType.CONTACT;
    }

    @Override
    String plural() {
        return "contacts";
    }

    @Override
    Set<String> fields() {
        return FIELDS;
    }

    @Override
    MatchKey defaultMatch() {
        return MatchKey.EMAIL;
    }

    @Override
    Set<MatchKey> matchKeys() {
        return Set.of(MatchKey.EMAIL, MatchKey.EXTERNAL_ID);
    }

    @Override
    Upserted upsert(UnitOfWork uow, RowValues row) {
        String externalId = row.text("externalId");
        EmailAddress email = row.has("email") ? EmailAddress.of(row.required("email")) : null;
        PhoneNumber phone = row.has("phone") ? PhoneNumber.of(row.required("phone")) : null;
        Contact existing = find(uow, row, email).orElse(null);
        String first = row.text("firstName");
        String last = row.text("lastName");
        if (first == null && last == null && row.has("fullName")) {
            String full = row.required("fullName");
            int space = full.lastIndexOf(' ');
            first = space < 0 ? null : full.substring(0, space);
            last = space < 0 ? full : full.substring(space + 1);
        }
        AccountId account = null;
        if (row.has("account")) {
            account = findAccount(uow, row, "account", row.required("account")).map(Account::id)
                    .orElseThrow(() -> row.reject("account", "names an account that is not stored"));
        }
        UserId owner = row.has("owner") ? UserId.of(row.required("owner")) : null;
        LifecycleStage stage = row.enumValue("lifecycleStage", LifecycleStage.class);
        Set<String> tags = tags(row.text("tags"));
        PostalAddress address = AccountImport.address(row, existing == null ? null : existing.address());
        String title = row.text("title");
        if (existing == null) {
            NewContact command = NewContact.named(first, last);
            if (email != null) {
                command = command.email(email.value());
            }
            if (phone != null) {
                command = command.phone(phone);
            }
            if (title != null) {
                command = command.title(title);
            }
            if (account != null) {
                command = command.account(account);
            }
            if (owner != null) {
                command = command.owner(owner);
            }
            if (address != null) {
                command = command.address(address);
            }
            if (stage != null) {
                command = command.lifecycleStage(stage);
            }
            for (String tag : tags) {
                command = command.tag(tag);
            }
            for (var entry : customFields(row, CustomFields.empty()).asMap().entrySet()) {
                command = command.field(entry.getKey(), entry.getValue());
            }
            Contact created = contacts.create(command);
            link(uow, entity(), externalId, created.id().value(), row);
            return new Upserted(Outcome.CREATED, List.of());
        }
        Contact edited = existing;
        if (first != null || last != null) {
            edited = edited.withName(first != null ? first : edited.firstName(),
                    last != null ? last : edited.lastName());
        }
        if (email != null && !edited.emails().contains(email)) {
            List<EmailAddress> emails = new ArrayList<>();
            emails.add(email);
            emails.addAll(edited.emails());
            edited = edited.withEmails(emails);
        }
        if (phone != null && !edited.phones().contains(phone)) {
            List<PhoneNumber> phones = new ArrayList<>();
            phones.add(phone);
            phones.addAll(edited.phones());
            edited = edited.withPhones(phones);
        }
        if (title != null) {
            edited = edited.withTitle(title);
        }
        if (account != null) {
            edited = edited.withAccount(account);
        }
        if (owner != null) {
            edited = edited.withOwner(owner);
        }
        if (address != null) {
            edited = edited.withAddress(address);
        }
        if (!tags.isEmpty() && !edited.tags().containsAll(tags)) {
            Set<String> all = new TreeSet<>(edited.tags());
            all.addAll(tags);
            edited = edited.withTags(all);
        }
        edited = edited.withCustomFields(customFields(row, edited.customFields()));
        Contact stored = contacts.update(edited);
        if (stage != null && stored.lifecycleStage().canAdvanceTo(stage) && stage != stored.lifecycleStage()) {
            stored = contacts.promoteLifecycle(stored.id(), stage);
        }
        link(uow, entity(), externalId, stored.id().value(), row);
        return new Upserted(stored.version() == existing.version() ? Outcome.UNCHANGED : Outcome.UPDATED, List.of());
    }

    private Optional<Contact> find(UnitOfWork uow, RowValues row, @Nullable EmailAddress email) {
        if (match == MatchKey.EXTERNAL_ID) {
            String key = row.required("externalId");
            Optional<String> target = linked(uow, entity(), key);
            if (target.isEmpty()) {
                return Optional.empty();
            }
            Optional<Contact> contact = uow.tx().contacts().find(ContactId.of(target.get()));
            if (contact.isEmpty()) {
                unlink(uow, entity(), key);
            }
            return contact;
        }
        if (email == null) {
            throw row.reject("email", "is required to match contacts by e-mail");
        }
        return uow.tx().contacts().findByEmail(email);
    }
}
