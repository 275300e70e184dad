package dev.rapport.crm.governance;

import dev.rapport.crm.spi.AggregateStore;

/**
 * The store port for consent records. A contact's record is found by its id, which is the
 * contact's id, so no secondary index is needed.
 *
 * <pre>{@code
 * Optional<Consent> consent = tx.consents().find(ConsentId.of(ada.id().value()));
 * }</pre>
 */
public interface ConsentStore extends AggregateStore<ConsentId, Consent> {
}
