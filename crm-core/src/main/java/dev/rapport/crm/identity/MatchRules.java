package dev.rapport.crm.identity;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.util.HashSet;
import java.util.List;

/**
 * A configured set of {@link MatchRule}s: how they combine and what a blank value means.
 *
 * <p>Two records match when, under {@link Combination#ANY}, at least one rule matches, or, under
 * {@link Combination#ALL}, every rule that was compared matches (see {@link BlankPolicy}). The
 * score of a pair is the mean of the compared rules' scores (1 or 0 for exact rules, the
 * similarity for the fuzzy name), in [0, 1].
 *
 * <pre>{@code
 * MatchRules strict = MatchRules.all(List.of(MatchRule.domain(), MatchRule.fuzzyName(0.93)))
 *         .blanks(BlankPolicy.NO_MATCH);
 * crm.duplicates().withContactRules(strict).candidates(ada.id());
 * }</pre>
 *
 * @param combination how the rules combine
 * @param blanks what a blank value means
 * @param rules the rules, at least one, each name once
 */
public record MatchRules(Combination combination, BlankPolicy blanks, List<MatchRule> rules) {

    /** How rules combine. */
    public enum Combination {
        /** Every compared rule must match. */
        ALL,
        /** One matching rule is enough. */
        ANY
    }

    /**
     * Validates the configuration.
     *
     * @param combination how the rules combine
     * @param blanks what a blank value means
     * @param rules the rules, at least one, each name once
     * @throws CrmValidationException naming {@code rules} if there is none or one appears twice
     */
    public MatchRules {
        Checks.notNull(combination, "combination");
        Checks.notNull(blanks, "blanks");
        rules = Checks.list(rules, "rules");
        if (rules.isEmpty()) {
            throw new CrmValidationException("rules", "must not be empty");
        }
        if (new HashSet<>(rules.stream().map(MatchRule::name).toList()).size() != rules.size()) {
            throw new CrmValidationException("rules", "lists a rule twice");
        }
    }

    /**
     * Rules of which one must match; blanks are ignored.
     *
     * @param rules the rules
     * @return the configuration
     */
    public static MatchRules any(List<MatchRule> rules) {
        return new MatchRules(Combination.ANY, BlankPolicy.IGNORE, rules);
    }

    /**
     * Rules that must all match; blanks are ignored.
     *
     * @param rules the rules
     * @return the configuration
     */
    public static MatchRules all(List<MatchRule> rules) {
        return new MatchRules(Combination.ALL, BlankPolicy.IGNORE, rules);
    }

    /**
     * The same rules with another blank policy.
     *
     * @param policy the policy
     * @return the configuration
     */
    public MatchRules blanks(BlankPolicy policy) {
        return new MatchRules(combination, policy, rules);
    }

    /**
     * The default for contacts: same e-mail (plus-addressing ignored), same phone, same external
     * id, or a similar name (Jaro-Winkler at least 0.92) within the same account.
     *
     * @return the configuration
     */
    public static MatchRules contactDefaults() {
        return any(List.of(MatchRule.email().ignoringPlusAddressing(), MatchRule.phone(), MatchRule.externalId(),
                MatchRule.fuzzyName(0.92)));
    }

    /**
     * The default for accounts: same domain, same external id, or a similar name (Jaro-Winkler at
     * least 0.94, legal forms left out).
     *
     * @return the configuration
     */
    public static MatchRules accountDefaults() {
        return any(List.of(MatchRule.domain(), MatchRule.externalId(), MatchRule.fuzzyName(0.94)));
    }
}
