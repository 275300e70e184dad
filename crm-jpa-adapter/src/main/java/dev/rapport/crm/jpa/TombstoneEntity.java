package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The tombstone of an erased identifier: its id is a keyed hash, never the identifier itself. */
@Access(AccessType.FIELD)
@Entity(name = "RapportTombstone")
@Table(name = "rapport_tombstone")
@IdClass(AggregateKey.class)
@Cacheable(false)
class TombstoneEntity extends AggregateEntity {
    @Column(name = "identifier_kind", length = 16, nullable = false)
    String kind = "";

    protected TombstoneEntity() {
    }
}
