package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The custom field schema of one entity type; its field definitions are JSON text. */
@Access(AccessType.FIELD)
@Entity(name = "RapportCustomFieldSchema")
@Table(name = "rapport_custom_field_schema")
@IdClass(AggregateKey.class)
@Cacheable(false)
class CustomFieldSchemaEntity extends AggregateEntity {
    @Column(name = "entity_type", length = 32, nullable = false)
    String entityType = "";

    @Column(name = "fields", length = Columns.TEXT, nullable = false)
    String fields = "[]";

    protected CustomFieldSchemaEntity() {
    }
}
