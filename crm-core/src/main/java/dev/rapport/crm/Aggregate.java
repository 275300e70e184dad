package dev.rapport.crm;

/**
 * An aggregate: a consistency boundary with an identity, a tenant and a version. Every update
 * must be based on the current version; a stale one is refused with {@link CrmConflictException}.
 *
 * <pre>{@code
 * Contact c = crm.contacts().get(id);
 * long v = c.version();   // 1 after creation, +1 per stored change
 * }</pre>
 *
 * @param <I> the id type
 */
public interface Aggregate<I extends EntityId> {
    /**
     * The identity.
     *
     * @return the id
     */
    I id();

    /**
     * The tenant the aggregate belongs to.
     *
     * @return the tenant
     */
    TenantId tenantId();

    /**
     * The version: 1 when created, incremented by every stored change.
     *
     * @return the version
     */
    long version();
}
