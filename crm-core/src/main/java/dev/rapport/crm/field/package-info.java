/**
 * Custom fields: a typed schema per entity type and validated values.
 */
@NullMarked
package dev.rapport.crm.field;

import org.jspecify.annotations.NullMarked;
