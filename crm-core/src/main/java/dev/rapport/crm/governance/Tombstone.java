package dev.rapport.crm.governance;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.internal.Checks;
import java.time.Instant;

/**
 * What erasure leaves of one identifier of an erased person: the kind of identifier and a keyed
 * one-way hash of it (in the id), so a later import or capture of the same e-mail address or
 * phone number is recognized and refused, while the identifier itself cannot be read back.
 *
 * <pre>{@code
 * crm.privacy().erase(ada.id(), "request 2026-118");
 * crm.contacts().create(NewContact.named("Ada", "L").email("ada@acme.example"));
 * // throws ErasedIdentityException naming "email"
 * }</pre>
 *
 * @param id the kind and the keyed hash of the identifier
 * @param tenantId the tenant
 * @param version the version, 1 when created
 * @param kind the kind of identifier
 * @param createdAt when the person was erased
 * @param updatedAt the same as createdAt: tombstones do not change
 */
public record Tombstone(TombstoneId id, TenantId tenantId, long version, IdentifierKind kind, Instant createdAt,
        Instant updatedAt) implements Aggregate<TombstoneId> {
    /**
     * Validates the tombstone.
     *
     * @param id the kind and the keyed hash of the identifier
     * @param tenantId the tenant
     * @param version the version, 1 when created
     * @param kind the kind of identifier
     * @param createdAt when the person was erased
     * @param updatedAt the same as createdAt: tombstones do not change
     * @throws dev.rapport.crm.CrmValidationException naming the field if a part is missing
     */
    public Tombstone {
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        Checks.notNull(kind, "kind");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
    }
}
