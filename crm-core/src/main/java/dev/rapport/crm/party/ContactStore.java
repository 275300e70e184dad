package dev.rapport.crm.party;

import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.identity.MatchKey;
import dev.rapport.crm.spi.AggregateStore;
import java.util.List;
import java.util.Optional;

/**
 * The store port for contacts, with the indexed look-ups the services need.
 *
 * <pre>{@code
 * Optional<Contact> ada = tx.contacts().findByEmail(EmailAddress.of("ada@acme.example"));
 * }</pre>
 */
public interface ContactStore extends AggregateStore<ContactId, Contact> {
    /**
     * The contact that has an address (any of its addresses). Addresses are unique per tenant.
     *
     * @param email the normalized address
     * @return the contact, or empty
     */
    Optional<Contact> findByEmail(EmailAddress email);

    /**
     * The contacts of an account, ordered by id.
     *
     * @param accountId the account
     * @return the contacts
     */
    List<Contact> findByAccount(AccountId accountId);

    /**
     * The contacts an owner owns, ordered by id.
     *
     * @param ownerId the owner
     * @return the contacts
     */
    List<Contact> findByOwner(UserId ownerId);

    /**
     * The contact that has an id of another system. Each pair belongs to at most one contact.
     *
     * @param id the external id
     * @return the contact, or empty
     */
    Optional<Contact> findByExternalId(ExternalId id);

    /**
     * The contacts under a blocking key ({@link MatchKey#of(Contact)}), ordered by id.
     *
     * @param key the key
     * @return the contacts
     */
    List<Contact> findByMatchKey(MatchKey key);
}
