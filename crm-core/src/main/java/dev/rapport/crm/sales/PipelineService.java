package dev.rapport.crm.sales;

import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.Diff;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
     * Stores a changed pipeline (its name or its stages: added, renamed, reordered, with other
     * probabilities, forecast categories or requirements). The change must be based on the
     * current version. A stage that holds opportunities (open or closed) cannot be removed and
     * cannot change between open, won and lost, so no opportunity is left in a stage that is
     * gone or that means something else.
     *
     * <pre>{@code
     * Pipeline p = crm.pipelines().get(id);
     * List<Stage> stages = new ArrayList<>(p.stages());
     * stages.add(1, Stage.open("demo", "Demo", new BigDecimal("0.3"), ForecastCategory.PIPELINE));
     * crm.pipelines().update(p.withStages(stages));
     * }</pre>
     *
     * @param edited the pipeline with its changes, at the version it was read
     * @return the stored pipeline, at the next version (or unchanged if nothing changed)
     * @throws CrmConflictException if the pipeline was changed since it was read
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code isDefault} if the default flag changed (use
     *     {@link #makeDefault}), or {@code stages} if a stage in use is removed or changes kind
     */
    public Pipeline update(Pipeline edited) {
        Checks.notNull(edited, "pipeline");
        return context.write(uow -> {
            Pipeline current = uow.tx().pipelines().find(edited.id())
                    .orElseThrow(() -> new CrmNotFoundException("Pipeline", edited.id().value()));
            if (current.version() != edited.version()) {
                throw new CrmConflictException("Pipeline", edited.id().value(), edited.version(), current.version());
            }
            Set<String> changed = Diff.changed(current, edited, Diff.BOOKKEEPING);
            if (changed.contains("tenantId")) {
                throw new CrmValidationException("tenantId", "cannot change");
            }
            if (changed.contains("isDefault")) {
                throw new CrmValidationException("isDefault", "changes only through makeDefault or a new default pipeline");
            }
            if (changed.isEmpty()) {
                return current;
            }
            for (Stage before : current.stages()) {
                Optional<Stage> after = edited.stage(before.key());
                boolean sameKind = after.isPresent() && after.get().status() == before.status();
                if (!sameKind && uow.tx().opportunities().countInStage(current.id(), before.key()) > 0) {
                    throw new CrmValidationException("stages", "stage " + before.key()
                            + " holds opportunities, so it cannot be removed or change between open, won and lost");
                }
            }
            Pipeline next = new Pipeline(current.id(), current.tenantId(), current.version() + 1, edited.name(),
                    edited.stages(), current.isDefault(), current.createdAt(), uow.now());
            uow.tx().pipelines().update(next);
            return next;
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
