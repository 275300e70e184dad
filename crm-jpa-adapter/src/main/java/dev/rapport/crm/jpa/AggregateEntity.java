package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
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

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt = LocalDateTime.MIN;

    protected AggregateEntity() {
    }
}
