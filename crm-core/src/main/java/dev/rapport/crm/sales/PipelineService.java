package dev.rapport.crm.sales;

import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pipelines of one tenant. A tenant may have several; exactly one is its default. Every tenant
 * gets the {@linkplain NewPipeline#standardB2b() standard B2B pipeline} as its default the first
 * time one is needed (by {@link #defaultPipeline()} or by an opportunity that names no pipeline),
 * created once, inside the command that needs it.
 *
 * <pre>{@code
 * Pipeline sales = crm.pipelines().defaultPipeline();
 * Pipeline renewals = crm.pipelines().create(NewPipeline.named("Renewals")
 *         .stage(Stage.open("upcoming", "Upcoming", new BigDecimal("0.5"), ForecastCategory.PIPELINE))
 *         .stage(Stage.won("renewed", "Renewed"))
 *         .stage(Stage.lost("churned", "Churned")));
 * Stage proposal = crm.pipelines().stage(sales.id(), "proposal");
 * }</pre>
 */
public final class PipelineService {
    /** The id of the standard pipeline created on first use (unique per tenant). */
    public static final PipelineId STANDARD_PIPELINE_ID = PipelineId.of("standard");

    private final ServiceContext context;

    /**
     * Creates the service. Hosts get it from {@code crm.pipelines()}.
     *
     * @param context the service context
     */
    public PipelineService(ServiceContext context) {
        this.context = context;
    }

    /**
     * Creates a pipeline. If the command is {@linkplain NewPipeline#asDefault() marked default},
     * the former default pipeline stops being the default, in the same atomic command.
     *
     * @param command what to create
     * @return the stored pipeline, at version 1
     * @throws CrmValidationException naming {@code stages} if the stages break the pipeline rules
     */
    public Pipeline create(NewPipeline command) {
        Checks.notNull(command, "command");
        return context.write(uow -> {
            Pipeline pipeline = new Pipeline(PipelineId.of(uow.newId("pipeline")), uow.tenant(), 1, command.name(),
                    command.stages(), command.isDefault(), uow.now(), uow.now());
            if (command.isDefault()) {
                Optional<Pipeline> former = uow.tx().pipelines().findDefault();
                if (former.isPresent()) {
                    Pipeline old = former.get();
                    uow.tx().pipelines().update(old.withDefault(false).withVersion(old.version() + 1)
                            .withUpdatedAt(uow.now()));
                }
            }
            uow.tx().pipelines().insert(pipeline);
            return pipeline;
        });
    }

    /**
     * Makes a pipeline the tenant's default; the former default stops being it.
     *
     * @param id the pipeline
     * @return the stored pipeline
     * @throws CrmValidationException naming {@code pipelineId} if it does not exist
     */
    public Pipeline makeDefault(PipelineId id) {
        Checks.notNull(id, "pipelineId");
        return context.write(uow -> {
            Pipeline target = require(uow, id);
            if (target.isDefault()) {
                return target;
            }
            Optional<Pipeline> former = uow.tx().pipelines().findDefault();
            if (former.isPresent()) {
                Pipeline old = former.get();
                uow.tx().pipelines().update(old.withDefault(false).withVersion(old.version() + 1)
                        .withUpdatedAt(uow.now()));
            }
            Pipeline next = target.withDefault(true).withVersion(target.version() + 1).withUpdatedAt(uow.now());
            uow.tx().pipelines().update(next);
            return next;
        });
    }

    /**
     * The tenant's default pipeline, created (the standard B2B one) if the tenant has none yet.
     *
     * @return the default pipeline
     */
    public Pipeline defaultPipeline() {
        Optional<Pipeline> existing = context.read(tx -> tx.pipelines().findDefault());
        return existing.orElseGet(() -> context.write(PipelineService::ensureDefault));
    }

    /**
     * The default pipeline, created inside the current unit of work if missing. Writers of one
     * tenant run one at a time, so two first uses cannot both create it; the fixed id makes a
     * second creation fail as a conflict even on a store that does not serialize writers.
     *
     * @param uow the unit of work
     * @return the default pipeline
     */
    static Pipeline ensureDefault(UnitOfWork uow) {
        Optional<Pipeline> existing = uow.tx().pipelines().findDefault();
        if (existing.isPresent()) {
            return existing.get();
        }
        NewPipeline standard = NewPipeline.standardB2b();
        Pipeline pipeline = new Pipeline(STANDARD_PIPELINE_ID, uow.tenant(), 1, standard.name(), standard.stages(),
                true, uow.now(), uow.now());
        uow.tx().pipelines().insert(pipeline);
        return pipeline;
    }

    /**
     * A pipeline by id.
     *
     * @param id the id
     * @return the pipeline
     * @throws CrmNotFoundException if it does not exist in this tenant
     */
    public Pipeline get(PipelineId id) {
        return find(id).orElseThrow(() -> new CrmNotFoundException("Pipeline", id.value()));
    }

    /**
     * A pipeline by id, if it exists.
     *
     * @param id the id
     * @return the pipeline, or empty
     */
    public Optional<Pipeline> find(PipelineId id) {
        Checks.notNull(id, "pipelineId");
        return context.read(tx -> tx.pipelines().find(id));
    }

    /**
     * All pipelines of the tenant, ordered by id (a tenant has a handful).
     *
     * @return the pipelines
     */
    public List<Pipeline> list() {
        return context.read(tx -> {
            List<Pipeline> all = new ArrayList<>();
            PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
            dev.rapport.crm.Page<Pipeline> page = tx.pipelines().list(request);
            all.addAll(page.items());
            while (page.hasNext()) {
                page = tx.pipelines().list(page.nextRequest());
                all.addAll(page.items());
            }
            return List.copyOf(all);
        });
    }

    /**
     * A stage of a pipeline by key.
     *
     * @param pipelineId the pipeline
     * @param stageKey the stage key
     * @return the stage
     * @throws CrmValidationException naming {@code pipelineId} if the pipeline does not exist, or
     *     {@code stage} if it has no such stage
     */
    public Stage stage(PipelineId pipelineId, String stageKey) {
        Checks.notNull(pipelineId, "pipelineId");
        Checks.notNull(stageKey, "stage");
        return context.read(tx -> tx.pipelines().find(pipelineId))
                .orElseThrow(PipelineService::unknownPipeline)
                .requireStage(stageKey);
    }

    static Pipeline require(UnitOfWork uow, PipelineId id) {
        return uow.tx().pipelines().find(id).orElseThrow(PipelineService::unknownPipeline);
    }

    private static CrmValidationException unknownPipeline() {
        return new CrmValidationException("pipelineId", "names no pipeline of this tenant");
    }
}
