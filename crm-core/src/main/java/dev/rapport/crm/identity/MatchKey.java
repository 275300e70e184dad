package dev.rapport.crm.identity;

import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.PhoneNumber;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A blocking key: a normalized value that duplicates share, under which the stores index
 * contacts and accounts so that duplicate detection compares only records that share a key and
 * never all pairs. Store implementations index every key {@link #of(Contact)} and
 * {@link #of(Account)} return; e-mail addresses, domains and external ids have their own indexes.
 *
 * <pre>{@code
 * List<MatchKey> keys = MatchKey.of(contact);   // its EMAIL_BASE, EMAIL_DOMAIN and PHONE keys
 * }</pre>
 *
 * @param kind what the value is
 * @param value the normalized value
 */
public record MatchKey(Kind kind, String value) {

    /** What a key's value is. */
    public enum Kind {
        /** A contact's e-mail address without plus-addressing ({@code ada+news@x} becomes {@code ada@x}). */
        EMAIL_BASE,
        /** A contact's normalized phone number. */
        PHONE,
        /** The domain of a contact's e-mail address. */
        EMAIL_DOMAIN,
        /** An identifying word of an account's name (legal forms left out). */
        NAME_TOKEN
    }

    /**
     * Validates the key.
     *
     * @param kind what the value is
     * @param value the normalized value
     * @throws dev.rapport.crm.CrmValidationException if a part is missing
     */
    public MatchKey {
        Checks.notNull(kind, "kind");
        Checks.notNull(value, "value");
    }

    /**
     * The keys of a contact.
     *
     * @param contact the contact
     * @return its keys, without duplicates
     */
    public static List<MatchKey> of(Contact contact) {
        Set<MatchKey> keys = new LinkedHashSet<>();
        for (EmailAddress email : contact.emails()) {
            keys.add(new MatchKey(Kind.EMAIL_BASE, emailBase(email)));
            keys.add(new MatchKey(Kind.EMAIL_DOMAIN, email.domain()));
        }
        for (PhoneNumber phone : contact.phones()) {
            keys.add(new MatchKey(Kind.PHONE, phone.value()));
        }
        return List.copyOf(keys);
    }

    /**
     * The keys of an account.
     *
     * @param account the account
     * @return its keys, without duplicates
     */
    public static List<MatchKey> of(Account account) {
        Set<MatchKey> keys = new LinkedHashSet<>();
        String name = Normalize.name(account.name());
        if (name != null) {
            for (String token : Normalize.companyTokens(name)) {
                keys.add(new MatchKey(Kind.NAME_TOKEN, token));
            }
        }
        return List.copyOf(keys);
    }

    /**
     * An address without plus-addressing: the local part up to its first {@code +}.
     *
     * <pre>{@code
     * MatchKey.emailBase(EmailAddress.of("Ada+News@acme.example"));   // "ada@acme.example"
     * }</pre>
     *
     * @param email the address
     * @return the address without the {@code +tag}
     */
    public static String emailBase(EmailAddress email) {
        String local = email.localPart();
        int plus = local.indexOf('+');
        return plus > 0 ? local.substring(0, plus) + "@" + email.domain() : email.value();
    }

    @Override
    public String toString() {
        return kind + ":" + (kind == Kind.NAME_TOKEN ? value : "***");
    }
}
