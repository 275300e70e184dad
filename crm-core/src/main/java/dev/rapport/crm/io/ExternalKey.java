package dev.rapport.crm.io;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.internal.Checks;
import java.time.Instant;

/**
 * The link from a key in another system (an ERP's customer number, a file's opportunity id) to the
 * record an import made of it. Imports that match by {@link MatchKey#EXTERNAL_ID} find the record
 * through this link, so a second import of the same file updates instead of duplicating.
 *
 * <pre>{@code
 * Optional<ExternalKey> link = tx.externalKeys().find(ExternalKeyId.of("account", "ERP-1042"));
 * link.map(ExternalKey::targetId);   // the account's id
 * }</pre>
 *
 * @param id the id, derived from {@code entity} and {@code key}
 * @param tenantId the tenant
 * @param version the version, 1 when created
 * @param entity the kind of record, e.g. {@code "account"}
 * @param key the external key
 * @param targetId the id of the record in this CRM
 * @param createdAt when the link was made
 */
public record ExternalKey(ExternalKeyId id, TenantId tenantId, long version, String entity, String key,
        String targetId, Instant createdAt) implements Aggregate<ExternalKeyId> {

    /**
     * Validates the link.
     *
     * @param id the id, derived from {@code entity} and {@code key}
     * @param tenantId the tenant
     * @param version the version, 1 when created
     * @param entity the kind of record, e.g. {@code "account"}
     * @param key the external key
     * @param targetId the id of the record in this CRM
     * @param createdAt when the link was made
     * @throws dev.rapport.crm.CrmValidationException naming the field if a value is missing or the id
     *     does not belong to the entity and key
     */
    public ExternalKey {
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        entity = Checks.nonBlank(entity, "entity");
        key = Checks.maxLength(Checks.nonBlank(key, "externalId"), 1000, "externalId");
        targetId = Checks.nonBlank(targetId, "targetId");
        Checks.notNull(createdAt, "createdAt");
        Checks.check(id.equals(ExternalKeyId.of(entity, key)), "id", "must be derived from entity and key");
    }

    @Override
    public String toString() {
        return "ExternalKey[id=" + id + ", targetId=" + targetId + "]";
    }
}
