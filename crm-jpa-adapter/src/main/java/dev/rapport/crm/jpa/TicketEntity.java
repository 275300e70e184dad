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
 * A support ticket; contact, account, assignee and status are indexed columns, the SLA policy and
 * custom fields JSON text.
 */
@Access(AccessType.FIELD)
@Entity(name = "RapportTicket")
@Table(name = "rapport_ticket")
@IdClass(AggregateKey.class)
@Cacheable(false)
class TicketEntity extends AggregateEntity {
    @Column(name = "subject", length = 500, nullable = false)
    String subject = "";

    @Column(name = "description", length = Columns.TEXT)
    @Nullable String description;

    @Column(name = "contact_id", length = 128)
    @Nullable String contactId;

    @Column(name = "account_id", length = 128)
    @Nullable String accountId;

    @Column(name = "priority", length = 16, nullable = false)
    String priority = "";

    @Column(name = "status", length = 16, nullable = false)
    String status = "";

    @Column(name = "assignee_id", length = 128)
    @Nullable String assigneeId;

    @Column(name = "channel", length = 32, nullable = false)
    String channel = "";

    @Column(name = "sla_policy", length = Columns.TEXT, nullable = false)
    String slaPolicy = "{}";

    @Column(name = "first_response_at")
    @Nullable LocalDateTime firstResponseAt;

    @Column(name = "first_response_at_nanos", nullable = false)
    int firstResponseAtNanos;

    @Column(name = "resolved_at")
    @Nullable LocalDateTime resolvedAt;

    @Column(name = "resolved_at_nanos", nullable = false)
    int resolvedAtNanos;

    @Column(name = "closed_at")
    @Nullable LocalDateTime closedAt;

    @Column(name = "closed_at_nanos", nullable = false)
    int closedAtNanos;

    @Column(name = "custom_fields", length = Columns.TEXT, nullable = false)
    String customFields = "{}";

    protected TicketEntity() {
    }
}
