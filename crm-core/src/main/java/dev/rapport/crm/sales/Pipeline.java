package dev.rapport.crm.sales;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sales process: ordered {@link Stage}s that opportunities move through. A tenant may have
 * several pipelines; exactly one of them is its default, used when an opportunity names none.
 *
 * <p>Rules: stage keys are unique; there is at least one open stage, exactly one closed-won stage
 * and at least one closed-lost stage. Stages are kept in the order given and numbered 1..n.
 *
 * <pre>{@code
 * Pipeline sales = crm.pipelines().defaultPipeline();
 * Stage proposal = sales.requireStage("proposal");
 * Stage first = sales.firstOpenStage();
 * }</pre>
 *
 * @param id the id
 * @param tenantId the tenant
 * @param version the version, 1 when created
 * @param name the display name
 * @param stages the stages, in order
 * @param isDefault whether this is the tenant's default pipeline
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Pipeline(PipelineId id, TenantId tenantId, long version, String name, List<Stage> stages,
        boolean isDefault, Instant createdAt, Instant updatedAt) implements Aggregate<PipelineId> {

    /**
     * Validates the pipeline and numbers its stages.
     *
     * @param id the id
     * @param tenantId the tenant
     * @param version the version, 1 when created
     * @param name the display name
     * @param stages the stages, in order
     * @param isDefault whether this is the tenant's default pipeline
     * @param createdAt when it was created
     * @param updatedAt when it was last changed
     * @throws CrmValidationException naming the field if a value is missing or the stages break
     *     the rules above (field {@code stages})
     */
    public Pipeline {
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        name = Checks.maxLength(Checks.nonBlank(name, "name"), 100, "name");
        stages = numbered(stages);
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        Checks.check(!updatedAt.isBefore(createdAt), "updatedAt", "must not be before createdAt");
    }

    /**
     * Checks the stage rules and numbers the stages 1..n.
     *
     * @param stages the stages
     * @return the numbered stages
     */
    static List<Stage> numbered(List<Stage> stages) {
        List<Stage> given = Checks.list(stages, "stages");
        Set<String> keys = new HashSet<>();
        int open = 0;
        int won = 0;
        int lost = 0;
        List<Stage> out = new ArrayList<>(given.size());
        for (Stage stage : given) {
            if (!keys.add(stage.key())) {
                throw new CrmValidationException("stages", "lists the stage key " + stage.key() + " twice");
            }
            if (stage.won()) {
                won++;
            } else if (stage.closed()) {
                lost++;
            } else {
                open++;
            }
            out.add(stage.withOrder(out.size() + 1));
        }
        Checks.check(open >= 1, "stages", "must include at least one open stage");
        Checks.check(won == 1, "stages", "must include exactly one closed-won stage");
        Checks.check(lost >= 1, "stages", "must include at least one closed-lost stage");
        return List.copyOf(out);
    }

    /**
     * The stage with a key.
     *
     * @param key the stage key
     * @return the stage, or empty
     */
    public Optional<Stage> stage(String key) {
        for (Stage stage : stages) {
            if (stage.key().equals(key)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    /**
     * The stage with a key, which must exist.
     *
     * @param key the stage key
     * @return the stage
     * @throws CrmValidationException naming {@code stage} if the pipeline has no such stage
     */
    public Stage requireStage(String key) {
        return stage(key).orElseThrow(() -> new CrmValidationException("stage", "is not a stage of the pipeline"));
    }

    /**
     * The first open stage, where new opportunities start by default.
     *
     * @return the stage
     */
    public Stage firstOpenStage() {
        return stages.stream().filter(Stage::isOpen).findFirst().orElseThrow();
    }

    /**
     * The open stages, in order.
     *
     * @return the stages
     */
    public List<Stage> openStages() {
        return stages.stream().filter(Stage::isOpen).toList();
    }

    /**
     * The closed-won stage.
     *
     * @return the stage
     */
    public Stage wonStage() {
        return stages.stream().filter(Stage::won).findFirst().orElseThrow();
    }

    /**
     * The closed-lost stages, in order; {@code closeLost} uses the first unless told otherwise.
     *
     * @return the stages, at least one
     */
    public List<Stage> lostStages() {
        return stages.stream().filter(Stage::isLost).toList();
    }

    /**
     * A copy with another name.
     *
     * @param newName the name
     * @return the copy
     * @throws CrmValidationException naming {@code name} if it is blank
     */
    public Pipeline withName(String newName) {
        return new Pipeline(id, tenantId, version, newName, stages, isDefault, createdAt, updatedAt);
    }

    /**
     * A copy with other stages (renumbered 1..n). The service refuses to remove a stage that
     * holds opportunities or to change whether it is open, won or lost.
     *
     * @param newStages the stages, in order
     * @return the copy
     * @throws CrmValidationException naming {@code stages} if they break the pipeline rules
     */
    public Pipeline withStages(List<Stage> newStages) {
        return new Pipeline(id, tenantId, version, name, newStages, isDefault, createdAt, updatedAt);
    }

    /**
     * A copy with the default flag set or cleared (used by the service).
     *
     * @param value whether it is the default
     * @return the copy
     */
    public Pipeline withDefault(boolean value) {
        return new Pipeline(id, tenantId, version, name, stages, value, createdAt, updatedAt);
    }

    /**
     * A copy with another version (used by services when storing a change).
     *
     * @param next the version
     * @return the copy
     */
    public Pipeline withVersion(long next) {
        return new Pipeline(id, tenantId, next, name, stages, isDefault, createdAt, updatedAt);
    }

    /**
     * A copy stamped with the time of a change.
     *
     * @param at the time
     * @return the copy
     */
    public Pipeline withUpdatedAt(Instant at) {
        return new Pipeline(id, tenantId, version, name, stages, isDefault, createdAt, at);
    }
}
