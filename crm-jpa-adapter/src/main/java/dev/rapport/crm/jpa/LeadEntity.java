package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A lead. E-mail, owner, status and company domain are indexed columns; the conversion link is
 * columns too (what a lead became is a natural question for SQL); the qualification, tags and
 * custom fields are JSON text.
 */
@Access(AccessType.FIELD)
@Entity(name = "RapportLead")
@Table(name = "rapport_lead")
@IdClass(AggregateKey.class)
@Cacheable(false)
class LeadEntity extends AggregateEntity {
    @Column(name = "source", length = 32, nullable = false)
    String source = "";

    @Column(name = "status", length = 16, nullable = false)
    String status = "";

    @Column(name = "first_name", length = 100)
    @Nullable String firstName;

    @Column(name = "last_name", length = 100)
    @Nullable String lastName;

    @Column(name = "email", length = 254)
    @Nullable String email;

    @Column(name = "phone", length = 16)
    @Nullable String phone;

    @Column(name = "phone_extension", length = 8)
    @Nullable String phoneExtension;

    @Column(name = "company", length = 200)
    @Nullable String company;

    @Column(name = "company_domain", length = 253)
    @Nullable String companyDomain;

    @Column(name = "title", length = 100)
    @Nullable String title;

    @Column(name = "country", length = 2)
    @Nullable String country;

    @Column(name = "score", nullable = false)
    int score;

    @Column(name = "owner_id", length = 128)
    @Nullable String ownerId;

    @Column(name = "qualification", length = Columns.TEXT)
    @Nullable String qualification;

    @Column(name = "disqualification_reason", length = 1000)
    @Nullable String disqualificationReason;

    @Column(name = "converted_contact_id", length = 128)
    @Nullable String convertedContactId;

    @Column(name = "converted_account_id", length = 128)
    @Nullable String convertedAccountId;

    @Column(name = "converted_opportunity_id", length = 128)
    @Nullable String convertedOpportunityId;

    @Column(name = "converted_at")
    @Nullable LocalDateTime convertedAt;

    @Column(name = "converted_at_nanos", nullable = false)
    int convertedAtNanos;

    @Column(name = "tags", length = Columns.TEXT, nullable = false)
    String tags = "[]";

    @Column(name = "custom_fields", length = Columns.TEXT, nullable = false)
    String customFields = "{}";

    protected LeadEntity() {
    }
}
