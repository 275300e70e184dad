package dev.rapport.crm.party;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.lifecycle.JourneyStage;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.lifecycle.LifecycleTransition;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person the host does business with. A contact has a name or an e-mail address (or both),
 * belongs to at most one account, and has a lifecycle stage that only moves forward unless an
 * override with a reason is recorded in its {@link #lifecycleHistory()}.
 *
 * <p>{@link #toString()} carries no personal data.
 *
 * <pre>{@code
 * Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace")
 *         .email("ada@acme.example").account(acme.id()));
 * crm.contacts().update(ada.withTitle("Chief Analyst"));
 * }</pre>
 *
 * @param id the id
 * @param tenantId the tenant
 * @param version the version, 1 when created
 * @param firstName the given name, or null
 * @param lastName the family name, or null
 * @param emails the e-mail addresses, the primary one first
 * @param phones the phone numbers, the primary one first
 * @param title the job title, or null
 * @param accountId the account the person works for, or null
 * @param ownerId the owning user, or null
 * @param address the address, or null
 * @param lifecycleStage the current lifecycle stage
 * @param lifecycleHistory every lifecycle move, oldest first; the last one's target is the current stage
 * @param journeyStage the customer journey stage, or null
 * @param tags free tags and segments
 * @param customFields custom field values
 * @param externalIds the ids in other systems
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Contact(ContactId id, TenantId tenantId, long version, @Nullable String firstName,
        @Nullable String lastName, List<EmailAddress> emails, List<PhoneNumber> phones, @Nullable String title,
        @Nullable AccountId accountId, @Nullable UserId ownerId, @Nullable PostalAddress address,
        LifecycleStage lifecycleStage, List<LifecycleTransition> lifecycleHistory,
        @Nullable JourneyStage journeyStage, Set<String> tags, CustomFields customFields, ExternalIds externalIds,
        Instant createdAt, Instant updatedAt) implements Aggregate<ContactId> {

    /**
     * Validates the contact.
     *
     * @param id the id
     * @param tenantId the tenant
     * @param version the version, 1 when created
     * @param firstName the given name, or null
     * @param lastName the family name, or null
     * @param emails the e-mail addresses, the primary one first
     * @param phones the phone numbers, the primary one first
     * @param title the job title, or null
     * @param accountId the account the person works for, or null
     * @param ownerId the owning user, or null
     * @param address the address, or null
     * @param lifecycleStage the current lifecycle stage
     * @param lifecycleHistory every lifecycle move, oldest first; the last one's target is the current stage
     * @param journeyStage the customer journey stage, or null
     * @param tags free tags and segments
     * @param customFields custom field values
     * @param externalIds the ids in other systems
     * @param createdAt when it was created
     * @param updatedAt when it was last changed
     * @throws CrmValidationException naming the field if a value is missing or invalid
     */
    public Contact {
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        firstName = Checks.maxLength(Checks.optional(firstName), 100, "firstName");
        lastName = Checks.maxLength(Checks.optional(lastName), 100, "lastName");
        emails = Checks.list(emails, "emails");
        if (emails.size() > 1 && new HashSet<>(emails).size() != emails.size()) {
            throw new CrmValidationException("emails", "lists an address twice");
        }
        phones = Checks.list(phones, "phones");
        if (firstName == null && lastName == null && emails.isEmpty()) {
            throw new CrmValidationException("name", "a contact needs a name or an e-mail address");
        }
        title = Checks.maxLength(Checks.optional(title), 100, "title");
        Checks.notNull(lifecycleStage, "lifecycleStage");
        lifecycleHistory = Checks.list(lifecycleHistory, "lifecycleHistory");
        if (!lifecycleHistory.isEmpty()
                && lifecycleHistory.get(lifecycleHistory.size() - 1).to() != lifecycleStage) {
            throw new CrmValidationException("lifecycleStage", "must be the target of the last lifecycle move");
        }
        tags = Account.tags(tags);
        Checks.notNull(customFields, "customFields");
        Checks.notNull(externalIds, "externalIds");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new CrmValidationException("updatedAt", "must not be before createdAt");
        }
    }

    /**
     * The primary e-mail address.
     *
     * @return the first address, or empty
     */
    public Optional<EmailAddress> primaryEmail() {
        return emails.isEmpty() ? Optional.empty() : Optional.of(emails.get(0));
    }

    /**
     * The primary phone number.
     *
     * @return the first number, or empty
     */
    public Optional<PhoneNumber> primaryPhone() {
        return phones.isEmpty() ? Optional.empty() : Optional.of(phones.get(0));
    }

    /**
     * The lifecycle moved forward to a later stage (or stays where it is).
     *
     * @param target the new stage
     * @param at when
     * @param actor who moved it
     * @return the copy with the move recorded; this contact if the stage is unchanged
     * @throws CrmValidationException naming {@code lifecycleStage} if the move is backward
     */
    public Contact advanceLifecycle(LifecycleStage target, Instant at, dev.rapport.crm.Actor actor) {
        if (target == lifecycleStage) {
            return this;
        }
        if (!lifecycleStage.canAdvanceTo(target)) {
            throw new CrmValidationException("lifecycleStage",
                    "cannot move from " + lifecycleStage + " back to " + target + " without an override");
        }
        return withLifecycle(target, new LifecycleTransition(lifecycleStage, target, at, actor, false, null));
    }

    /**
     * The lifecycle set to any stage, backward included, with a reason that is recorded.
     *
     * @param target the new stage
     * @param reason why the normal order is overridden
     * @param at when
     * @param actor who moved it
     * @return the copy with the override recorded
     * @throws CrmValidationException naming {@code reason} if it is blank
     */
    public Contact overrideLifecycle(LifecycleStage target, String reason, Instant at, dev.rapport.crm.Actor actor) {
        return withLifecycle(target, new LifecycleTransition(lifecycleStage, target, at, actor, true, reason));
    }

    private Contact withLifecycle(LifecycleStage target, LifecycleTransition move) {
        List<LifecycleTransition> history = new java.util.ArrayList<>(lifecycleHistory);
        history.add(move);
        return new Contact(id, tenantId, version, firstName, lastName, emails, phones, title, accountId, ownerId,
                address, target, history, journeyStage, tags, customFields, externalIds, createdAt, updatedAt);
    }

    /**
     * A copy with another version (used by services when storing a change).
     *
     * @param next the version
     * @return the copy
     */
    public Contact withVersion(long next) {
        return new Contact(id, tenantId, next, firstName, lastName, emails, phones, title, accountId, ownerId,
                address, lifecycleStage, lifecycleHistory, journeyStage, tags, customFields, externalIds, createdAt,
                updatedAt);
    }

    /**
     * A copy with other names.
     *
     * @param newFirstName the given name, or null
     * @param newLastName the family name, or null
     * @return the copy
     */
    public Contact withName(@Nullable String newFirstName, @Nullable String newLastName) {
        return new Contact(id, tenantId, version, newFirstName, newLastName, emails, phones, title, accountId,
                ownerId, address, lifecycleStage, lifecycleHistory, journeyStage, tags, customFields, externalIds,
                createdAt, updatedAt);
    }

    /**
     * A copy with other e-mail addresses.
     *
     * @param newEmails the addresses, the primary first
     * @return the copy
     */
    public Contact withEmails(List<EmailAddress> newEmails) {
        return new Contact(id, tenantId, version, firstName, lastName, newEmails, phones, title, accountId, ownerId,
                address, lifecycleStage, lifecycleHistory, journeyStage, tags, customFields, externalIds, createdAt,
                updatedAt);
    }

    /**
     * A copy with other phone numbers.
     *
     * @param newPhones the numbers, the primary first
     * @return the copy
     */
    public Contact withPhones(List<PhoneNumber> newPhones) {
        return new Contact(id, tenantId, version, firstName, lastName, emails, newPhones, title, accountId, ownerId,
                address, lifecycleStage, lifecycleHistory, journeyStage, tags, customFields, externalIds, createdAt,
                updatedAt);
    }

    /**
     * A copy with another title.
     *
     * @param newTitle the title, or null
     * @return the copy
     */
    public Contact withTitle(@Nullable String newTitle) {
        return new Contact(id, tenantId, version, firstName, lastName, emails, phones, newTitle, accountId, ownerId,
                address, lifecycleStage, lifecycleHistory, journeyStage, tags, customFields, externalIds, createdAt,
                updatedAt);
    }

    /**
     * A copy with another account.
     *
     * @param newAccount the account, or null
     * @return the copy
     */
    public Contact withAccount(@Nullable AccountId newAccount) {
        return new Contact(id, tenantId, version, firstName, lastName, emails, phones, title, newAccount, ownerId,
                address, lifecycleStage, lifecycleHistory, journeyStage, tags, customFields, externalIds, createdAt,
                updatedAt);
    }

    /**
     * A copy with another owner.
     *
     * @param newOwner the owner, or null
     * @return the copy
     */
    public Contact withOwner(@Nullable UserId newOwner) {
        return new Contact(id, tenantId, version, firstName, lastName, emails, phones, title, accountId, newOwner,
                address, lifecycleStage, lifecycleHistory, journeyStage, tags, customFields, externalIds, createdAt,
                updatedAt);
    }

    /**
     * A copy with another address.
     *
     * @param newAddress the address, or null
     * @return the copy
     */
    public Contact withAddress(@Nullable PostalAddress newAddress) {
        return new Contact(id, tenantId, version, firstName, lastName, emails, phones, title, accountId, ownerId,
                newAddress, lifecycleStage, lifecycleHistory, journeyStage, tags, customFields, externalIds,
                createdAt, updatedAt);
    }

    /**
     * A copy with another journey stage.
     *
     * @param newJourney the journey stage, or null
     * @return the copy
     */
    public Contact withJourneyStage(@Nullable JourneyStage newJourney) {
        return new Contact(id, tenantId, version, firstName, lastName, emails, phones, title, accountId, ownerId,
                address, lifecycleStage, lifecycleHistory, newJourney, tags, customFields, externalIds, createdAt,
                updatedAt);
    }

    /**
     * A copy with other tags.
     *
     * @param newTags the tags
     * @return the copy
     */
    public Contact withTags(Set<String> newTags) {
        return new Contact(id, tenantId, version, firstName, lastName, emails, phones, title, accountId, ownerId,
                address, lifecycleStage, lifecycleHistory, journeyStage, newTags, customFields, externalIds,
                createdAt, updatedAt);
    }

    /**
     * A copy with other custom field values.
     *
     * @param newFields the values
     * @return the copy
     */
    public Contact withCustomFields(CustomFields newFields) {
        return new Contact(id, tenantId, version, firstName, lastName, emails, phones, title, accountId, ownerId,
                address, lifecycleStage, lifecycleHistory, journeyStage, tags, newFields, externalIds, createdAt,
                updatedAt);
    }

    /**
     * A copy with other ids in other systems.
     *
     * @param newIds the external ids
     * @return the copy
     */
    public Contact withExternalIds(ExternalIds newIds) {
        return new Contact(id, tenantId, version, firstName, lastName, emails, phones, title, accountId, ownerId,
                address, lifecycleStage, lifecycleHistory, journeyStage, tags, customFields, newIds, createdAt,
                updatedAt);
    }

    /**
     * A copy stamped with the time of a change.
     *
     * @param at the time
     * @return the copy
     */
    public Contact withUpdatedAt(Instant at) {
        return new Contact(id, tenantId, version, firstName, lastName, emails, phones, title, accountId, ownerId,
                address, lifecycleStage, lifecycleHistory, journeyStage, tags, customFields, externalIds, createdAt,
                at);
    }

    @Override
    public String toString() {
        return "Contact[id=" + id + ", version=" + version + ", lifecycleStage=" + lifecycleStage + "]";
    }
}
