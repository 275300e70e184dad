package dev.rapport.crm.sales;

import dev.rapport.crm.CrmValidationException;
import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An opportunity was refused entry into a stage because some of the stage's
 * {@linkplain Stage#requirements() requirements} are not met. It names the field {@code stage}
 * and lists every requirement that failed, not only the first. Nothing was changed.
 *
 * <pre>{@code
 * try {
 *     crm.opportunities().moveToStage(id, "proposal");
 * } catch (StageRequirementsNotMetException e) {
 *     e.unmet().forEach(u -> System.out.println(u.requirement() + ": " + u.reason()));
 * }
 * }</pre>
 */
public class StageRequirementsNotMetException extends CrmValidationException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String stageKey;
    private final transient List<RequirementResult.Unmet> unmet;

    /**
     * Creates the exception.
     *
     * @param stageKey the key of the stage that was refused
     * @param unmet every requirement that is not met, at least one
     */
    public StageRequirementsNotMetException(String stageKey, List<RequirementResult.Unmet> unmet) {
        super("stage", "requirements of stage " + stageKey + " not met: " + unmet.stream()
                .map(u -> u.requirement() + " (" + u.reason() + ")").collect(Collectors.joining("; ")));
        this.stageKey = stageKey;
        this.unmet = List.copyOf(unmet);
    }

    /**
     * The stage that was refused.
     *
     * @return its key
     */
    public String stageKey() {
        return stageKey;
    }

    /**
     * Every requirement that is not met, in the stage's order.
     *
     * @return the unmet requirements
     */
    public List<RequirementResult.Unmet> unmet() {
        return unmet == null ? List.of() : unmet;
    }
}
