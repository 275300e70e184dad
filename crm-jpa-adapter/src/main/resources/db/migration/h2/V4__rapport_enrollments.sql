-- Rapport workflow schema, version 4, for H2 2.x.
-- Named for Flyway (V4__...); Liquibase or any migration tool can run it as plain SQL.
-- The workflow engine's enrollments and edge memory (its EnrollmentStore), so that an entity is
-- enrolled once per rule across restarts and nodes, and edge-triggered rules keep their last state.

-- One row per tenant, rule and entity (or per trigger, for a rule without a subject), keyed by the
-- engine's key, which starts with the tenant and names the rule and the entity by ids only. Nodes
-- change a row under its row lock, and create it with an insert that does nothing if another node
-- created it first, so two nodes never both start an enrollment of one rule for one entity. The
-- subject index answers "which rules hold an unarmed enrollment of this entity" from the index alone.
CREATE TABLE rapport_workflow_enrollment (
    enrollment_key VARCHAR(512) NOT NULL,
    tenant_id VARCHAR(64) NOT NULL,
    rule_id VARCHAR(128) NOT NULL,
    rule_version INTEGER NOT NULL,
    subject VARCHAR(200),
    trigger_id VARCHAR(256) NOT NULL,
    is_active BOOLEAN NOT NULL,
    is_armed BOOLEAN NOT NULL,
    CONSTRAINT pk_rapport_workflow_enrollment PRIMARY KEY (enrollment_key)
);
CREATE INDEX ix_rapport_workflow_enrollment_subject ON rapport_workflow_enrollment (tenant_id, subject, is_armed, rule_id);

-- The last result of each property-change trigger's condition, by the same key as the enrollment
-- of its rule and entity: a rule runs on a change from not matching to matching only.
CREATE TABLE rapport_workflow_edge (
    edge_key VARCHAR(512) NOT NULL,
    tenant_id VARCHAR(64) NOT NULL,
    last_result BOOLEAN NOT NULL,
    CONSTRAINT pk_rapport_workflow_edge PRIMARY KEY (edge_key)
);
CREATE INDEX ix_rapport_workflow_edge_tenant ON rapport_workflow_edge (tenant_id);
