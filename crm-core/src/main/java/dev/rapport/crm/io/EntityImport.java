package dev.rapport.crm.io;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.field.CustomFieldService;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.field.FieldDefinition;
import dev.rapport.crm.field.FieldValue;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * How rows become records of one kind: the fields, the match keys, and the upsert of one row
 * inside its own command (so a refused row stores nothing).
 */
abstract class EntityImport {
    /** What the upsert of one row did. */
    enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    /**
     * The outcome of one row and the reference keys under which the record can now be found by
     * rows that waited for it.
     */
    record Upserted(Outcome outcome, List<String> keys) {
    }

    /** Custom fields are imported as {@code custom.<key>}, typed by the entity type's schema. */
    static final String CUSTOM = "custom.";

    final ServiceContext context;
    final ImportMapping mapping;
    final MatchKey match;
    private final Map<String, FieldDefinition> customFields = new LinkedHashMap<>();
    private final Set<String> allFields;

    EntityImport(ServiceContext context, ImportMapping mapping) {
        this.context = context;
        this.mapping = mapping;
        for (FieldDefinition definition : new CustomFieldService(context).fields(entityType())) {
            customFields.put(CUSTOM + definition.key(), definition);
        }
        Set<String> all = new TreeSet<>(fields());
        all.addAll(customFields.keySet());
        this.allFields = java.util.Collections.unmodifiableSet(all);
        MatchKey requested = mapping.matchKey();
        this.match = requested == null ? defaultMatch() : requested;
        if (!matchKeys().contains(match)) {
            throw new CrmValidationException("matchBy", "must be one of " + matchKeys() + " for " + plural());
        }
        for (String field : mapping.fieldsNamed()) {
            if (!allFields.contains(field)) {
                throw new CrmValidationException("mapping",
                        "names the field '" + field + "', which " + plural() + " do not have; they have " + allFields);
            }
        }
    }

    abstract String entity();

    abstract EntityType entityType();

    /** The fields of this kind of record and its custom fields ({@code custom.<key>}). */
    Set<String> allFields() {
        return allFields;
    }

    /** The row's custom field values over the stored ones. */
    CustomFields customFields(RowValues row, CustomFields stored) {
        CustomFields result = stored;
        for (Map.Entry<String, FieldDefinition> entry : customFields.entrySet()) {
            String field = entry.getKey();
            if (!row.has(field)) {
                continue;
            }
            FieldValue value = switch (entry.getValue().type()) {
                case TEXT -> FieldValue.text(row.required(field));
                case NUMBER -> {
                    BigDecimal number = row.decimal(field);
                    try {
                        yield FieldValue.number(number.longValueExact());
                    } catch (ArithmeticException e) {
                        throw row.reject(field, "is not a whole number");
                    }
                }
                case DECIMAL -> FieldValue.decimal(row.decimal(field));
                case DATE -> FieldValue.date(row.date(field));
                case BOOLEAN -> FieldValue.bool(bool(row, field));
                case ENUM -> FieldValue.choice(row.required(field));
                case MONEY -> FieldValue.money(row.money(field));
            };
            result = result.with(entry.getValue().key(), value);
        }
        return result;
    }

    private static boolean bool(RowValues row, String field) {
        switch (row.required(field).toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "y", "1":
                return true;
            case "false", "no", "n", "0":
                return false;
            default:
                throw row.reject(field, "is not yes or no");
        }
    }

    abstract String plural();

    abstract Set<String> fields();

    abstract MatchKey defaultMatch();

    abstract Set<MatchKey> matchKeys();

    abstract Upserted upsert(UnitOfWork uow, RowValues row);

    /** The field rows are matched by. */
    String matchField() {
        return switch (match) {
            case EXTERNAL_ID -> "externalId";
            case EMAIL -> "email";
            case NAME -> "name";
            case DOMAIN -> "domain";
        };
    }

    /** The import field a domain validation error names, or null when none maps to it. */
    @Nullable String fieldOf(String domainField) {
        String f = switch (domainField) {
            case "accountId" -> "account";
            case "ownerId", "userId" -> "owner";
            case "parentId" -> "parent";
            case "emails" -> "email";
            case "phones" -> "phone";
            case "callingCode" -> "phone";
            default -> domainField.startsWith("address.") ? domainField.substring("address.".length()) : domainField;
        };
        if (domainField.startsWith("customFields.")) {
            f = CUSTOM + domainField.substring("customFields.".length());
        }
        return allFields.contains(f) ? f : null;
    }

    static Set<String> fieldSet(String... names) {
        return java.util.Collections.unmodifiableSet(new TreeSet<>(Arrays.asList(names)));
    }

    // ---- helpers shared by the kinds of record ----

    /** Links an external key to a record, or checks the link points to it. */
    void link(UnitOfWork uow, String kind, @Nullable String externalId, String targetId, RowValues row) {
        if (externalId == null) {
            return;
        }
        ExternalKeyId id = ExternalKeyId.of(kind, externalId);
        Optional<ExternalKey> existing = uow.tx().externalKeys().find(id);
        if (existing.isPresent()) {
            if (existing.get().targetId().equals(targetId)) {
                return;
            }
            throw row.reject("externalId", "is already linked to another " + kind);
        }
        uow.tx().externalKeys().insert(new ExternalKey(id, uow.tenant(), 1, kind, externalId, targetId, uow.now()));
    }

    /** The id of the record an external key is linked to, if the link exists. */
    static Optional<String> linked(UnitOfWork uow, String kind, String externalId) {
        return uow.tx().externalKeys().find(ExternalKeyId.of(kind, externalId)).map(ExternalKey::targetId);
    }

    /** Drops a link whose record no longer exists, so the key can be linked anew. */
    static void unlink(UnitOfWork uow, String kind, String externalId) {
        uow.tx().externalKeys().delete(ExternalKeyId.of(kind, externalId));
    }

    /** The reference key of an account under a match key, as deferred rows wait for it. */
    static String referenceKey(MatchKey key, String value) {
        return switch (key) {
            case NAME -> "name:" + Account.nameKey(value);
            case DOMAIN -> "domain:" + Account.normalizeDomain(value);
            default -> "ext:" + value;
        };
    }

    /** Finds an account named by a reference cell, under the mapping's reference key. */
    Optional<Account> findAccount(UnitOfWork uow, RowValues row, String field, String value) {
        List<Account> found = switch (mapping.referenceKey()) {
            case NAME -> uow.tx().accounts().findByNameKey(Account.nameKey(value));
            case DOMAIN -> {
                String domain;
                try {
                    domain = Account.normalizeDomain(value);
                } catch (CrmValidationException e) {
                    throw row.reject(field, "is not a domain");
                }
                yield uow.tx().accounts().findByDomain(domain);
            }
            default -> linked(uow, "account", value)
                    .flatMap(id -> uow.tx().accounts().find(AccountId.of(id)))
                    .map(List::of).orElse(List.of());
        };
        if (found.size() > 1) {
            throw row.reject(field, "names " + found.size() + " stored accounts; it must name one");
        }
        return found.stream().findFirst();
    }

    static Set<String> tags(@Nullable String cell) {
        Set<String> tags = new TreeSet<>();
        if (cell != null) {
            for (String tag : cell.split("[;|]")) {
                if (!tag.isBlank()) {
                    tags.add(tag.strip());
                }
            }
        }
        return tags;
    }
}
