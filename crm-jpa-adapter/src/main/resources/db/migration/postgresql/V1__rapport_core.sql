-- Rapport core schema, version 1, for PostgreSQL 12 or later.
-- Named for Flyway (V1__...); Liquibase or any migration tool can run it as plain SQL.
-- Every table has the tenant in its key and its indexes: no query crosses tenants. The row tables
-- of contacts' addresses and contact roles index the searched value first, as queries reach them
-- through a join that names the tenant on the owner's table.
-- JSON columns hold value lists read and written whole with their aggregate.
-- An instant is a TIMESTAMP(6) column plus its nanoseconds below the microsecond (*_nanos).

CREATE TABLE rapport_contact (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(128) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    first_name VARCHAR(100),
    last_name VARCHAR(100),
    phones TEXT NOT NULL,
    title VARCHAR(100),
    account_id VARCHAR(128) COLLATE "C",
    owner_id VARCHAR(128) COLLATE "C",
    address_street VARCHAR(200),
    address_city VARCHAR(100),
    address_postal_code VARCHAR(20),
    address_region VARCHAR(100),
    address_country VARCHAR(2),
    lifecycle_stage VARCHAR(32) NOT NULL,
    lifecycle_history TEXT NOT NULL,
    journey_stage VARCHAR(32),
    tags TEXT NOT NULL,
    custom_fields TEXT NOT NULL,
    CONSTRAINT pk_rapport_contact PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_rapport_contact_account ON rapport_contact (tenant_id, account_id);
CREATE INDEX ix_rapport_contact_owner ON rapport_contact (tenant_id, owner_id);

CREATE TABLE rapport_contact_email (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    contact_id VARCHAR(128) COLLATE "C" NOT NULL,
    list_position INTEGER NOT NULL,
    email VARCHAR(254) NOT NULL,
    CONSTRAINT pk_rapport_contact_email PRIMARY KEY (tenant_id, contact_id, list_position),
    CONSTRAINT fk_rapport_contact_email FOREIGN KEY (tenant_id, contact_id) REFERENCES rapport_contact (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_rapport_contact_email ON rapport_contact_email (email, tenant_id);

CREATE TABLE rapport_account (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(128) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    name_key VARCHAR(200) NOT NULL,
    domain VARCHAR(253),
    industry VARCHAR(100),
    employees INTEGER,
    annual_revenue NUMERIC(19, 4),
    annual_revenue_currency VARCHAR(3),
    parent_id VARCHAR(128) COLLATE "C",
    owner_id VARCHAR(128) COLLATE "C",
    address_street VARCHAR(200),
    address_city VARCHAR(100),
    address_postal_code VARCHAR(20),
    address_region VARCHAR(100),
    address_country VARCHAR(2),
    tags TEXT NOT NULL,
    custom_fields TEXT NOT NULL,
    CONSTRAINT pk_rapport_account PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_rapport_account_domain ON rapport_account (tenant_id, domain);
CREATE INDEX ix_rapport_account_name_key ON rapport_account (tenant_id, name_key);
CREATE INDEX ix_rapport_account_parent ON rapport_account (tenant_id, parent_id);
CREATE INDEX ix_rapport_account_owner ON rapport_account (tenant_id, owner_id);

CREATE TABLE rapport_account_contact_role (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    account_id VARCHAR(128) COLLATE "C" NOT NULL,
    list_position INTEGER NOT NULL,
    contact_id VARCHAR(128) COLLATE "C" NOT NULL,
    role_type VARCHAR(32) NOT NULL,
    is_primary BOOLEAN NOT NULL,
    CONSTRAINT pk_rapport_account_contact_role PRIMARY KEY (tenant_id, account_id, list_position),
    CONSTRAINT fk_rapport_account_contact_role FOREIGN KEY (tenant_id, account_id) REFERENCES rapport_account (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_rapport_account_role_contact ON rapport_account_contact_role (contact_id, tenant_id);

CREATE TABLE rapport_pipeline (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(128) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    name VARCHAR(100) NOT NULL,
    is_default BOOLEAN NOT NULL,
    stages TEXT NOT NULL,
    CONSTRAINT pk_rapport_pipeline PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_rapport_pipeline_default ON rapport_pipeline (tenant_id, is_default);

CREATE TABLE rapport_opportunity (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(128) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    account_id VARCHAR(128) COLLATE "C",
    amount NUMERIC(19, 4),
    amount_currency VARCHAR(3),
    pipeline_id VARCHAR(128) COLLATE "C" NOT NULL,
    stage VARCHAR(64) NOT NULL,
    close_date DATE,
    owner_id VARCHAR(128) COLLATE "C",
    line_items TEXT NOT NULL,
    stage_history TEXT NOT NULL,
    status VARCHAR(16) NOT NULL,
    closed_at TIMESTAMP(6),
    closed_at_nanos INTEGER NOT NULL,
    close_reason VARCHAR(500),
    source VARCHAR(32),
    tags TEXT NOT NULL,
    custom_fields TEXT NOT NULL,
    CONSTRAINT pk_rapport_opportunity PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_rapport_opportunity_account ON rapport_opportunity (tenant_id, account_id);
CREATE INDEX ix_rapport_opportunity_owner ON rapport_opportunity (tenant_id, owner_id);
CREATE INDEX ix_rapport_opportunity_stage ON rapport_opportunity (tenant_id, pipeline_id, stage, status);

CREATE TABLE rapport_opportunity_contact_role (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    opportunity_id VARCHAR(128) COLLATE "C" NOT NULL,
    list_position INTEGER NOT NULL,
    contact_id VARCHAR(128) COLLATE "C" NOT NULL,
    role_type VARCHAR(32) NOT NULL,
    is_primary BOOLEAN NOT NULL,
    CONSTRAINT pk_rapport_opportunity_contact_role PRIMARY KEY (tenant_id, opportunity_id, list_position),
    CONSTRAINT fk_rapport_opportunity_contact_role FOREIGN KEY (tenant_id, opportunity_id) REFERENCES rapport_opportunity (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_rapport_opportunity_role_contact ON rapport_opportunity_contact_role (contact_id, tenant_id);

CREATE TABLE rapport_lead (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(128) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    source VARCHAR(32) NOT NULL,
    status VARCHAR(16) NOT NULL,
    first_name VARCHAR(100),
    last_name VARCHAR(100),
    email VARCHAR(254),
    phone VARCHAR(16),
    phone_extension VARCHAR(8),
    company VARCHAR(200),
    company_domain VARCHAR(253),
    title VARCHAR(100),
    country VARCHAR(2),
    score INTEGER NOT NULL,
    owner_id VARCHAR(128) COLLATE "C",
    qualification TEXT,
    disqualification_reason VARCHAR(1000),
    converted_contact_id VARCHAR(128) COLLATE "C",
    converted_account_id VARCHAR(128) COLLATE "C",
    converted_opportunity_id VARCHAR(128) COLLATE "C",
    converted_at TIMESTAMP(6),
    converted_at_nanos INTEGER NOT NULL,
    tags TEXT NOT NULL,
    custom_fields TEXT NOT NULL,
    CONSTRAINT pk_rapport_lead PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_rapport_lead_email ON rapport_lead (tenant_id, email);
CREATE INDEX ix_rapport_lead_owner ON rapport_lead (tenant_id, owner_id);
CREATE INDEX ix_rapport_lead_status ON rapport_lead (tenant_id, status);
CREATE INDEX ix_rapport_lead_company_domain ON rapport_lead (tenant_id, company_domain);

CREATE TABLE rapport_subscription (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(128) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    account_id VARCHAR(128) COLLATE "C" NOT NULL,
    contact_id VARCHAR(128) COLLATE "C",
    plan VARCHAR(200) NOT NULL,
    mrr NUMERIC(19, 4) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    billing_period VARCHAR(16) NOT NULL,
    contract_value NUMERIC(19, 4),
    start_date DATE NOT NULL,
    renewal_date DATE NOT NULL,
    end_date DATE,
    status VARCHAR(16) NOT NULL,
    cancellation_reason VARCHAR(500),
    history TEXT NOT NULL,
    custom_fields TEXT NOT NULL,
    CONSTRAINT pk_rapport_subscription PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_rapport_subscription_account ON rapport_subscription (tenant_id, account_id);
CREATE INDEX ix_rapport_subscription_status ON rapport_subscription (tenant_id, status);
CREATE INDEX ix_rapport_subscription_renewal ON rapport_subscription (tenant_id, renewal_date);

CREATE TABLE rapport_custom_field_schema (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(128) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_at_nanos INTEGER NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    updated_at_nanos INTEGER NOT NULL,
    entity_type VARCHAR(32) NOT NULL,
    fields TEXT NOT NULL,
    CONSTRAINT pk_rapport_custom_field_schema PRIMARY KEY (tenant_id, id)
);

CREATE TABLE rapport_outbox (
    seq BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL,
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    event_id VARCHAR(128) COLLATE "C" NOT NULL,
    event_type VARCHAR(64) NOT NULL,
    subject_id VARCHAR(128) COLLATE "C",
    occurred_at TIMESTAMP(6) NOT NULL,
    payload TEXT NOT NULL,
    CONSTRAINT pk_rapport_outbox PRIMARY KEY (seq),
    CONSTRAINT uq_rapport_outbox_event UNIQUE (tenant_id, event_id)
);
CREATE INDEX ix_rapport_outbox_subject ON rapport_outbox (tenant_id, subject_id, seq);
