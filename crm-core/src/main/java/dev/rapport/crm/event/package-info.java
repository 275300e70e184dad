/**
 * The sealed {@link dev.rapport.crm.event.CrmEvent} hierarchy: the only way workflows and integrations learn of changes.
 */
@NullMarked
package dev.rapport.crm.event;

import org.jspecify.annotations.NullMarked;
