package dev.rapport.crm.field;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.event.CustomFieldSchemaChanged;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.spi.StoreTransaction;
import java.util.List;
import java.util.Optional;

/**
 * The custom field schemas of one tenant, one per entity type, and the validation of custom field
 * values against them. Records of every type are checked when they are created or updated; an
 * entity type without a schema accepts no custom field.
 *
 * <p>Schema changes and existing records:
 * <ul>
 *   <li>{@link #define} adds a field, or replaces the definition of the same key (its label,
 *       options, constraints, default). It never changes a field's type: remove the field first.</li>
 *   <li>A required field without a default value can only be added (or an optional field made
 *       required) while the tenant has no record of the entity type; otherwise the records stored
 *       before it would break the schema. Give a default, which such records then read
 *       ({@link CustomFieldSchema#valueOf}).</li>
 *   <li>{@link #remove} removes a field. Values records already hold stay stored (nothing is
 *       rewritten): they do not block updates that leave the record's custom fields as they are,
 *       and an update that changes the custom fields must drop them.</li>
 * </ul>
 *
 * <pre>{@code
 * crm.customFields().define(EntityType.ACCOUNT, FieldDefinition.of("tier", FieldType.ENUM)
 *         .options("bronze", "silver", "gold"));
 * crm.accounts().create(NewAccount.named("Acme").field("tier", FieldValue.choice("gold")));
 * crm.customFields().validate(EntityType.ACCOUNT,
 *         CustomFields.empty().with("tier", FieldValue.choice("platinum")));
 * // throws CrmValidationException: customFields.tier: is not one of the allowed options
 * }</pre>
 */
public final class CustomFieldService {
    private final ServiceContext context;

    /**
     * Creates the service. Hosts get it from {@code crm.customFields()}.
     *
     * @param context the service context
     */
    public CustomFieldService(ServiceContext context) {
        this.context = context;
    }

    /**
     * Defines a field of an entity type, or redefines the field with the same key.
     *
     * @param type the entity type
     * @param definition the field
     * @return the stored schema, at its next version (or unchanged if the definition was already there)
     * @throws CrmValidationException naming {@code options} if an ENUM field has none, {@code type} if
     *     the key is defined with another type, {@code required} if a required field without a
     *     default is added while records of the type exist, or {@code fields} if there are too many
     */
    public CustomFieldSchema define(EntityType type, FieldDefinition definition) {
        Checks.notNull(type, "entityType");
        Checks.notNull(definition, "definition");
        if (definition.type() == FieldType.ENUM && definition.options().isEmpty()) {
            throw new CrmValidationException("options", "an ENUM field needs at least one option");
        }
        return context.write(uow -> {
            Optional<CustomFieldSchema> stored = uow.tx().customFieldSchemas().findByEntityType(type);
            Optional<FieldDefinition> previous = stored.flatMap(s -> s.field(definition.key()));
            if (previous.isPresent() && previous.get().equals(definition)) {
                return stored.get();
            }
            if (previous.isPresent() && previous.get().type() != definition.type()) {
                throw new CrmValidationException("type", "cannot change from " + previous.get().type() + " to "
                        + definition.type() + "; remove the field first");
            }
            boolean newlyRequired = definition.required() && previous.map(p -> !p.required()).orElse(true);
            if (newlyRequired && definition.defaultValue() == null && mayHaveRecords(uow.tx(), type)) {
                throw new CrmValidationException("required",
                        "a required field without a default value cannot be added while " + type
                                + " records exist");
            }
            CustomFieldSchema next;
            if (stored.isPresent()) {
                next = stored.get().withField(definition).withVersion(stored.get().version() + 1, uow.now());
                uow.tx().customFieldSchemas().update(next);
            } else {
                next = new CustomFieldSchema(CustomFieldSchemaId.of(type), uow.tenant(), 1, type,
                        List.of(definition), uow.now(), uow.now());
                uow.tx().customFieldSchemas().insert(next);
            }
            uow.emit(new CustomFieldSchemaChanged(uow.meta(), next.id(), type, definition.key(), false,
                    next.version()));
            return next;
        });
    }

    /**
     * Removes a field of an entity type. Values records hold stay stored (see the class comment).
     *
     * @param type the entity type
     * @param key the field key
     * @return the stored schema, at its next version
     * @throws CrmValidationException naming {@code key} if the type has no such field
     */
    public CustomFieldSchema remove(EntityType type, String key) {
        Checks.notNull(type, "entityType");
        Checks.notNull(key, "key");
        return context.write(uow -> {
            CustomFieldSchema stored = uow.tx().customFieldSchemas().findByEntityType(type)
                    .filter(s -> s.field(key).isPresent())
                    .orElseThrow(() -> new CrmValidationException("key", "is not a custom field of " + type));
            CustomFieldSchema next = stored.withoutField(key).withVersion(stored.version() + 1, uow.now());
            uow.tx().customFieldSchemas().update(next);
            uow.emit(new CustomFieldSchemaChanged(uow.meta(), next.id(), type, key, true, next.version()));
            return next;
        });
    }

    /**
     * The schema of an entity type.
     *
     * @param type the entity type
     * @return the schema, or empty if no field was ever defined for the type
     */
    public Optional<CustomFieldSchema> schema(EntityType type) {
        Checks.notNull(type, "entityType");
        return context.read(tx -> tx.customFieldSchemas().findByEntityType(type));
    }

    /**
     * The fields of an entity type, in display order.
     *
     * @param type the entity type
     * @return the definitions; empty if the type has no schema
     */
    public List<FieldDefinition> fields(EntityType type) {
        return schema(type).map(CustomFieldSchema::fields).orElse(List.of());
    }

    /**
     * Checks custom field values against an entity type's schema, as creating or updating a record
     * of that type does.
     *
     * @param type the entity type
     * @param values the values
     * @throws CrmValidationException naming {@code customFields.<key>} and the reason: the key is not
     *     defined (always, when the type has no schema), the value has the wrong type (e.g.
     *     {@code "expected DATE but was TEXT"}), is not an allowed option, is too long, out of range or
     *     in another currency, or a required field is missing
     */
    public void validate(EntityType type, CustomFields values) {
        Checks.notNull(type, "entityType");
        Checks.notNull(values, "customFields");
        context.read(tx -> {
            CustomFieldSchema.validate(type, tx.customFieldSchemas().findByEntityType(type).orElse(null), values);
            return null;
        });
    }

    /**
     * Whether the tenant may hold records of a type. Types whose store this service cannot count
     * are taken to have records, which only makes {@link #define} ask for a default.
     */
    private static boolean mayHaveRecords(StoreTransaction tx, EntityType type) {
        return switch (type) {
            case CONTACT -> tx.contacts().count() > 0;
            case ACCOUNT -> tx.accounts().count() > 0;
            case SUBSCRIPTION -> tx.subscriptions().count() > 0;
            case OPPORTUNITY -> tx.opportunities().count() > 0;
            case LEAD -> tx.leads().count() > 0;
            case ACTIVITY -> tx.activities().count() > 0;
            case TASK -> tx.tasks().count() > 0;
            case TICKET -> tx.tickets().count() > 0;
            case CAMPAIGN -> tx.campaigns().count() > 0;
        };
    }
}
