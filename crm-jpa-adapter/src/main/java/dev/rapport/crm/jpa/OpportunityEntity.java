package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An opportunity. Account, owner, pipeline, stage and status are indexed columns and the amount a
 * decimal column, ready for aggregation in SQL; contact roles are rows of their own; line items,
 * stage history, tags and custom fields are JSON text.
 */
@Access(AccessType.FIELD)
@Entity(name = "RapportOpportunity")
@Table(name = "rapport_opportunity")
@IdClass(AggregateKey.class)
@Cacheable(false)
class OpportunityEntity extends AggregateEntity {
    @Column(name = "name", length = 200, nullable = false)
    String name = "";

    @Column(name = "account_id", length = 128)
    @Nullable String accountId;

    @Column(name = "amount", precision = 19, scale = 4)
    @Nullable BigDecimal amount;

    @Column(name = "amount_currency", length = 3)
    @Nullable String amountCurrency;

    @Column(name = "pipeline_id", length = 128, nullable = false)
    String pipelineId = "";

    @Column(name = "stage", length = 64, nullable = false)
    String stage = "";

    @Column(name = "close_date")
    @Nullable LocalDate closeDate;

    @Column(name = "owner_id", length = 128)
    @Nullable String ownerId;

    @ElementCollection
    @CollectionTable(name = "rapport_opportunity_contact_role", joinColumns = {
        @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
        @JoinColumn(name = "opportunity_id", referencedColumnName = "id")})
    @OrderColumn(name = "list_position")
    List<ContactRoleRow> contactRoles = new ArrayList<>();

    @Column(name = "line_items", length = Columns.TEXT, nullable = false)
    String lineItems = "[]";

    @Column(name = "stage_history", length = Columns.TEXT, nullable = false)
    String stageHistory = "[]";

    @Column(name = "status", length = 16, nullable = false)
    String status = "";

    @Column(name = "closed_at")
    @Nullable LocalDateTime closedAt;

    @Column(name = "closed_at_nanos", nullable = false)
    int closedAtNanos;

    @Column(name = "close_reason", length = 500)
    @Nullable String closeReason;

    @Column(name = "source", length = 32)
    @Nullable String source;

    @Column(name = "tags", length = Columns.TEXT, nullable = false)
    String tags = "[]";

    @Column(name = "custom_fields", length = Columns.TEXT, nullable = false)
    String customFields = "{}";

    protected OpportunityEntity() {
    }
}
