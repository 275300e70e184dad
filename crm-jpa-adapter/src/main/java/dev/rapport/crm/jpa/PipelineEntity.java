package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A pipeline; its ordered stages are JSON text, read and written with the pipeline. */
@Access(AccessType.FIELD)
@Entity(name = "RapportPipeline")
@Table(name = "rapport_pipeline")
@IdClass(AggregateKey.class)
@Cacheable(false)
class PipelineEntity extends AggregateEntity {
    @Column(name = "name", length = 100, nullable = false)
    String name = "";

    @Column(name = "is_default", nullable = false)
    boolean isDefault;

    @Column(name = "stages", length = Columns.TEXT, nullable = false)
    String stages = "[]";

    protected PipelineEntity() {
    }
}
