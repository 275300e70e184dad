package dev.rapport.crm.party;

import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.identity.MatchKey;
import dev.rapport.crm.spi.AggregateStore;
import java.util.List;
import java.util.Optional;

/**
 * The store port for accounts, with the indexed look-ups the services need.
 *
 * <pre>{@code
 * List<Account> sameCompany = tx.accounts().findByDomain("acme.example");
 * }</pre>
 */
public interface AccountStore extends AggregateStore<AccountId, Account> {
    /**
     * The accounts with a normalized domain, ordered by id.
     *
     * @param domain the normalized domain
     * @return the accounts
     */
    List<Account> findByDomain(String domain);

    /**
     * The direct subsidiaries of an account, ordered by id.
     *
     * @param parentId the parent
     * @return the children
     */
    List<Account> findChildren(AccountId parentId);

    /**
     * The accounts an owner owns, ordered by id.
     *
     * @param ownerId the owner
     * @return the accounts
     */
    List<Account> findByOwner(UserId ownerId);

    /**
     * The accounts whose name has a matching key ({@link Account#nameKey(String)}), ordered by id.
     *
     * @param nameKey the name key
     * @return the accounts
     */
    List<Account> findByNameKey(String nameKey);

    /**
     * The account that has an id of another system. Each pair belongs to at most one account.
     *
     * @param id the external id
     * @return the account, or empty
     */
    Optional<Account> findByExternalId(ExternalId id);

    /**
     * The accounts under a blocking key ({@link MatchKey#of(Account)}), ordered by id.
     *
     * @param key the key
     * @return the accounts
     */
    List<Account> findByMatchKey(MatchKey key);

    /**
     * The accounts on which a contact has a role, ordered by id.
     *
     * @param contactId the contact
     * @return the accounts
     */
    List<Account> findByContactRole(ContactId contactId);
}
