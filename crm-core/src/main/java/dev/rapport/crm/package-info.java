/**
 * The entry point of Rapport: the {@link dev.rapport.crm.Crm} facade, tenants, actors and the typed errors every service throws.
 */
@NullMarked
package dev.rapport.crm;

import org.jspecify.annotations.NullMarked;
