package dev.rapport.crm.io;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id of an {@link ExternalKey}: derived from the kind of record and the key itself, so the link
 * for a key is found by its id (the store's primary key), never by a search.
 *
 * <pre>{@code
 * ExternalKeyId id = ExternalKeyId.of("account", "ERP-1042");
 * }</pre>
 *
 * @param value the id, non-blank, at most 128 characters
 */
public record ExternalKeyId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the id, non-blank, at most 128 characters
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public ExternalKeyId {
        value = Checks.nonBlank(value, "externalKeyId");
        Checks.maxLength(value, 128, "externalKeyId");
    }

    /**
     * The id of the link of one external key of one kind of record. Long keys are hashed so the
     * id stays short; equal keys always give equal ids.
     *
     * @param entity the kind of record, e.g. {@code "account"}
     * @param key the external key, as cleansed by the import
     * @return the id
     * @throws dev.rapport.crm.CrmValidationException if a part is blank
     */
    public static ExternalKeyId of(String entity, String key) {
        String kind = Checks.nonBlank(entity, "entity");
        String k = Checks.nonBlank(key, "externalId");
        String raw = kind + ":" + k;
        if (raw.length() <= 100) {
            return new ExternalKeyId(raw);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(k.getBytes(StandardCharsets.UTF_8));
            return new ExternalKeyId(kind + ":#" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
