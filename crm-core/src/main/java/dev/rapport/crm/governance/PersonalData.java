package dev.rapport.crm.governance;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.Qualification;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.PhoneNumber;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.service.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Which stored records carry identifiers of a person, and which. */
final class PersonalData {
    /** One normalized identifier of a person. */
    record Identifier(IdentifierKind kind, String value) {
        @Override
        public String toString() {
            return "Identifier[" + kind + "]";
        }
    }

    private PersonalData() {
    }

    /** The e-mail addresses and phone numbers a record holds of a person; none for other records. */
    static List<Identifier> identifiers(Aggregate<?> aggregate) {
        List<Identifier> ids = new ArrayList<>();
        if (aggregate instanceof Contact c) {
            emails(c.emails(), ids);
            phones(c.phones(), ids);
        } else if (aggregate instanceof Lead l) {
            if (l.email() != null) {
                emails(List.of(l.email()), ids);
            }
            if (l.phone() != null) {
                phones(List.of(l.phone()), ids);
            }
        }
        return ids;
    }

    /**
     * The contact with its personal data removed: names, addresses, numbers, title, postal
     * address, tags, custom fields and its ids in other systems (aliases). Its id, account, owner and lifecycle stay, so counts and
     * revenue remain right; a contact needs a name, so it keeps a placeholder last name.
     */
    static Contact anonymous(Contact c, Instant at) {
        Map<String, @Nullable Object> erased = stored(c.version(), at);
        erased.put("firstName", null);
        erased.put("lastName", PrivacyService.ERASED_NAME);
        erased.put("emails", List.of());
        erased.put("phones", List.of());
        erased.put("title", null);
        erased.put("address", null);
        erased.put("tags", Set.of());
        erased.put("customFields", CustomFields.empty());
        erased.put("externalIds", dev.rapport.crm.party.ExternalIds.none());
        return Redaction.with(c, erased);
    }

    /**
     * The lead with its personal data removed: names, address, number, company and its domain
     * (a sole trader's company names the person), title, free texts, tags and custom fields.
     * Source, status, score, owner, country and the conversion link stay, for the lead metrics.
     */
    static Lead anonymous(Lead l, Instant at) {
        Qualification q = l.qualification();
        Qualification kept = q == null ? null : new Qualification(q.budget(), q.authority(), q.need(), q.timeline(),
                q.budget() || q.authority() || q.need() || q.timeline() ? null : PrivacyService.ERASED_NAME);
        Map<String, @Nullable Object> erased = stored(l.version(), at);
        erased.put("firstName", null);
        erased.put("lastName", PrivacyService.ERASED_NAME);
        erased.put("email", null);
        erased.put("phone", null);
        erased.put("company", PrivacyService.ERASED_NAME);
        erased.put("companyDomain", null);
        erased.put("title", null);
        erased.put("qualification", kept);
        erased.put("disqualificationReason", l.disqualificationReason() == null ? null : PrivacyService.ERASED_NAME);
        erased.put("tags", Set.of());
        erased.put("customFields", CustomFields.empty());
        return Redaction.with(l, erased);
    }

    /** An activity without its subject and body (the purchase, type and links stay). */
    static Activity anonymous(Activity a, Instant at) {
        Map<String, @Nullable Object> erased = stored(a.version(), at);
        erased.put("subject", null);
        erased.put("body", null);
        return Redaction.with(a, erased);
    }

    /** A ticket without its subject and description (priority, status and SLA times stay). */
    static Ticket anonymous(Ticket t, Instant at) {
        Map<String, @Nullable Object> erased = stored(t.version(), at);
        erased.put("subject", PrivacyService.ERASED_NAME);
        erased.put("description", null);
        return Redaction.with(t, erased);
    }

    /** A task without its title and description. */
    static Task anonymous(Task t, Instant at) {
        Map<String, @Nullable Object> erased = stored(t.version(), at);
        erased.put("title", PrivacyService.ERASED_NAME);
        erased.put("description", null);
        return Redaction.with(t, erased);
    }

    private static Map<String, @Nullable Object> stored(long version, Instant at) {
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("version", version + 1);
        values.put("updatedAt", at);
        return values;
    }

    static void emails(List<EmailAddress> emails, List<Identifier> into) {
        for (EmailAddress e : emails) {
            into.add(new Identifier(IdentifierKind.EMAIL, e.value()));
        }
    }

    static void phones(List<PhoneNumber> phones, List<Identifier> into) {
        for (PhoneNumber p : phones) {
            into.add(new Identifier(IdentifierKind.PHONE, p.value()));
        }
    }
}
