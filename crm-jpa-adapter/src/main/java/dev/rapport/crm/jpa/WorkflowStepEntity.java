package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One step the workflow engine has run: a row of its idempotency ledger. */
@Access(AccessType.FIELD)
@Entity(name = "RapportWorkflowStep")
@Table(name = "rapport_workflow_step")
@Cacheable(false)
class WorkflowStepEntity {
    @Id
    @Column(name = "step_key", length = 700)
    String stepKey = "";

    @Column(name = "tenant_id", length = 64, nullable = false)
    String tenantId = "";

    @Column(name = "done_at", nullable = false)
    LocalDateTime doneAt = LocalDateTime.MIN;

    @Column(name = "done_at_nanos", nullable = false)
    int doneAtNanos;

    protected WorkflowStepEntity() {
    }
}
