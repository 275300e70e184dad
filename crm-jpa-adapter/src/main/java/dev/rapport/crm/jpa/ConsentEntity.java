package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The consent record of a contact (its id is the contact's): the current entries and the full
 * history of decisions, each JSON text read and written whole.
 */
@Access(AccessType.FIELD)
@Entity(name = "RapportConsent")
@Table(name = "rapport_consent")
@IdClass(AggregateKey.class)
@Cacheable(false)
class ConsentEntity extends AggregateEntity {
    @Column(name = "entries", length = Columns.TEXT, nullable = false)
    String entries = "[]";

    @Column(name = "history", length = Columns.TEXT, nullable = false)
    String history = "[]";

    protected ConsentEntity() {
    }
}
