package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The link from another system's key to a record, found by its id (derived from the kind of record
 * and the key). It is never updated, so its update time is its creation time.
 */
@Access(AccessType.FIELD)
@Entity(name = "RapportExternalKey")
@Table(name = "rapport_external_key")
@IdClass(AggregateKey.class)
@Cacheable(false)
class ExternalKeyEntity extends AggregateEntity {
    @Column(name = "entity", length = 64, nullable = false)
    String entity = "";

    @Column(name = "external_key", length = 1000, nullable = false)
    String key = "";

    @Column(name = "target_id", length = 128, nullable = false)
    String targetId = "";

    protected ExternalKeyEntity() {
    }
}
