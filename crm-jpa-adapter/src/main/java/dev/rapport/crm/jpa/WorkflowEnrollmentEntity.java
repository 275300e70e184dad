package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One enrollment of the workflow engine: a row of its enrollment store. */
@Access(AccessType.FIELD)
@Entity(name = "RapportWorkflowEnrollment")
@Table(name = "rapport_workflow_enrollment")
@Cacheable(false)
class WorkflowEnrollmentEntity {
    @Id
    @Column(name = "enrollment_key", length = 512)
    String key = "";

    @Column(name = "tenant_id", length = 64, nullable = false)
    String tenantId = "";

    @Column(name = "rule_id", length = 128, nullable = false)
    String ruleId = "";

    @Column(name = "rule_version", nullable = false)
    int ruleVersion;

    @Column(name = "subject", length = 200)
    @Nullable String subject;

    @Column(name = "trigger_id", length = 256, nullable = false)
    String triggerId = "";

    @Column(name = "is_active", nullable = false)
    boolean active;

    @Column(name = "is_armed", nullable = false)
    boolean armed;

    protected WorkflowEnrollmentEntity() {
    }
}
