package dev.rapport.crm.governance;

import dev.rapport.crm.Aggregate;
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
        }
        return ids;
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
