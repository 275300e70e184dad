package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** One event of a committed unit of work, written in the same transaction as the change. */
@Access(AccessType.FIELD)
@Entity(name = "RapportOutboxEvent")
@Table(name = "rapport_outbox")
@Cacheable(false)
class OutboxEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "seq")
    @Nullable Long seq;

    @Column(name = "tenant_id", length = 64, nullable = false)
    String tenantId = "";

    @Column(name = "event_id", length = 128, nullable = false)
    String eventId = "";

    @Column(name = "event_type", length = 64, nullable = false)
    String eventType = "";

    @Column(name = "subject_id", length = 128)
    @Nullable String subjectId;

    @Column(name = "occurred_at", nullable = false)
    LocalDateTime occurredAt = LocalDateTime.MIN;

    @Column(name = "payload", length = Columns.TEXT, nullable = false)
    String payload = "{}";

    protected OutboxEntity() {
    }

    OutboxEntity(String tenantId, String eventId, String eventType, @Nullable String subjectId,
            LocalDateTime occurredAt, String payload) {
        this.tenantId = tenantId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.subjectId = subjectId;
        this.occurredAt = occurredAt;
        this.payload = payload;
    }
}
