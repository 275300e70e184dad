package dev.rapport.crm.party;

import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.lifecycle.LifecycleStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The command to create a contact. Immutable: every method returns a new command. Values are
 * checked as they are given (a malformed e-mail fails at {@link #email(String)}).
 *
 * <pre>{@code
 * Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace")
 *         .email("ada@acme.example")
 *         .phone("+44 20 7946 0000")
 *         .account(acme.id()));
 * }</pre>
 *
 * @param firstName the given name, or null
 * @param lastName the family name, or null
 * @param emails the e-mail addresses, the primary first
 * @param phones the phone numbers, the primary first
 * @param title the job title, or null
 * @param accountId the account, or null
 * @param ownerId the owner, or null
 * @param address the address, or null
 * @param lifecycleStage the initial lifecycle stage
 * @param tags tags
 * @param customFields custom field values
 * @param externalIds the ids in other systems
 */
public record NewContact(@Nullable String firstName, @Nullable String lastName, List<EmailAddress> emails,
        List<PhoneNumber> phones, @Nullable String title, @Nullable AccountId accountId, @Nullable UserId ownerId,
        @Nullable PostalAddress address, LifecycleStage lifecycleStage, Set<String> tags, CustomFields customFields,
        ExternalIds externalIds) {

    /**
     * Validates the command.
     *
     * @param firstName the given name, or null
     * @param lastName the family name, or null
     * @param emails the e-mail addresses, the primary first
     * @param phones the phone numbers, the primary first
     * @param title the job title, or null
     * @param accountId the account, or null
     * @param ownerId the owner, or null
     * @param address the address, or null
     * @param lifecycleStage the initial lifecycle stage
     * @param tags tags
     * @param customFields custom field values
     * @param externalIds the ids in other systems
     * @throws dev.rapport.crm.CrmValidationException naming the field if a value is invalid
     */
    public NewContact {
        firstName = Checks.optional(firstName);
        lastName = Checks.optional(lastName);
        emails = Checks.list(emails, "emails");
        phones = Checks.list(phones, "phones");
        Checks.notNull(lifecycleStage, "lifecycleStage");
        tags = Account.tags(tags);
        Checks.notNull(customFields, "customFields");
        Checks.notNull(externalIds, "externalIds");
    }

    /**
     * A person with a name.
     *
     * @param firstName the given name
     * @param lastName the family name
     * @return the command
     */
    public static NewContact named(@Nullable String firstName, @Nullable String lastName) {
        return new NewContact(firstName, lastName, List.of(), List.of(), null, null, null, null,
                LifecycleStage.LEAD, Set.of(), CustomFields.empty(), ExternalIds.none());
    }

    /**
     * A person known only by e-mail address.
     *
     * @param email the address
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming {@code email} if it is malformed
     */
    public static NewContact withEmail(String email) {
        return named(null, null).email(email);
    }

    /**
     * With an e-mail address added (the first one given is the primary).
     *
     * @param email the address
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming {@code email} if it is malformed
     */
    public NewContact email(String email) {
        List<EmailAddress> next = new ArrayList<>(emails);
        next.add(EmailAddress.of(email));
        return new NewContact(firstName, lastName, next, phones, title, accountId, ownerId, address, lifecycleStage,
                tags, customFields, externalIds);
    }

    /**
     * With a phone number added (the first one given is the primary).
     *
     * @param phone the number, with its country
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming {@code phone} if it is malformed
     */
    public NewContact phone(String phone) {
        return phone(PhoneNumber.of(phone));
    }

    /**
     * With a phone number added.
     *
     * @param phone the number
     * @return the command
     */
    public NewContact phone(PhoneNumber phone) {
        List<PhoneNumber> next = new ArrayList<>(phones);
        next.add(Checks.notNull(phone, "phone"));
        return new NewContact(firstName, lastName, emails, next, title, accountId, ownerId, address, lifecycleStage,
                tags, customFields, externalIds);
    }

    /**
     * With a job title.
     *
     * @param value the title
     * @return the command
     */
    public NewContact title(String value) {
        return new NewContact(firstName, lastName, emails, phones, value, accountId, ownerId, address, lifecycleStage,
                tags, customFields, externalIds);
    }

    /**
     * Working for an account.
     *
     * @param value the account
     * @return the command
     */
    public NewContact account(AccountId value) {
        return new NewContact(firstName, lastName, emails, phones, title, value, ownerId, address, lifecycleStage,
                tags, customFields, externalIds);
    }

    /**
     * With an owner.
     *
     * @param value the owner
     * @return the command
     */
    public NewContact owner(UserId value) {
        return new NewContact(firstName, lastName, emails, phones, title, accountId, value, address, lifecycleStage,
                tags, customFields, externalIds);
    }

    /**
     * With an address.
     *
     * @param value the address
     * @return the command
     */
    public NewContact address(PostalAddress value) {
        return new NewContact(firstName, lastName, emails, phones, title, accountId, ownerId, value, lifecycleStage,
                tags, customFields, externalIds);
    }

    /**
     * Starting at a lifecycle stage other than {@link LifecycleStage#LEAD}.
     *
     * @param value the stage
     * @return the command
     */
    public NewContact lifecycleStage(LifecycleStage value) {
        return new NewContact(firstName, lastName, emails, phones, title, accountId, ownerId, address, value, tags,
                customFields, externalIds);
    }

    /**
     * With a tag added.
     *
     * @param tag the tag
     * @return the command
     */
    public NewContact tag(String tag) {
        Set<String> next = new TreeSet<>(tags);
        next.add(Checks.nonBlank(tag, "tags"));
        return new NewContact(firstName, lastName, emails, phones, title, accountId, ownerId, address, lifecycleStage,
                next, customFields, externalIds);
    }

    /**
     * With a custom field value.
     *
     * @param key the field key
     * @param value the value
     * @return the command
     */
    public NewContact field(String key, FieldValue value) {
        return new NewContact(firstName, lastName, emails, phones, title, accountId, ownerId, address, lifecycleStage,
                tags, customFields.with(key, value), externalIds);
    }

    /**
     * With an id in another system.
     *
     * @param system the other system's name
     * @param id the id there
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming the part that is blank or too long
     */
    public NewContact externalId(String system, String id) {
        return new NewContact(firstName, lastName, emails, phones, title, accountId, ownerId, address, lifecycleStage,
                tags, customFields, externalIds.with(ExternalId.of(system, id)));
    }
}
