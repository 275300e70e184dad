package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/** One member of one dynamic segment of the workflow engine: a row of its segment store. */
@Access(AccessType.FIELD)
@Entity(name = "RapportWorkflowSegmentMember")
@Table(name = "rapport_workflow_segment_member")
@IdClass(WorkflowSegmentMemberEntity.Key.class)
@Cacheable(false)
class WorkflowSegmentMemberEntity {
    @Id
    @Column(name = "tenant_id", length = 64)
    String tenantId = "";

    @Id
    @Column(name = "segment_name", length = 128)
    String segment = "";

    @Id
    @Column(name = "member_id", length = 200)
    String member = "";

    protected WorkflowSegmentMemberEntity() {
    }

    /** The primary key: tenant, segment and member. */
    @Access(AccessType.FIELD)
    static class Key implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        String tenantId = "";
        String segment = "";
        String member = "";

        protected Key() {
        }

        Key(String tenantId, String segment, String member) {
            this.tenantId = tenantId;
            this.segment = segment;
            this.member = member;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && tenantId.equals(k.tenantId) && segment.equals(k.segment)
                    && member.equals(k.member);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, segment, member);
        }
    }
}
