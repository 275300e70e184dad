/**
 * The Jakarta Persistence adapter of Rapport: {@link dev.rapport.crm.jpa.JpaCrmStore} implements
 * crm-core's {@link dev.rapport.crm.spi.CrmStore} on the host's database, and
 * {@link dev.rapport.crm.jpa.JpaOutbox} delivers the events it wrote to its outbox. Everything else
 * in this package (entities, mappers) is package-private.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().store(JpaCrmStore.owning(emf).build()).build();
 * }</pre>
 */
@NullMarked
package dev.rapport.crm.jpa;

import org.jspecify.annotations.NullMarked;
