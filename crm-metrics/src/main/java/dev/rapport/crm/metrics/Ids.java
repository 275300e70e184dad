package dev.rapport.crm.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The contributing ids of one accumulator, or nothing when ids are off. */
final class Ids {
    private final boolean keep;
    private final List<String> ids;

    Ids(boolean keep) {
        this.keep = keep;
        this.ids = keep ? new ArrayList<>() : Collections.emptyList();
    }

    void add(String id) {
        if (keep) {
            ids.add(id);
        }
    }

    void addAll(Ids other) {
        if (keep) {
            ids.addAll(other.ids);
        }
    }

    List<String> list() {
        return keep ? List.copyOf(ids) : List.of();
    }
}
