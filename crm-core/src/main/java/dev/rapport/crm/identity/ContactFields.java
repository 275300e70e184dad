package dev.rapport.crm.identity;

import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.lifecycle.JourneyStage;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.PhoneNumber;
import dev.rapport.crm.party.PostalAddress;
import java.util.List;
import java.util.Set;

/**
 * The contact fields survivorship rules decide on. E-mail addresses and external ids are not
 * among them: a merge always keeps both records' ones (the loser's as aliases of the survivor),
 * and the lifecycle keeps the stage further along.
 *
 * <pre>{@code
 * Survivorship.contactDefaults().with(ContactFields.PHONES, SurvivorshipRule.keepSurvivor());
 * }</pre>
 */
public final class ContactFields {
    /** The given name. */
    public static final MergeField<Contact, String> FIRST_NAME = new MergeField<>("firstName", Contact::firstName,
            (c, v) -> c.withName(v, c.lastName()));
    /** The family name. */
    public static final MergeField<Contact, String> LAST_NAME = new MergeField<>("lastName", Contact::lastName,
            (c, v) -> c.withName(c.firstName(), v));
    /** The phone numbers. */
    public static final MergeField<Contact, List<PhoneNumber>> PHONES = new MergeField<>("phones", Contact::phones,
            (c, v) -> c.withPhones(v == null ? List.of() : v));
    /** The job title. */
    public static final MergeField<Contact, String> TITLE = new MergeField<>("title", Contact::title,
            Contact::withTitle);
    /** The account. */
    public static final MergeField<Contact, AccountId> ACCOUNT = new MergeField<>("accountId", Contact::accountId,
            Contact::withAccount);
    /** The owner. */
    public static final MergeField<Contact, UserId> OWNER = new MergeField<>("ownerId", Contact::ownerId,
            Contact::withOwner);
    /** The postal address. */
    public static final MergeField<Contact, PostalAddress> ADDRESS = new MergeField<>("address", Contact::address,
            Contact::withAddress);
    /** The customer journey stage. */
    public static final MergeField<Contact, JourneyStage> JOURNEY_STAGE = new MergeField<>("journeyStage",
            Contact::journeyStage, Contact::withJourneyStage);
    /** The tags. */
    public static final MergeField<Contact, Set<String>> TAGS = new MergeField<>("tags", Contact::tags,
            (c, v) -> c.withTags(v == null ? Set.of() : v));
    /** The custom field values. */
    public static final MergeField<Contact, CustomFields> CUSTOM_FIELDS = new MergeField<>("customFields",
            Contact::customFields, (c, v) -> c.withCustomFields(v == null ? CustomFields.empty() : v));

    private ContactFields() {
    }

    static List<MergeField<Contact, ?>> all() {
        return List.of(FIRST_NAME, LAST_NAME, PHONES, TITLE, ACCOUNT, OWNER, ADDRESS, JOURNEY_STAGE, TAGS,
                CUSTOM_FIELDS);
    }
}
