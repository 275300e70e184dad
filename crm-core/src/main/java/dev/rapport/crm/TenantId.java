package dev.rapport.crm;

import dev.rapport.crm.internal.Checks;

/**
 * The tenant a piece of data belongs to. A host with one customer uses {@link #DEFAULT}; a SaaS
 * host gives each of its customers a tenant and gets a {@link Crm} view per tenant with
 * {@link Crm#forTenant(TenantId)}. No read, search, look-up or event crosses tenants.
 *
 * <pre>{@code
 * Crm acmeCrm = crm.forTenant(TenantId.of("acme"));
 * }</pre>
 *
 * @param value the tenant key, non-blank, at most 64 characters
 */
public record TenantId(String value) implements EntityId {
    /** The tenant of a host that has only one. */
    public static final TenantId DEFAULT = new TenantId("default");

    /**
     * Validates the tenant key.
     *
     * @param value the tenant key, non-blank, at most 64 characters
     * @throws CrmValidationException if the key is blank or longer than 64 characters
     */
    public TenantId {
        value = Checks.nonBlank(value, "tenantId");
        Checks.maxLength(value, 64, "tenantId");
    }

    /**
     * A tenant by key.
     *
     * @param value the tenant key
     * @return the tenant id
     * @throws CrmValidationException if the key is blank or too long
     */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /**
     * Equal to a tenant id of the same value. Written out, as is {@link #hashCode()}: a tenant id
     * keys most look-ups, and the generated record methods go through method handles that cost
     * several times more when not inlined.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof TenantId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
