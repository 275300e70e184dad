package dev.rapport.crm.workflow;

import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One readable (and maybe writable) field of an entity: its path, type, allowed options, how to
 * read its canonical value (String, BigDecimal, LocalDate, Instant, Boolean, Set of String, Money;
 * null when missing) and which record components a change event names when it changes.
 */
record FieldSpec(String path, ValueType type, Set<String> options, Function<Object, @Nullable Object> reader,
        Set<String> components, @Nullable BiFunction<Object, @Nullable Object, Object> writer) {

    @Nullable Object read(Object entity) {
        return reader.apply(entity);
    }
}
