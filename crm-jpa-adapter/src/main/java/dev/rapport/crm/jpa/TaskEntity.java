package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** A task; assignee, status and each link are indexed columns, custom fields JSON text. */
@Access(AccessType.FIELD)
@Entity(name = "RapportTask")
@Table(name = "rapport_task")
@IdClass(AggregateKey.class)
@Cacheable(false)
class TaskEntity extends AggregateEntity {
    @Column(name = "title", length = 200, nullable = false)
    String title = "";

    @Column(name = "description", length = Columns.TEXT)
    @Nullable String description;

    @Column(name = "due_on")
    @Nullable LocalDate dueOn;

    @Column(name = "assignee_id", length = 128, nullable = false)
    String assigneeId = "";

    @Column(name = "status", length = 16, nullable = false)
    String status = "";

    @Column(name = "priority", length = 16, nullable = false)
    String priority = "";

    @Embedded
    @Nullable LinkColumns links;

    @Column(name = "completed_at")
    @Nullable LocalDateTime completedAt;

    @Column(name = "completed_at_nanos", nullable = false)
    int completedAtNanos;

    @Column(name = "custom_fields", length = Columns.TEXT, nullable = false)
    String customFields = "{}";

    protected TaskEntity() {
    }
}
