package dev.rapport.crm.sales;

import dev.rapport.crm.internal.Checks;
import java.io.Serializable;

/**
 * What a {@link StageRequirement} says about an opportunity: {@link Met} or {@link Unmet} with
 * the reason. A result, not a bare boolean, so a refusal can say why.
 *
 * <pre>{@code
 * if (StageRequirement.amountRequired().check(opportunity) instanceof RequirementResult.Unmet unmet) {
 *     System.out.println(unmet.requirement() + ": " + unmet.reason());
 * }
 * }</pre>
 */
public sealed interface RequirementResult extends Serializable permits RequirementResult.Met, RequirementResult.Unmet {

    /**
     * The name of the requirement that was checked.
     *
     * @return e.g. {@code "amount"}
     */
    String requirement();

    /**
     * Whether the requirement holds.
     *
     * @return true for {@link Met}
     */
    default boolean isMet() {
        return this instanceof Met;
    }

    /**
     * The requirement holds.
     *
     * @param requirement the name of the requirement
     * @return the result
     */
    static RequirementResult met(String requirement) {
        return new Met(requirement);
    }

    /**
     * The requirement does not hold.
     *
     * @param requirement the name of the requirement
     * @param reason why, without personal data
     * @return the result
     */
    static RequirementResult unmet(String requirement, String reason) {
        return new Unmet(requirement, reason);
    }

    /**
     * The requirement holds.
     *
     * <pre>{@code
     * RequirementResult ok = RequirementResult.met("amount");
     * }</pre>
     *
     * @param requirement the name of the requirement
     */
    record Met(String requirement) implements RequirementResult {
        /**
         * Validates the result.
         *
         * @param requirement the name of the requirement
         * @throws dev.rapport.crm.CrmValidationException if the name is blank
         */
        public Met {
            requirement = Checks.nonBlank(requirement, "requirement");
        }
    }

    /**
     * The requirement does not hold, and why.
     *
     * <pre>{@code
     * RequirementResult missing = RequirementResult.unmet("amount", "an amount is required");
     * }</pre>
     *
     * @param requirement the name of the requirement
     * @param reason why it does not hold, without personal data
     */
    record Unmet(String requirement, String reason) implements RequirementResult {
        /**
         * Validates the result.
         *
         * @param requirement the name of the requirement
         * @param reason why it does not hold, without personal data
         * @throws dev.rapport.crm.CrmValidationException if a part is blank
         */
        public Unmet {
            requirement = Checks.nonBlank(requirement, "requirement");
            reason = Checks.nonBlank(reason, "reason");
        }
    }
}
