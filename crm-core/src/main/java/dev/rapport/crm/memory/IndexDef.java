package dev.rapport.crm.memory;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A secondary index of a table: the keys an aggregate is found under (none, one or several).
 *
 * @param name the index name, for diagnostics
 * @param keys the keys of an aggregate; may be empty
 * @param <T> the aggregate type
 */
record IndexDef<T>(String name, Function<T, Collection<?>> keys) {

    /** An index with at most one key per aggregate; a null key means "not indexed". */
    static <T> IndexDef<T> single(String name, Function<T, @Nullable Object> key) {
        return new IndexDef<>(name, t -> {
            Object k = key.apply(t);
            return k == null ? List.of() : List.of(k);
        });
    }

    /** An index with any number of keys per aggregate. */
    static <T> IndexDef<T> multi(String name, Function<T, Collection<?>> keys) {
        return new IndexDef<>(name, keys);
    }
}
