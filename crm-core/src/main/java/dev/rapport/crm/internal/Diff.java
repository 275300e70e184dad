package dev.rapport.crm.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
     * @return the names of the changed components, an immutable set (events keep it as it is)
     */
    public static Set<String> changed(Record before, Record after, Set<String> ignored) {
        if (before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("records of different types");
        }
        List<Records.Reader> readers = Records.readers(before.getClass());
        String[] changed = new String[readers.size()];
        int n = 0;
        for (Records.Reader c : readers) {
            if (!Objects.equals(c.read(before), c.read(after)) && !ignored.contains(c.name())) {
                changed[n++] = c.name();
            }
        }
        // Immutable from the start: the event that carries it keeps it without another copy.
        return n == 0 ? Set.of() : Set.of(Arrays.copyOf(changed, n));
    }

    /**
     * The first, by name, of the changed components that are not allowed to change, so that an
     * update changing several of them is always refused naming the same one.
     *
     * @param changed the changed components
     * @param allowed the components an update may change
     * @return the component, or null if every change is allowed
     */
    public static @Nullable String firstNotAllowed(Set<String> changed, Set<String> allowed) {
        String first = null;
        for (String field : changed) {
            if (!allowed.contains(field) && (first == null || field.compareTo(first) < 0)) {
                first = field;
            }
        }
        return first;
    }

    /** The components every aggregate diff ignores. */
    public static final Set<String> BOOKKEEPING = Set.of("version", "createdAt", "updatedAt");
}
