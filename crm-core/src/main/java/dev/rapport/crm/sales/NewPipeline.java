package dev.rapport.crm.sales;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The command to create a pipeline. Immutable: every method returns a new command. The stage
 * rules (unique keys, an open stage, one closed-won, a closed-lost stage) are checked when the
 * pipeline is created; a repeated stage key fails at once.
 *
 * <pre>{@code
 * Pipeline renewals = crm.pipelines().create(NewPipeline.named("Renewals")
 *         .stage(Stage.open("upcoming", "Upcoming", new BigDecimal("0.5"), ForecastCategory.PIPELINE))
 *         .stage(Stage.open("quoted", "Quoted", new BigDecimal("0.8"), ForecastCategory.COMMIT)
 *                 .requiring(StageRequirement.amountRequired()))
 *         .stage(Stage.won("renewed", "Renewed"))
 *         .stage(Stage.lost("churned", "Churned")));
 * }</pre>
 *
 * @param name the display name
 * @param stages the stages, in order
 * @param isDefault whether the new pipeline becomes the tenant's default
 */
public record NewPipeline(String name, List<Stage> stages, boolean isDefault) {

    /**
     * Validates the command.
     *
     * @param name the display name
     * @param stages the stages, in order
     * @param isDefault whether the new pipeline becomes the tenant's default
     * @throws CrmValidationException naming the field if a value is invalid
     */
    public NewPipeline {
        name = Checks.maxLength(Checks.nonBlank(name, "name"), 100, "name");
        stages = Checks.list(stages, "stages");
    }

    /**
     * A pipeline with a name and no stages yet.
     *
     * @param name the display name
     * @return the command
     * @throws CrmValidationException naming {@code name} if it is blank
     */
    public static NewPipeline named(String name) {
        return new NewPipeline(name, List.of(), false);
    }

    /**
     * The standard business-to-business pipeline, the one every tenant gets as its default on
     * first use: prospecting 10%, qualification 20%, needs-analysis 40%, proposal 60%,
     * negotiation 80%, closed-won 100%, closed-lost 0%. It has no entry requirements.
     *
     * @return the command (not marked default; the service marks the lazily created one)
     */
    public static NewPipeline standardB2b() {
        return named("Sales")
                .stage(Stage.open("prospecting", "Prospecting", new BigDecimal("0.10"), ForecastCategory.PIPELINE))
                .stage(Stage.open("qualification", "Qualification", new BigDecimal("0.20"),
                        ForecastCategory.PIPELINE))
                .stage(Stage.open("needs-analysis", "Needs analysis", new BigDecimal("0.40"),
                        ForecastCategory.PIPELINE))
                .stage(Stage.open("proposal", "Proposal", new BigDecimal("0.60"), ForecastCategory.BEST_CASE))
                .stage(Stage.open("negotiation", "Negotiation", new BigDecimal("0.80"), ForecastCategory.COMMIT))
                .stage(Stage.won("closed-won", "Closed won"))
                .stage(Stage.lost("closed-lost", "Closed lost"));
    }

    /**
     * With a stage appended.
     *
     * @param stage the stage
     * @return the command
     * @throws CrmValidationException naming {@code stages} if its key is already used
     */
    public NewPipeline stage(Stage stage) {
        Checks.notNull(stage, "stages");
        for (Stage s : stages) {
            if (s.key().equals(stage.key())) {
                throw new CrmValidationException("stages", "lists the stage key " + stage.key() + " twice");
            }
        }
        List<Stage> next = new ArrayList<>(stages);
        next.add(stage);
        return new NewPipeline(name, next, isDefault);
    }

    /**
     * Making the new pipeline the tenant's default (the former default stops being it).
     *
     * @return the command
     */
    public NewPipeline asDefault() {
        return new NewPipeline(name, stages, true);
    }
}
