/**
 * Custom fields: a typed {@link dev.rapport.crm.field.CustomFieldSchema} per tenant and
 * {@link dev.rapport.crm.field.EntityType} (text, number, decimal, date, boolean, enum, money, each
 * with its constraints), managed by {@link dev.rapport.crm.field.CustomFieldService}, and the
 * validated {@link dev.rapport.crm.field.CustomFields} values records carry. There are no untyped
 * maps: a value of a key the schema does not define is refused.
 */
@NullMarked
package dev.rapport.crm.field;

import org.jspecify.annotations.NullMarked;
