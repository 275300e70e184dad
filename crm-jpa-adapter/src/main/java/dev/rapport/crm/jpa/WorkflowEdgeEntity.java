package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last result of a property-change trigger's condition for one rule and entity. */
@Access(AccessType.FIELD)
@Entity(name = "RapportWorkflowEdge")
@Table(name = "rapport_workflow_edge")
@Cacheable(false)
class WorkflowEdgeEntity {
    @Id
    @Column(name = "edge_key", length = 512)
    String key = "";

    @Column(name = "tenant_id", length = 64, nullable = false)
    String tenantId = "";

    @Column(name = "last_result", nullable = false)
    boolean lastResult;

    protected WorkflowEdgeEntity() {
    }
}
