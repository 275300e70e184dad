package dev.rapport.crm.sales;

import dev.rapport.crm.spi.AggregateStore;
import java.util.Optional;

/**
 * The store port for pipelines, with the indexed look-ups the services need.
 *
 * <pre>{@code
 * Optional<Pipeline> sales = tx.pipelines().findDefault();
 * }</pre>
 */
public interface PipelineStore extends AggregateStore<PipelineId, Pipeline> {
    /**
     * The tenant's default pipeline (the one flagged {@link Pipeline#isDefault()}).
     *
     * @return the pipeline, or empty if the tenant has none yet
     */
    Optional<Pipeline> findDefault();
}
