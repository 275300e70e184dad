package dev.rapport.crm.identity;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import java.util.List;

/**
 * Two stored records that match, found by a scan; {@code first} has the smaller id.
 *
 * <pre>{@code
 * for (DuplicatePair<ContactId> p : crm.duplicates().scanContacts().pairs()) {
 *     review(p.first(), p.second(), p.score());
 * }
 * }</pre>
 *
 * @param first the record with the smaller id
 * @param second the other record
 * @param score the mean score of the compared rules, in [0, 1]
 * @param matched the rules that matched
 * @param <I> the id type
 */
public record DuplicatePair<I extends EntityId>(I first, I second, double score, List<RuleMatch> matched) {
    /**
     * Validates the pair.
     *
     * @param first the record with the smaller id
     * @param second the other record
     * @param score the mean score of the compared rules, in [0, 1]
     * @param matched the rules that matched
     * @throws dev.rapport.crm.CrmValidationException if a part is missing
     */
    public DuplicatePair {
        Checks.notNull(first, "first");
        Checks.notNull(second, "second");
        Checks.check(score >= 0 && score <= 1, "score", "must be between 0 and 1");
        matched = Checks.list(matched, "matched");
    }
}
