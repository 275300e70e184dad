package dev.rapport.crm.sales;

import dev.rapport.crm.internal.Checks;
import java.util.function.Predicate;

/**
 * A condition an opportunity must meet to enter a stage, e.g. "an amount is known before the
 * proposal stage". A requirement is a policy: it {@linkplain #check checks} an opportunity as it
 * would be in the new stage and returns a {@link RequirementResult} that says why it is not met.
 *
 * <p>The built-in requirements are {@link BuiltIn} constants (a store can persist them by
 * name); {@link #of(String, String, Predicate)} makes a custom one from a predicate, which lives
 * only as long as the pipeline object that holds it.
 *
 * <pre>{@code
 * Stage proposal = Stage.open("proposal", "Proposal", new BigDecimal("0.6"), ForecastCategory.BEST_CASE)
 *         .requiring(StageRequirement.amountRequired())
 *         .requiring(StageRequirement.of("discount-approved", "a discount above 20% needs approval",
 *                 o -> o.lineItems().stream().allMatch(l -> l.discountPercent().intValue() <= 20)));
 * }</pre>
 */
public sealed interface StageRequirement permits StageRequirement.BuiltIn, StageRequirement.Custom {

    /**
     * The requirement's name, reported when it is not met.
     *
     * @return e.g. {@code "amount"} or {@code "discount-approved"}
     */
    String key();

    /**
     * Checks an opportunity.
     *
     * @param opportunity the opportunity as it would enter the stage
     * @return met, or unmet with the reason
     */
    RequirementResult check(Opportunity opportunity);

    /**
     * The opportunity has an amount above zero.
     *
     * @return the requirement
     */
    static StageRequirement amountRequired() {
        return BuiltIn.AMOUNT;
    }

    /**
     * The opportunity has an expected close date.
     *
     * @return the requirement
     */
    static StageRequirement closeDateRequired() {
        return BuiltIn.CLOSE_DATE;
    }

    /**
     * The opportunity has a primary contact role.
     *
     * @return the requirement
     */
    static StageRequirement primaryContactRequired() {
        return BuiltIn.PRIMARY_CONTACT;
    }

    /**
     * The opportunity has at least one line item.
     *
     * @return the requirement
     */
    static StageRequirement lineItemsRequired() {
        return BuiltIn.LINE_ITEMS;
    }

    /**
     * A custom requirement.
     *
     * @param name its name, reported when it is not met
     * @param reason the reason reported when it is not met (no personal data)
     * @param test true when the opportunity meets it
     * @return the requirement
     * @throws dev.rapport.crm.CrmValidationException if a part is missing
     */
    static StageRequirement of(String name, String reason, Predicate<Opportunity> test) {
        return new Custom(name, reason, test);
    }

    /**
     * The requirements Rapport knows by name.
     *
     * <pre>{@code
     * StageRequirement r = StageRequirement.BuiltIn.valueOf("AMOUNT");
     * }</pre>
     */
    enum BuiltIn implements StageRequirement {
        /** An amount above zero. */
        AMOUNT("amount", "an amount above zero is required"),
        /** An expected close date. */
        CLOSE_DATE("closeDate", "an expected close date is required"),
        /** A primary contact role. */
        PRIMARY_CONTACT("primaryContact", "a primary contact is required"),
        /** At least one line item. */
        LINE_ITEMS("lineItems", "at least one line item is required");

        private final String requirement;
        private final String reason;

        BuiltIn(String requirement, String reason) {
            this.requirement = requirement;
            this.reason = reason;
        }

        @Override
        public String toString() {
            return requirement;
        }

        @Override
        public String key() {
            return requirement;
        }

        @Override
        public RequirementResult check(Opportunity opportunity) {
            boolean met = switch (this) {
                case AMOUNT -> opportunity.amount() != null && !opportunity.amount().isZero();
                case CLOSE_DATE -> opportunity.closeDate() != null;
                case PRIMARY_CONTACT -> opportunity.contactRoles().primary().isPresent();
                case LINE_ITEMS -> !opportunity.lineItems().isEmpty();
            };
            return met ? RequirementResult.met(requirement) : RequirementResult.unmet(requirement, reason);
        }
    }

    /**
     * A requirement given by the host as a predicate.
     *
     * <pre>{@code
     * StageRequirement accountKnown = StageRequirement.of("account", "an account is required",
     *         o -> o.accountId() != null);
     * }</pre>
     *
     * @param key its name, reported when it is not met
     * @param reason the reason reported when it is not met
     * @param test true when the opportunity meets it
     */
    record Custom(String key, String reason, Predicate<Opportunity> test) implements StageRequirement {
        /**
         * Validates the requirement.
         *
         * @param key its name, reported when it is not met
         * @param reason the reason reported when it is not met
         * @param test true when the opportunity meets it
         * @throws dev.rapport.crm.CrmValidationException if a part is missing
         */
        public Custom {
            key = Checks.maxLength(Checks.nonBlank(key, "requirement.name"), 100, "requirement.name");
            reason = Checks.maxLength(Checks.nonBlank(reason, "requirement.reason"), 200, "requirement.reason");
            Checks.notNull(test, "requirement.test");
        }

        @Override
        public RequirementResult check(Opportunity opportunity) {
            return test.test(opportunity) ? RequirementResult.met(key) : RequirementResult.unmet(key, reason);
        }

        @Override
        public String toString() {
            return "Custom[" + key + "]";
        }
    }
}
