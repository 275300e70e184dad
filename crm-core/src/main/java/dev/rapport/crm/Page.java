package dev.rapport.crm;

import dev.rapport.crm.internal.Checks;
import java.util.List;

/**
 * One page of a listing, in a stable order.
 *
 * <pre>{@code
 * Page<Contact> page = crm.contacts().list(PageRequest.first(50));
 * while (page.hasNext()) {
 *     page = crm.contacts().list(page.nextRequest());
 * }
 * }</pre>
 *
 * @param items the items of this page
 * @param request the request that produced it
 * @param total how many items there are in all
 * @param <T> the item type
 */
public record Page<T>(List<T> items, PageRequest request, long total) {
    /**
     * Validates the page.
     *
     * @param items the items of this page
     * @param request the request that produced it
     * @param total how many items there are in all
     * @throws CrmValidationException if a part is missing
     */
    public Page {
        items = Checks.list(items, "items");
        Checks.notNull(request, "request");
        Checks.nonNegative(total, "total");
    }

    /**
     * Whether more items follow.
     *
     * @return true if there is a next page
     */
    public boolean hasNext() {
        return request.offset() + (long) items.size() < total;
    }

    /**
     * The request for the next page.
     *
     * @return the next request, of the same size
     */
    public PageRequest nextRequest() {
        return new PageRequest(request.offset() + request.limit(), request.limit());
    }
}
