package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.sales.OpportunityStatus;
import dev.rapport.crm.sales.OpportunityStore;
import dev.rapport.crm.sales.PipelineId;
import java.util.List;

/** Opportunities on {@link OpportunityEntity}, with the mapper between the two. */
final class JpaOpportunityStore extends JpaAggregateStore<OpportunityId, Opportunity, OpportunityEntity>
        implements OpportunityStore {
    JpaOpportunityStore(JpaStoreTransaction tx) {
        super(tx, OpportunityEntity.class, "Opportunity", "RapportOpportunity");
    }

    @Override
    OpportunityEntity newEntity() {
        return new OpportunityEntity();
    }

    @Override
    void copy(Opportunity o, OpportunityEntity e) {
        e.name = o.name();
        e.accountId = o.accountId() == null ? null : o.accountId().value();
        e.amount = o.amount() == null ? null : o.amount().amount();
        e.amountCurrency = o.amount() == null ? null : o.amount().currencyCode();
        e.pipelineId = o.pipelineId().value();
        e.stage = o.stage();
        e.closeDate = o.closeDate();
        e.ownerId = o.ownerId() == null ? null : o.ownerId().value();
        Rows.replace(em(), e.contactRoles, ContactRoleRow.of(o.contactRoles()), Rows::sameRole);
        e.lineItems = Values.list(o.lineItems(), Values::lineItem);
        e.stageHistory = Values.list(o.stageHistory(), Values::stageChange);
        e.status = o.status().name();
        e.closedAt = Values.columnOrNull(o.closedAt());
        e.closedAtNanos = Values.nanos(o.closedAt());
        e.closeReason = o.closeReason();
        e.source = Values.nameOrNull(o.source());
        e.tags = Values.tags(o.tags());
        e.customFields = Values.customFields(o.customFields());
        e.times(o.createdAt(), o.updatedAt());
    }

    @Override
    Opportunity toDomain(OpportunityEntity e) {
        return new Opportunity(OpportunityId.of(e.id), TenantId.of(e.tenantId), e.version, e.name,
                e.accountId == null ? null : AccountId.of(e.accountId), Values.money(e.amount, e.amountCurrency),
                PipelineId.of(e.pipelineId), e.stage, e.closeDate, e.ownerId == null ? null : UserId.of(e.ownerId),
                ContactRoleRow.toDomain(e.contactRoles), Values.list(e.lineItems, Values::lineItemOf),
                Values.list(e.stageHistory, Values::stageChangeOf), OpportunityStatus.valueOf(e.status),
                Values.instantOrNull(e.closedAt, e.closedAtNanos), e.closeReason, Values.enumOrNull(LeadSource.class, e.source),
                Values.tags(e.tags), Values.customFields(e.customFields), e.created(),
                e.updated());
    }

    @Override
    public List<Opportunity> findByAccount(AccountId accountId) {
        return map(where("e.accountId = :account").setParameter("account", accountId.value()).getResultList());
    }

    @Override
    public List<Opportunity> findByOwner(UserId ownerId) {
        return map(where("e.ownerId = :owner").setParameter("owner", ownerId.value()).getResultList());
    }

    @Override
    public List<Opportunity> findByContact(ContactId contactId) {
        return map(em().createQuery("select e from RapportOpportunity e join e.contactRoles r"
                + " where e.tenantId = :tenant and r.contactId = :contact", OpportunityEntity.class)
                .setParameter("tenant", tenant())
                .setParameter("contact", contactId.value())
                .getResultList());
    }

    @Override
    public List<Opportunity> findOpenInStage(PipelineId pipelineId, String stage) {
        return map(where("e.pipelineId = :pipeline and e.stage = :stage and e.status = :open")
                .setParameter("pipeline", pipelineId.value())
                .setParameter("stage", stage)
                .setParameter("open", OpportunityStatus.OPEN.name())
                .getResultList());
    }

    @Override
    public long countInStage(PipelineId pipelineId, String stage) {
        return em().createQuery("select count(e) from RapportOpportunity e where e.tenantId = :tenant"
                + " and e.pipelineId = :pipeline and e.stage = :stage", Long.class)
                .setParameter("tenant", tenant())
                .setParameter("pipeline", pipelineId.value())
                .setParameter("stage", stage)
                .getSingleResult();
    }
}
