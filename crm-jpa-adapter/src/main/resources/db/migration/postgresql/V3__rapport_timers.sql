-- Rapport workflow schema, version 3, for PostgreSQL 12 or later.
-- Named for Flyway (V3__...); Liquibase or any migration tool can run it as plain SQL.
-- The workflow engine's durable timers (its TimerStore) and its idempotency ledger.
-- An instant is a TIMESTAMP(6) column plus its nanoseconds below the microsecond (*_nanos).

-- A timer's id is unique across tenants (the engine names timers by tenant, rule and entity), so
-- it is the key on its own. Nodes claim due timers with row locks that skip the rows another node
-- holds: the due index gives them the earliest first, in O(due) and without a sort, whatever the
-- number of timers waiting. The tenant index serves look-ups and clean-up of one tenant's timers.
CREATE TABLE rapport_timer (
    id VARCHAR(512) COLLATE "C" NOT NULL,
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    due_at TIMESTAMP(6) NOT NULL,
    due_at_nanos INTEGER NOT NULL,
    kind VARCHAR(16) NOT NULL,
    rule_id VARCHAR(128) COLLATE "C" NOT NULL,
    rule_version INTEGER NOT NULL,
    subject VARCHAR(200) COLLATE "C",
    trigger_id VARCHAR(256) COLLATE "C" NOT NULL,
    step INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    CONSTRAINT pk_rapport_timer PRIMARY KEY (id)
);
CREATE INDEX ix_rapport_timer_due ON rapport_timer (due_at, due_at_nanos, id);
CREATE INDEX ix_rapport_timer_tenant_due ON rapport_timer (tenant_id, due_at);

-- The steps the engine has run, keyed by tenant, rule, rule version, trigger and step index
-- (the key starts with the tenant, which is also in its own column for clean-up by tenant).
-- A step's row is written in the transaction that ran it when the host runs the engine inside
-- its transactions, so a step's effect in the database and its row commit together.
CREATE TABLE rapport_workflow_step (
    step_key VARCHAR(700) COLLATE "C" NOT NULL,
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    done_at TIMESTAMP(6) NOT NULL,
    done_at_nanos INTEGER NOT NULL,
    CONSTRAINT pk_rapport_workflow_step PRIMARY KEY (step_key)
);
CREATE INDEX ix_rapport_workflow_step_tenant ON rapport_workflow_step (tenant_id, done_at);
