package dev.rapport.crm.identity;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import java.util.List;

/**
 * The result of scanning a whole tenant for duplicates. Only records that share a blocking key
 * (an address, a number, a domain, an account, a name word, an external id) are compared;
 * {@link #comparisons()} says how many pairs were compared. A block larger than the scan's limit
 * is not compared pair by pair (a key such as a big company's domain would make the scan
 * quadratic); it is reported in {@link #oversizedBlocks()} instead.
 *
 * <pre>{@code
 * DuplicateScan<ContactId> scan = crm.duplicates().scanContacts();
 * scan.pairs().forEach(p -> review(p.first(), p.second()));
 * }</pre>
 *
 * @param pairs the matching pairs, best score first
 * @param records how many records were read
 * @param comparisons how many distinct pairs were compared
 * @param oversizedBlocks how many blocks were too large to compare
 * @param <I> the id type
 */
public record DuplicateScan<I extends EntityId>(List<DuplicatePair<I>> pairs, long records, long comparisons,
        long oversizedBlocks) {
    /**
     * Validates the result.
     *
     * @param pairs the matching pairs, best score first
     * @param records how many records were read
     * @param comparisons how many distinct pairs were compared
     * @param oversizedBlocks how many blocks were too large to compare
     * @throws dev.rapport.crm.CrmValidationException if a count is negative
     */
    public DuplicateScan {
        pairs = Checks.list(pairs, "pairs");
        Checks.nonNegative(records, "records");
        Checks.nonNegative(comparisons, "comparisons");
        Checks.nonNegative(oversizedBlocks, "oversizedBlocks");
    }
}
