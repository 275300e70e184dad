package dev.rapport.crm.identity;

/**
 * What a rule means when one of the two records has no value for it (no e-mail address, no
 * phone, a contact without an account for the fuzzy name rule).
 *
 * <pre>{@code
 * MatchRules rules = MatchRules.all(List.of(MatchRule.domain(), MatchRule.fuzzyName(0.9)))
 *         .blanks(BlankPolicy.NO_MATCH);
 * }</pre>
 */
public enum BlankPolicy {
    /**
     * A blank rule is left out: it neither matches nor fails, and does not count in the score.
     * Under {@link MatchRules.Combination#ALL} the remaining rules must all match (and at least
     * one rule must have been compared).
     */
    IGNORE,
    /** A blank rule is a rule that did not match, and counts as 0 in the score. */
    NO_MATCH
}
