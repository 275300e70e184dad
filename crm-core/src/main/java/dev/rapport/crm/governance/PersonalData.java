package dev.rapport.crm.governance;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.Qualification;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.PhoneNumber;
import java.util.ArrayList;
import java.util.List;

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
     * address, tags and custom fields. Its id, account, owner and lifecycle stay, so counts and
     * revenue remain right; a contact needs a name, so it keeps a placeholder last name.
     */
    static Contact anonymous(Contact c, java.time.Instant at) {
        return new Contact(c.id(), c.tenantId(), c.version() + 1, null, PrivacyService.ERASED_NAME, List.of(),
                List.of(), null, c.accountId(), c.ownerId(), null, c.lifecycleStage(), c.lifecycleHistory(),
                c.journeyStage(), java.util.Set.of(), dev.rapport.crm.field.CustomFields.empty(), c.createdAt(), at);
    }

    /**
     * The lead with its personal data removed: names, address, number, company and its domain
     * (a sole trader's company names the person), title, free texts, tags and custom fields.
     * Source, status, score, owner, country and the conversion link stay, for the lead metrics.
     */
    static Lead anonymous(Lead l, java.time.Instant at) {
        Qualification q = l.qualification();
        Qualification kept = q == null ? null : new Qualification(q.budget(), q.authority(), q.need(), q.timeline(),
                q.budget() || q.authority() || q.need() || q.timeline() ? null : PrivacyService.ERASED_NAME);
        return new Lead(l.id(), l.tenantId(), l.version() + 1, l.source(), l.status(), null,
                PrivacyService.ERASED_NAME, null, null, PrivacyService.ERASED_NAME, null, null, l.country(), l.score(),
                l.ownerId(), kept, l.disqualificationReason() == null ? null : PrivacyService.ERASED_NAME,
                l.conversion(), java.util.Set.of(), dev.rapport.crm.field.CustomFields.empty(), l.createdAt(), at);
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
