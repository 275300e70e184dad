package dev.rapport.crm.party;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The ids a contact or an account has in other systems, in the order they were added. A system
 * may appear more than once (after a merge the loser's id stays as an alias of the survivor), but
 * a pair appears only once. Each pair identifies at most one contact and one account per tenant.
 *
 * <pre>{@code
 * ExternalIds ids = ExternalIds.none().with(ExternalId.of("sap", "4711")).with(ExternalId.of("shop", "c-9"));
 * ids.first("sap");   // Optional[sap:4711]
 * }</pre>
 *
 * @param ids the pairs, oldest first
 */
public record ExternalIds(List<ExternalId> ids) {
    private static final ExternalIds NONE = new ExternalIds(List.of());

    /**
     * Validates the pairs.
     *
     * @param ids the pairs, oldest first
     * @throws CrmValidationException naming {@code externalIds} if a pair appears twice
     */
    public ExternalIds {
        ids = Checks.list(ids, "externalIds");
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new CrmValidationException("externalIds", "lists an id twice");
        }
    }

    /**
     * No external ids.
     *
     * @return the empty set
     */
    public static ExternalIds none() {
        return NONE;
    }

    /**
     * A copy with a pair added at the end (unchanged if it is already there).
     *
     * @param id the pair
     * @return the copy
     */
    public ExternalIds with(ExternalId id) {
        Checks.notNull(id, "externalId");
        if (ids.contains(id)) {
            return this;
        }
        List<ExternalId> next = new ArrayList<>(ids);
        next.add(id);
        return new ExternalIds(next);
    }

    /**
     * A copy with all pairs of another set added after these ones.
     *
     * @param other the other pairs
     * @return the union, this set's pairs first
     */
    public ExternalIds plus(ExternalIds other) {
        ExternalIds result = this;
        for (ExternalId id : other.ids) {
            result = result.with(id);
        }
        return result;
    }

    /**
     * The first id in a system.
     *
     * @param system the system name, in any case
     * @return the first pair of that system, or empty
     */
    public Optional<ExternalId> first(String system) {
        String normalized = Checks.nonBlank(system, "externalId.system").toLowerCase(java.util.Locale.ROOT);
        return ids.stream().filter(id -> id.system().equals(normalized)).findFirst();
    }

    /**
     * Whether a pair is present.
     *
     * @param id the pair
     * @return true if present
     */
    public boolean contains(ExternalId id) {
        return ids.contains(id);
    }

    /**
     * Whether there are none.
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return ids.isEmpty();
    }
}
