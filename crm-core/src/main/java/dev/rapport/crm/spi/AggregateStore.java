package dev.rapport.crm.spi;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import java.util.Optional;

/**
 * The store port of one aggregate type, within one {@link StoreTransaction} of one tenant.
 * Implementations never return or touch another tenant's rows.
 *
 * <p>Contract: {@link #insert} requires version 1 and a new id; {@link #update} requires the
 * aggregate's version to be exactly the stored version plus one, otherwise it throws
 * {@link CrmConflictException} and changes nothing. Listings are ordered by id.
 *
 * <pre>{@code
 * Contact current = tx.contacts().find(id).orElseThrow();
 * tx.contacts().update(current.withTitle("CTO").withVersion(current.version() + 1));
 * }</pre>
 *
 * @param <I> the id type
 * @param <T> the aggregate type
 */
public interface AggregateStore<I extends EntityId, T extends Aggregate<I>> {
    /**
     * Finds an aggregate by id.
     *
     * @param id the id
     * @return the aggregate, or empty if this tenant has none with that id
     */
    Optional<T> find(I id);

    /**
     * Stores a new aggregate.
     *
     * @param aggregate the aggregate, at version 1
     * @throws CrmConflictException if the id is taken
     * @throws IllegalArgumentException if the version is not 1 or the tenant is not the transaction's
     */
    void insert(T aggregate);

    /**
     * Stores a new version of an aggregate.
     *
     * @param aggregate the aggregate, at the stored version plus one
     * @throws CrmConflictException if the stored version is not the aggregate's version minus one
     * @throws dev.rapport.crm.CrmNotFoundException if nothing is stored under the id
     */
    void update(T aggregate);

    /**
     * Removes an aggregate (used by erasure and merge, never by ordinary updates).
     *
     * @param id the id
     * @return true if something was removed
     */
    boolean delete(I id);

    /**
     * One page of all aggregates of this type, ordered by id.
     *
     * @param request the page
     * @return the page
     */
    Page<T> list(PageRequest request);

    /**
     * How many aggregates of this type the tenant has.
     *
     * @return the count
     */
    long count();
}
