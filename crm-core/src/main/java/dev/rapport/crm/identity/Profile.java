package dev.rapport.crm.identity;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.ExternalId;
import dev.rapport.crm.party.ExternalIds;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.party.PhoneNumber;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The normalized values of one contact or account (stored or about to be created) that the
 * rules compare.
 */
record Profile(@Nullable EntityId id, boolean person, Set<String> emails, Set<String> emailBases,
        Set<String> phones, Set<String> domains, @Nullable String name, @Nullable String swappedName,
        @Nullable AccountId scope, Set<ExternalId> externalIds) {

    static Profile of(Contact c, @Nullable Account account) {
        return person(c.id(), c.firstName(), c.lastName(), c.emails(), c.phones(), c.accountId(), account,
                c.externalIds());
    }

    static Profile of(NewContact c, @Nullable Account account) {
        return person(null, c.firstName(), c.lastName(), c.emails(), c.phones(), c.accountId(), account,
                c.externalIds());
    }

    static Profile of(Account a) {
        return company(a.id(), a.name(), a.domain(), a.externalIds());
    }

    static Profile of(NewAccount a) {
        return company(null, a.name(), a.domain(), a.externalIds());
    }

    private static Profile person(@Nullable EntityId id, @Nullable String first, @Nullable String last,
            List<EmailAddress> emailList, List<PhoneNumber> phoneList, @Nullable AccountId accountId,
            @Nullable Account account, ExternalIds ids) {
        Set<String> emails = new LinkedHashSet<>();
        Set<String> bases = new LinkedHashSet<>();
        Set<String> domains = new LinkedHashSet<>();
        if (account != null && account.domain() != null) {
            domains.add(account.domain());
        }
        for (EmailAddress e : emailList) {
            emails.add(e.value());
            bases.add(MatchKey.emailBase(e));
            domains.add(e.domain());
        }
        Set<String> phones = new LinkedHashSet<>();
        for (PhoneNumber p : phoneList) {
            phones.add(p.value());
        }
        String name = Normalize.person(first, last);
        String f = Normalize.name(first);
        String l = Normalize.name(last);
        String swapped = f != null && l != null ? l + " " + f : null;
        return new Profile(id, true, Set.copyOf(emails), Set.copyOf(bases), Set.copyOf(phones), Set.copyOf(domains),
                name, swapped, accountId, Set.copyOf(ids.ids()));
    }

    private static Profile company(@Nullable EntityId id, String name, @Nullable String domain, ExternalIds ids) {
        return new Profile(id, false, Set.of(), Set.of(), Set.of(), domain == null ? Set.of() : Set.of(domain),
                Normalize.company(name), null, null, Set.copyOf(ids.ids()));
    }
}
