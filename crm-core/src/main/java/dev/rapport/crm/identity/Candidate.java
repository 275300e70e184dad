package dev.rapport.crm.identity;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import java.util.List;

/**
 * A record that may be the same customer as the one asked about, with the score and the rules
 * that matched.
 *
 * <pre>{@code
 * for (Candidate<ContactId> c : crm.duplicates().candidates(NewContact.withEmail("ada@acme.example"))) {
 *     warn(c.id(), c.score(), c.matched());
 * }
 * }</pre>
 *
 * @param id the candidate record
 * @param score the mean score of the compared rules, in [0, 1]
 * @param matched the rules that matched, in the configured order
 * @param <I> the id type ({@code ContactId} or {@code AccountId})
 */
public record Candidate<I extends EntityId>(I id, double score, List<RuleMatch> matched) {
    /**
     * Validates the candidate.
     *
     * @param id the candidate record
     * @param score the mean score of the compared rules, in [0, 1]
     * @param matched the rules that matched, in the configured order
     * @throws dev.rapport.crm.CrmValidationException if a part is missing or the score is out of range
     */
    public Candidate {
        Checks.notNull(id, "id");
        Checks.check(score >= 0 && score <= 1, "score", "must be between 0 and 1");
        matched = Checks.list(matched, "matched");
    }

    /**
     * The names of the rules that matched.
     *
     * @return the names
     */
    public List<String> ruleNames() {
        return matched.stream().map(RuleMatch::rule).toList();
    }
}
