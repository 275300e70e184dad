package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.lead.ConversionLink;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.LeadStore;
import dev.rapport.crm.lead.Qualification;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.PhoneNumber;
import dev.rapport.crm.sales.OpportunityId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Leads on {@link LeadEntity}, with the mapper between the two. */
final class JpaLeadStore extends JpaAggregateStore<LeadId, Lead, LeadEntity> implements LeadStore {
    JpaLeadStore(JpaStoreTransaction tx) {
        super(tx, LeadEntity.class, "Lead", "RapportLead");
    }

    @Override
    LeadEntity newEntity() {
        return new LeadEntity();
    }

    @Override
    void copy(Lead l, LeadEntity e) {
        e.source = l.source().name();
        e.status = l.status().name();
        e.firstName = l.firstName();
        e.lastName = l.lastName();
        e.email = l.email() == null ? null : l.email().value();
        e.phone = l.phone() == null ? null : l.phone().value();
        e.phoneExtension = l.phone() == null ? null : l.phone().extension();
        e.company = l.company();
        e.companyDomain = l.companyDomain();
        e.title = l.title();
        e.country = l.country();
        e.score = l.score();
        e.ownerId = l.ownerId() == null ? null : l.ownerId().value();
        e.qualification = l.qualification() == null ? null : Json.write(qualification(l.qualification()));
        e.disqualificationReason = l.disqualificationReason();
        ConversionLink c = l.conversion();
        e.convertedContactId = c == null ? null : c.contactId().value();
        e.convertedAccountId = c == null || c.accountId() == null ? null : c.accountId().value();
        e.convertedOpportunityId = c == null || c.opportunityId() == null ? null : c.opportunityId().value();
        e.convertedAt = c == null ? null : Values.column(c.convertedAt());
        e.convertedAtNanos = c == null ? 0 : Values.nanos(c.convertedAt());
        e.tags = Values.tags(l.tags());
        e.customFields = Values.customFields(l.customFields());
        e.times(l.createdAt(), l.updatedAt());
    }

    private static Map<String, @Nullable Object> qualification(Qualification q) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("budget", q.budget());
        out.put("authority", q.authority());
        out.put("need", q.need());
        out.put("timeline", q.timeline());
        out.put("note", q.note());
        return out;
    }

    private static @Nullable Qualification qualificationOf(@Nullable String json) {
        if (json == null) {
            return null;
        }
        Map<String, @Nullable Object> m = Json.object(Json.read(json));
        return new Qualification(Values.bool(m.get("budget")), Values.bool(m.get("authority")),
                Values.bool(m.get("need")), Values.bool(m.get("timeline")), Values.strOrNull(m.get("note")));
    }

    @Override
    Lead toDomain(LeadEntity e) {
        ConversionLink conversion = null;
        if (e.convertedContactId != null && e.convertedAt != null) {
            conversion = new ConversionLink(ContactId.of(e.convertedContactId),
                    e.convertedAccountId == null ? null : AccountId.of(e.convertedAccountId),
                    e.convertedOpportunityId == null ? null : OpportunityId.of(e.convertedOpportunityId),
                    Values.instant(e.convertedAt, e.convertedAtNanos));
        }
        return new Lead(LeadId.of(e.id), TenantId.of(e.tenantId), e.version, LeadSource.valueOf(e.source),
                LeadStatus.valueOf(e.status), e.firstName, e.lastName,
                e.email == null ? null : new EmailAddress(e.email),
                e.phone == null ? null : new PhoneNumber(e.phone, e.phoneExtension), e.company, e.companyDomain,
                e.title, e.country, e.score, e.ownerId == null ? null : UserId.of(e.ownerId),
                qualificationOf(e.qualification), e.disqualificationReason, conversion, Values.tags(e.tags),
                Values.customFields(e.customFields), e.created(), e.updated());
    }

    @Override
    public List<Lead> findByEmail(EmailAddress email) {
        return map(where("e.email = :email").setParameter("email", email.value()).getResultList());
    }

    @Override
    public List<Lead> findByOwner(UserId ownerId) {
        return map(where("e.ownerId = :owner").setParameter("owner", ownerId.value()).getResultList());
    }

    @Override
    public List<Lead> findByStatus(LeadStatus status) {
        return map(where("e.status = :status").setParameter("status", status.name()).getResultList());
    }
}
