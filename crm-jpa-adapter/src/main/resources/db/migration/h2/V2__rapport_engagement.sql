-- Rapport engagement, governance and identity schema, version 2, for H2 2.x.
-- Runs after V1__rapport_core.sql. Named for Flyway (V2__...); any migration tool can run it as plain SQL.
-- Adds the tables of activities, tasks, tickets, campaigns and their members, consents, tombstones of
-- erased identifiers, merge records and external keys, and the row tables of contacts' and accounts'
-- external ids and duplicate-detection keys. As in V1, the tenant is in every key and index, a
-- timeline or a campaign's members are read in time order from their index, the row tables index
-- the searched value first, and an instant is a TIMESTAMP(6) column plus its *_nanos.

CREATE TABLE rapport_activity (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    activity_type VARCHAR(32) NOT NULL,
    channel VARCHAR(32) NOT NULL,
    direction VARCHAR(16) NOT NULL,
    occurred_at TIMESTAMP(6) NOT NULL,
    occurred_at_nanos INTEGER NOT NULL,
    actor_kind VARCHAR(16) NOT NULL,
    actor_user_id VARCHAR(128),
    subject VARCHAR(500),
    body VARCHAR(1000000),
    duration_seconds BIGINT,
    duration_nanos INTEGER,
    contact_id VARCHAR(128),
    account_id VARCHAR(128),
    opportunity_id VARCHAR(128),
    ticket_id VARCHAR(128),
    purchase_order_id VARCHAR(200),
    purchase_total NUMERIC(19, 4),
    purchase_currency VARCHAR(3),
    custom_fields VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_rapport_activity PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_rapport_activity_contact ON rapport_activity (tenant_id, contact_id, occurred_at, occurred_at_nanos);
CREATE INDEX ix_rapport_activity_account ON rapport_activity (tenant_id, account_id, occurred_at, occurred_at_nanos);
CREATE INDEX ix_rapport_activity_opportunity ON rapport_activity (tenant_id, opportunity_id, occurred_at, occurred_at_nanos);
CREATE INDEX ix_rapport_activity_ticket ON rapport_activity (tenant_id, ticket_id, occurred_at, occurred_at_nanos);

CREATE TABLE rapport_task (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    description VARCHAR(1000000),
    due_on DATE,
    assignee_id VARCHAR(128) NOT NULL,
    status VARCHAR(16) NOT NULL,
    priority VARCHAR(16) NOT NULL,
    contact_id VARCHAR(128),
    account_id VARCHAR(128),
    opportunity_id VARCHAR(128),
    ticket_id VARCHAR(128),
    completed_at TIMESTAMP(6),
    completed_at_nanos INTEGER NOT NULL,
    custom_fields VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_rapport_task PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_rapport_task_assignee ON rapport_task (tenant_id, assignee_id, status);
CREATE INDEX ix_rapport_task_contact ON rapport_task (tenant_id, contact_id);
CREATE INDEX ix_rapport_task_account ON rapport_task (tenant_id, account_id);
CREATE INDEX ix_rapport_task_opportunity ON rapport_task (tenant_id, opportunity_id);
CREATE INDEX ix_rapport_task_ticket ON rapport_task (tenant_id, ticket_id);

CREATE TABLE rapport_ticket (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    subject VARCHAR(500) NOT NULL,
    description VARCHAR(1000000),
    contact_id VARCHAR(128),
    account_id VARCHAR(128),
    priority VARCHAR(16) NOT NULL,
    status VARCHAR(16) NOT NULL,
    assignee_id VARCHAR(128),
    channel VARCHAR(32) NOT NULL,
    sla_policy VARCHAR(1000000) NOT NULL,
    first_response_at TIMESTAMP(6),
    first_response_at_nanos INTEGER NOT NULL,
    resolved_at TIMESTAMP(6),
    resolved_at_nanos INTEGER NOT NULL,
    closed_at TIMESTAMP(6),
    closed_at_nanos INTEGER NOT NULL,
    custom_fields VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_rapport_ticket PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_rapport_ticket_assignee ON rapport_ticket (tenant_id, assignee_id, status);
CREATE INDEX ix_rapport_ticket_contact ON rapport_ticket (tenant_id, contact_id);
CREATE INDEX ix_rapport_ticket_account ON rapport_ticket (tenant_id, account_id);
CREATE INDEX ix_rapport_ticket_status ON rapport_ticket (tenant_id, status);

CREATE TABLE rapport_campaign (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    channel VARCHAR(32) NOT NULL,
    status VARCHAR(16) NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE,
    budget NUMERIC(19, 4) NOT NULL,
    actual_cost NUMERIC(19, 4) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    custom_fields VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_rapport_campaign PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_rapport_campaign_status ON rapport_campaign (tenant_id, status);
CREATE INDEX ix_rapport_campaign_channel ON rapport_campaign (tenant_id, channel);

CREATE TABLE rapport_campaign_member (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    campaign_id VARCHAR(128) NOT NULL,
    member_type VARCHAR(32) NOT NULL,
    member_id VARCHAR(128) NOT NULL,
    status VARCHAR(16) NOT NULL,
    responded_at TIMESTAMP(6),
    responded_at_nanos INTEGER NOT NULL,
    first_touch_at TIMESTAMP(6),
    first_touch_at_nanos INTEGER NOT NULL,
    last_touch_at TIMESTAMP(6),
    last_touch_at_nanos INTEGER NOT NULL,
    touches INTEGER NOT NULL,
    CONSTRAINT pk_rapport_campaign_member PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_rapport_campaign_member_campaign ON rapport_campaign_member (tenant_id, campaign_id, created_at, created_at_nanos);
CREATE INDEX ix_rapport_campaign_member_member ON rapport_campaign_member (tenant_id, member_id, member_type);

CREATE TABLE rapport_consent (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    entries VARCHAR(1000000) NOT NULL,
    history VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_rapport_consent PRIMARY KEY (tenant_id, id)
);

CREATE TABLE rapport_tombstone (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    identifier_kind VARCHAR(16) NOT NULL,
    CONSTRAINT pk_rapport_tombstone PRIMARY KEY (tenant_id, id)
);

CREATE TABLE rapport_merge_record (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    record_type VARCHAR(32) NOT NULL,
    survivor_id VARCHAR(128) NOT NULL,
    loser_id VARCHAR(128) NOT NULL,
    actor_kind VARCHAR(16) NOT NULL,
    actor_id VARCHAR(200) NOT NULL,
    changed_fields VARCHAR(1000000) NOT NULL,
    relinked VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_rapport_merge_record PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_rapport_merge_record_loser ON rapport_merge_record (tenant_id, loser_id);
CREATE INDEX ix_rapport_merge_record_survivor ON rapport_merge_record (tenant_id, survivor_id);

CREATE TABLE rapport_external_key (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    entity VARCHAR(64) NOT NULL,
    external_key VARCHAR(1000) NOT NULL,
    target_id VARCHAR(128) NOT NULL,
    CONSTRAINT pk_rapport_external_key PRIMARY KEY (tenant_id, id)
);

CREATE TABLE rapport_contact_external_id (
    tenant_id VARCHAR(64) NOT NULL,
    contact_id VARCHAR(128) NOT NULL,
    list_position INTEGER NOT NULL,
    system_name VARCHAR(100) NOT NULL,
    external_id VARCHAR(200) NOT NULL,
    CONSTRAINT pk_rapport_contact_external_id PRIMARY KEY (tenant_id, contact_id, list_position),
    CONSTRAINT fk_rapport_contact_external_id FOREIGN KEY (tenant_id, contact_id) REFERENCES rapport_contact (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_rapport_contact_external_id ON rapport_contact_external_id (external_id, system_name, tenant_id);

CREATE TABLE rapport_contact_match_key (
    tenant_id VARCHAR(64) NOT NULL,
    contact_id VARCHAR(128) NOT NULL,
    list_position INTEGER NOT NULL,
    key_kind VARCHAR(16) NOT NULL,
    key_value VARCHAR(254) NOT NULL,
    CONSTRAINT pk_rapport_contact_match_key PRIMARY KEY (tenant_id, contact_id, list_position),
    CONSTRAINT fk_rapport_contact_match_key FOREIGN KEY (tenant_id, contact_id) REFERENCES rapport_contact (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_rapport_contact_match_key ON rapport_contact_match_key (key_value, key_kind, tenant_id);

CREATE TABLE rapport_account_external_id (
    tenant_id VARCHAR(64) NOT NULL,
    account_id VARCHAR(128) NOT NULL,
    list_position INTEGER NOT NULL,
    system_name VARCHAR(100) NOT NULL,
    external_id VARCHAR(200) NOT NULL,
    CONSTRAINT pk_rapport_account_external_id PRIMARY KEY (tenant_id, account_id, list_position),
    CONSTRAINT fk_rapport_account_external_id FOREIGN KEY (tenant_id, account_id) REFERENCES rapport_account (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_rapport_account_external_id ON rapport_account_external_id (external_id, system_name, tenant_id);

CREATE TABLE rapport_account_match_key (
    tenant_id VARCHAR(64) NOT NULL,
    account_id VARCHAR(128) NOT NULL,
    list_position INTEGER NOT NULL,
    key_kind VARCHAR(16) NOT NULL,
    key_value VARCHAR(254) NOT NULL,
    CONSTRAINT pk_rapport_account_match_key PRIMARY KEY (tenant_id, account_id, list_position),
    CONSTRAINT fk_rapport_account_match_key FOREIGN KEY (tenant_id, account_id) REFERENCES rapport_account (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_rapport_account_match_key ON rapport_account_match_key (key_value, key_kind, tenant_id);
