package dev.rapport.crm.internal;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The names of the components two records of one type differ in. Internal: not API. */
public final class Diff {
    private Diff() {
    }

    /**
     * The components that differ, except the ignored ones.
     *
     * @param before the old record
     * @param after the new record, of the same type
     * @param ignored component names not to compare (version, timestamps)
     * @return the names of the changed components, sorted
     */
    public static Set<String> changed(Record before, Record after, Set<String> ignored) {
        if (before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("records of different types");
        }
        Set<String> changed = new TreeSet<>();
        for (Records.Reader c : Records.readers(before.getClass())) {
            if (!Objects.equals(c.read(before), c.read(after)) && !ignored.contains(c.name())) {
                changed.add(c.name());
            }
        }
        return changed;
    }

    /** The components every aggregate diff ignores. */
    public static final Set<String> BOOKKEEPING = Set.of("version", "createdAt", "updatedAt");
}
