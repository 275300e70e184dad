package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The record of a merge: survivor and loser are indexed columns with their id type, the time of
 * the merge is the row's creation time, changed fields and relinked records JSON text.
 */
@Access(AccessType.FIELD)
@Entity(name = "RapportMergeRecord")
@Table(name = "rapport_merge_record")
@IdClass(AggregateKey.class)
@Cacheable(false)
class MergeRecordEntity extends AggregateEntity {
    @Column(name = "record_type", length = 32, nullable = false)
    String recordType = "";

    @Column(name = "survivor_id", length = 128, nullable = false)
    String survivorId = "";

    @Column(name = "loser_id", length = 128, nullable = false)
    String loserId = "";

    @Column(name = "actor_kind", length = 16, nullable = false)
    String actorKind = "";

    @Column(name = "actor_id", length = 200, nullable = false)
    String actorId = "";

    @Column(name = "changed_fields", length = Columns.TEXT, nullable = false)
    String changedFields = "[]";

    @Column(name = "relinked", length = Columns.TEXT, nullable = false)
    String relinked = "[]";

    protected MergeRecordEntity() {
    }
}
