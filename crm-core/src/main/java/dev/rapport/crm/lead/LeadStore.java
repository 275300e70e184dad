package dev.rapport.crm.lead;

import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.spi.AggregateStore;
import java.util.List;

/**
 * The store port for leads, with the indexed look-ups the services need. Unlike contacts, several
 * leads may share an e-mail address (the same person filling in two forms).
 *
 * <pre>{@code
 * List<Lead> fromGrace = tx.leads().findByEmail(EmailAddress.of("grace@fleet.example"));
 * }</pre>
 */
public interface LeadStore extends AggregateStore<LeadId, Lead> {
    /**
     * The leads with an e-mail address, ordered by id.
     *
     * @param email the normalized address
     * @return the leads
     */
    List<Lead> findByEmail(EmailAddress email);

    /**
     * The leads an owner owns, ordered by id.
     *
     * @param ownerId the owner
     * @return the leads
     */
    List<Lead> findByOwner(UserId ownerId);

    /**
     * The leads in a status, ordered by id.
     *
     * @param status the status
     * @return the leads
     */
    List<Lead> findByStatus(LeadStatus status);
}
