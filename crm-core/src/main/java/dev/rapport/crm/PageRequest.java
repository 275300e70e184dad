package dev.rapport.crm;

import dev.rapport.crm.internal.Checks;

/**
 * Which page of a listing to return.
 *
 * <pre>{@code
 * PageRequest second = new PageRequest(50, 50);
 * }</pre>
 *
 * @param offset how many items to skip, at least 0
 * @param limit how many items at most, 1 to 10,000
 */
public record PageRequest(int offset, int limit) {
    /** The largest page a request may ask for. */
    public static final int MAX_LIMIT = 10_000;

    /**
     * Validates the request.
     *
     * @param offset how many items to skip, at least 0
     * @param limit how many items at most, 1 to 10,000
     * @throws CrmValidationException if the offset is negative or the limit out of range
     */
    public PageRequest {
        Checks.check(offset >= 0, "offset", "must not be negative");
        Checks.check(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT);
    }

    /**
     * The first page.
     *
     * @param limit the page size
     * @return the request
     * @throws CrmValidationException if the limit is out of range
     */
    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }
}
