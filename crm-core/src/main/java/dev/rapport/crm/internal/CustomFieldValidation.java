package dev.rapport.crm.internal;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.field.CustomFieldSchema;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.EntityType;

/**
 * Checks a record's custom field values against its entity type's schema, inside the command
 * that stores the record, so a refused value leaves nothing stored and emits no event.
 * Internal: not API; services of every feature package call it.
 *
 * <p>In {@code create}: {@code CustomFieldValidation.check(uow, EntityType.LEAD, command.customFields());}
 * <br>In {@code update}: {@code CustomFieldValidation.checkUpdate(uow, EntityType.LEAD,
 * current.customFields(), edited.customFields());}
 *
 * <p>An update that leaves the values untouched is not checked again, so values stored under an
 * older schema (a field since removed, or made stricter) do not block unrelated edits; an update
 * that changes them must make all of them valid under the current schema.
 */
public final class CustomFieldValidation {
    private CustomFieldValidation() {
    }

    /**
     * Checks the values of a new record.
     *
     * @param uow the command's unit of work
     * @param type the record's entity type
     * @param values the record's values
     * @throws CrmValidationException naming {@code customFields.<key>} and the reason
     */
    public static void check(UnitOfWork uow, EntityType type, CustomFields values) {
        CustomFieldSchema.validate(type, uow.tx().customFieldSchemas().findByEntityType(type).orElse(null), values);
    }

    /**
     * Checks the values of a changed record, if they changed.
     *
     * @param uow the command's unit of work
     * @param type the record's entity type
     * @param before the stored values
     * @param after the values to store
     * @throws CrmValidationException naming {@code customFields.<key>} and the reason
     */
    public static void checkUpdate(UnitOfWork uow, EntityType type, CustomFields before, CustomFields after) {
        if (!before.equals(after)) {
            check(uow, type, after);
        }
    }
}
