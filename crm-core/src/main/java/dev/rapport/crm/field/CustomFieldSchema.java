package dev.rapport.crm.field;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The custom fields of one entity type in one tenant: an ordered list of definitions with unique
 * keys. Versioned like every aggregate; changed through {@code crm.customFields()}.
 *
 * <p>{@link #validate(CustomFields)} is the rule every record's values must follow: no key that is
 * not defined, every value of its field's type and within its constraints, and every required field
 * present (or defaulted). An entity type without a schema accepts no custom field at all.
 *
 * <pre>{@code
 * CustomFieldSchema schema = crm.customFields().define(EntityType.CONTACT,
 *         FieldDefinition.of("birthday", FieldType.DATE));
 * schema.validate(CustomFields.empty().with("birthday", FieldValue.text("May")));
 * // throws CrmValidationException: customFields.birthday: expected DATE but was TEXT
 * }</pre>
 *
 * @param id the id, from the entity type
 * @param tenantId the tenant
 * @param version the version, 1 when the first field was defined
 * @param entityType the entity type
 * @param fields the field definitions, in display order, with unique keys
 * @param createdAt when the schema was first defined
 * @param updatedAt when it last changed
 */
public record CustomFieldSchema(CustomFieldSchemaId id, TenantId tenantId, long version, EntityType entityType,
        List<FieldDefinition> fields, Instant createdAt, Instant updatedAt) implements Aggregate<CustomFieldSchemaId> {

    /** The most fields one entity type may have. */
    public static final int MAX_FIELDS = 500;

    /**
     * Validates the schema.
     *
     * @param id the id, from the entity type
     * @param tenantId the tenant
     * @param version the version, 1 when the first field was defined
     * @param entityType the entity type
     * @param fields the field definitions, in display order, with unique keys
     * @param createdAt when the schema was first defined
     * @param updatedAt when it last changed
     * @throws CrmValidationException naming the field if a part is missing, the id is not the
     *     entity type's, a key is repeated or there are too many fields
     */
    public CustomFieldSchema {
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        Checks.notNull(entityType, "entityType");
        if (!id.equals(CustomFieldSchemaId.of(entityType))) {
            throw new CrmValidationException("id", "must be the id of the entity type");
        }
        fields = Checks.list(fields, "fields");
        Set<String> keys = new HashSet<>();
        for (FieldDefinition field : fields) {
            if (!keys.add(field.key())) {
                throw new CrmValidationException("fields", "must not define a key twice");
            }
        }
        if (fields.size() > MAX_FIELDS) {
            throw new CrmValidationException("fields", "must not have more than " + MAX_FIELDS + " fields");
        }
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new CrmValidationException("updatedAt", "must not be before createdAt");
        }
    }

    /**
     * The definition of a field.
     *
     * @param key the field key
     * @return the definition, or empty if the schema has no such field
     */
    public Optional<FieldDefinition> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /**
     * A copy with a field added at the end, or replacing the field of the same key in place.
     *
     * @param definition the definition
     * @return the copy (same version; the service stores it at the next)
     * @throws CrmValidationException if the schema would have too many fields
     */
    public CustomFieldSchema withField(FieldDefinition definition) {
        Checks.notNull(definition, "definition");
        List<FieldDefinition> next = new ArrayList<>(fields);
        int at = indexOf(definition.key());
        if (at >= 0) {
            next.set(at, definition);
        } else {
            next.add(definition);
        }
        return new CustomFieldSchema(id, tenantId, version, entityType, next, createdAt, updatedAt);
    }

    /**
     * A copy without a field.
     *
     * @param key the field key
     * @return the copy, or this schema if it has no such field
     */
    public CustomFieldSchema withoutField(String key) {
        int at = indexOf(key);
        if (at < 0) {
            return this;
        }
        List<FieldDefinition> next = new ArrayList<>(fields);
        next.remove(at);
        return new CustomFieldSchema(id, tenantId, version, entityType, next, createdAt, updatedAt);
    }

    /**
     * A copy at another version, stamped with the time of a change.
     *
     * @param next the version
     * @param at the time of the change
     * @return the copy
     */
    public CustomFieldSchema withVersion(long next, Instant at) {
        return new CustomFieldSchema(id, tenantId, next, entityType, fields, createdAt, at);
    }

    private int indexOf(String key) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks a record's custom field values against this schema.
     *
     * @param values the values
     * @throws CrmValidationException naming {@code customFields.<key>} and the reason: the key is not
     *     defined, the value has the wrong type or breaks a constraint, or a required field is missing
     */
    public void validate(CustomFields values) {
        validate(entityType, fields, values);
    }

    /**
     * Checks a record's custom field values against the schema of its entity type, or, when the
     * type has none, refuses every value: a typed model has no untyped extras.
     *
     * <pre>{@code
     * CustomFieldSchema.validate(EntityType.LEAD, tx.customFieldSchemas()
     *         .findByEntityType(EntityType.LEAD).orElse(null), lead.customFields());
     * }</pre>
     *
     * @param type the entity type
     * @param schema the type's schema, or null if it has none
     * @param values the values
     * @throws CrmValidationException naming {@code customFields.<key>} and the reason
     */
    public static void validate(EntityType type, @Nullable CustomFieldSchema schema, CustomFields values) {
        Checks.notNull(type, "entityType");
        if (schema != null && schema.entityType() != type) {
            throw new IllegalArgumentException("schema of " + schema.entityType() + " used for " + type);
        }
        validate(type, schema == null ? List.of() : schema.fields(), values);
    }

    private static void validate(EntityType type, List<FieldDefinition> fields, CustomFields values) {
        Checks.notNull(values, "customFields");
        for (Map.Entry<String, FieldValue> entry : values.asMap().entrySet()) {
            String key = entry.getKey();
            FieldDefinition definition = fields.stream().filter(f -> f.key().equals(key)).findFirst()
                    .orElseThrow(() -> new CrmValidationException("customFields." + key,
                            "is not a custom field of " + type));
            Optional<String> problem = definition.violation(entry.getValue());
            if (problem.isPresent()) {
                throw new CrmValidationException("customFields." + key, problem.get());
            }
        }
        for (FieldDefinition definition : fields) {
            if (definition.required() && definition.defaultValue() == null
                    && values.get(definition.key()).isEmpty()) {
                throw new CrmValidationException("customFields." + definition.key(), "is required");
            }
        }
    }

    /**
     * The value a record has for a field: its own, or else the field's default.
     *
     * <pre>{@code
     * Optional<FieldValue> tier = schema.valueOf(contact.customFields(), "tier");
     * }</pre>
     *
     * @param values the record's values
     * @param key the field key
     * @return the value, or empty if the record has none and the field no default (or no such field)
     */
    public Optional<FieldValue> valueOf(CustomFields values, String key) {
        Optional<FieldValue> own = values.get(key);
        if (own.isPresent()) {
            return own;
        }
        return field(key).map(FieldDefinition::defaultValue);
    }
}
