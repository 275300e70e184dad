package dev.rapport.crm.sales;

import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.spi.AggregateStore;
import java.util.List;

/**
 * The store port for opportunities, with the indexed look-ups the services need. Every look-up
 * is answered from an index, never by scanning the tenant's opportunities.
 *
 * <pre>{@code
 * List<Opportunity> inProposal = tx.opportunities().findOpenInStage(pipeline.id(), "proposal");
 * }</pre>
 */
public interface OpportunityStore extends AggregateStore<OpportunityId, Opportunity> {
    /**
     * The opportunities of an account, ordered by id.
     *
     * @param accountId the account
     * @return the opportunities
     */
    List<Opportunity> findByAccount(AccountId accountId);

    /**
     * The opportunities an owner owns, ordered by id.
     *
     * @param ownerId the owner
     * @return the opportunities
     */
    List<Opportunity> findByOwner(UserId ownerId);

    /**
     * The opportunities on which a contact has a role, ordered by id.
     *
     * @param contactId the contact
     * @return the opportunities
     */
    List<Opportunity> findByContact(ContactId contactId);

    /**
     * The open opportunities in one stage of one pipeline, ordered by id.
     *
     * @param pipelineId the pipeline
     * @param stage the stage key
     * @return the opportunities
     */
    List<Opportunity> findOpenInStage(PipelineId pipelineId, String stage);

    /**
     * How many opportunities, open or closed, are in one stage of one pipeline.
     *
     * @param pipelineId the pipeline
     * @param stage the stage key
     * @return the count
     */
    long countInStage(PipelineId pipelineId, String stage);
}
