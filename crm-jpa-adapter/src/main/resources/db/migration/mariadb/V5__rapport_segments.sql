-- Rapport workflow schema, version 5, for MariaDB 10.6 or later.
-- Named for Flyway (V5__...); Liquibase or any migration tool can run it as plain SQL.
-- The members of the workflow engine's dynamic segments (its SegmentStore), so that an entity
-- still in a segment after a restart, or seen by another node, is not taken for a new entry.

-- One row per tenant, segment and member; the member is an entity named by its id only
-- (Type:value), no personal data. Nodes add a member with an insert that does nothing if the row
-- is already there, and remove it with a delete, so of two nodes making the same move exactly one
-- changes a row and fires the segment's rules. The primary key lists and counts a segment's
-- members from the index alone.
CREATE TABLE rapport_workflow_segment_member (
    tenant_id VARCHAR(64) NOT NULL,
    segment_name VARCHAR(128) NOT NULL,
    member_id VARCHAR(200) NOT NULL,
    CONSTRAINT pk_rapport_workflow_segment_member PRIMARY KEY (tenant_id, segment_name, member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
