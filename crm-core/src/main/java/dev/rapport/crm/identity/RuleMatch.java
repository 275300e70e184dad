package dev.rapport.crm.identity;

import dev.rapport.crm.internal.Checks;

/**
 * A rule that matched a pair, with its score.
 *
 * <pre>{@code
 * candidate.matched();   // [RuleMatch[rule=email, score=1.0]]
 * }</pre>
 *
 * @param rule the rule's name ({@link MatchRule#name()})
 * @param score the rule's score, in [0, 1]
 */
public record RuleMatch(String rule, double score) {
    /**
     * Validates the match.
     *
     * @param rule the rule's name ({@link MatchRule#name()})
     * @param score the rule's score, in [0, 1]
     * @throws dev.rapport.crm.CrmValidationException if the name is blank or the score out of range
     */
    public RuleMatch {
        Checks.nonBlank(rule, "rule");
        Checks.check(score >= 0 && score <= 1, "score", "must be between 0 and 1");
    }
}
