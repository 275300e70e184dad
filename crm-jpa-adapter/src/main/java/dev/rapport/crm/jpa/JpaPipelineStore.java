package dev.rapport.crm.jpa;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.sales.Pipeline;
import dev.rapport.crm.sales.PipelineId;
import dev.rapport.crm.sales.PipelineStore;
import dev.rapport.crm.sales.Stage;
import dev.rapport.crm.sales.StageRequirement;
import java.util.Optional;

/**
 * Pipelines on {@link PipelineEntity}. Stage requirements are stored by key: the built-in ones are
 * found by their key, custom ones (which carry code) must be registered with the store's builder.
 */
final class JpaPipelineStore extends JpaAggregateStore<PipelineId, Pipeline, PipelineEntity>
        implements PipelineStore {
    JpaPipelineStore(JpaStoreTransaction tx) {
        super(tx, PipelineEntity.class, "Pipeline", "RapportPipeline", true);
    }

    @Override
    PipelineEntity newEntity() {
        return new PipelineEntity();
    }

    @Override
    void copy(Pipeline p, PipelineEntity e) {
        for (Stage stage : p.stages()) {
            for (StageRequirement requirement : stage.requirements()) {
                if (tx.requirements().find(requirement.key()).orElse(null) != requirement) {
                    throw new CrmValidationException("stage.requirements", "the custom requirement "
                            + requirement.key() + " is not registered with the JPA store, so it could not be read back");
                }
            }
        }
        e.name = p.name();
        e.isDefault = p.isDefault();
        e.stages = Values.list(p.stages(), Values::stage);
        e.times(p.createdAt(), p.updatedAt());
    }

    @Override
    Pipeline toDomain(PipelineEntity e) {
        return new Pipeline(PipelineId.of(e.id), TenantId.of(e.tenantId), e.version, e.name,
                Values.list(e.stages, m -> Values.stageOf(m, tx.requirements()::require)), e.isDefault,
                e.created(), e.updated());
    }

    @Override
    public Optional<Pipeline> findDefault() {
        return first(where("e.isDefault = true").getResultList());
    }
}
