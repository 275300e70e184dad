package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** One durable timer of the workflow engine. */
@Access(AccessType.FIELD)
@Entity(name = "RapportTimer")
@Table(name = "rapport_timer")
@Cacheable(false)
class TimerEntity {
    @Id
    @Column(name = "id", length = 512)
    String id = "";

    @Column(name = "tenant_id", length = 64, nullable = false)
    String tenantId = "";

    @Column(name = "due_at", nullable = false)
    LocalDateTime dueAt = LocalDateTime.MIN;

    @Column(name = "due_at_nanos", nullable = false)
    int dueAtNanos;

    @Column(name = "kind", length = 16, nullable = false)
    String kind = "";

    @Column(name = "rule_id", length = 128, nullable = false)
    String ruleId = "";

    @Column(name = "rule_version", nullable = false)
    int ruleVersion;

    @Column(name = "subject", length = 200)
    @Nullable String subject;

    @Column(name = "trigger_id", length = 256, nullable = false)
    String triggerId = "";

    @Column(name = "step", nullable = false)
    int step;

    @Column(name = "attempt", nullable = false)
    int attempt;

    protected TimerEntity() {
    }

    TimerEntity(String id) {
        this.id = id;
    }
}
