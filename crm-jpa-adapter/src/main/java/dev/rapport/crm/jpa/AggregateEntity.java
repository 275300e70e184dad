package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * The columns every aggregate table has. The version is an ordinary column: the adapter checks
 * and advances it with one compare-and-set statement per update, so that a stale update fails in
 * the database even when two application nodes race (see {@link JpaAggregateStore#update}).
 */
@MappedSuperclass
@Access(AccessType.FIELD)
abstract class AggregateEntity {
    @Id
    @Column(name = "tenant_id", length = 64, nullable = false)
    String tenantId = "";

    @Id
    @Column(name = "id", length = 128, nullable = false)
    String id = "";

    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt = LocalDateTime.MIN;

    @Column(name = "created_at_nanos", nullable = false)
    int createdAtNanos;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt = LocalDateTime.MIN;

    @Column(name = "updated_at_nanos", nullable = false)
    int updatedAtNanos;

    protected AggregateEntity() {
    }

    void times(Instant created, Instant updated) {
        createdAt = Values.column(created);
        createdAtNanos = Values.nanos(created);
        updatedAt = Values.column(updated);
        updatedAtNanos = Values.nanos(updated);
    }

    Instant created() {
        return Values.instant(createdAt, createdAtNanos);
    }

    Instant updated() {
        return Values.instant(updatedAt, updatedAtNanos);
    }
}
