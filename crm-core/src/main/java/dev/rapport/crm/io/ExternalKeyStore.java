package dev.rapport.crm.io;

import dev.rapport.crm.spi.AggregateStore;

/**
 * The store port for {@link ExternalKey} links. A link is found by its derived id, so the port
 * needs no look-up beyond the primary key.
 *
 * <pre>{@code
 * tx.externalKeys().find(ExternalKeyId.of("opportunity", "1C1I7A6R"));
 * }</pre>
 */
public interface ExternalKeyStore extends AggregateStore<ExternalKeyId, ExternalKey> {
}
