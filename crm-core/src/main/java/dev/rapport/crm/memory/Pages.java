package dev.rapport.crm.memory;

import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import java.util.Comparator;
import java.util.List;

/** Pages the rows an index look-up found, in an order other than by id. */
final class Pages {
    private Pages() {
    }

    static <T> Page<T> of(List<T> found, Comparator<? super T> order, PageRequest request) {
        List<T> sorted = found.stream().sorted(order).toList();
        int from = Math.min(request.offset(), sorted.size());
        int to = (int) Math.min((long) from + request.limit(), sorted.size());
        return new Page<>(sorted.subList(from, to), request, sorted.size());
    }
}
