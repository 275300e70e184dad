package dev.rapport.crm.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The components of record types, looked up once per type. {@link Class#getRecordComponents()}
 * builds a new array with fresh reflective objects on every call, which made it the largest cost
 * of a write (audit, redaction and change detection each walk the aggregate). Internal: not API.
 */
public final class Records {
    private static final ClassValue<List<RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components == null ? List.of() : List.of(components);
        }
    };

    private Records() {
    }

    /**
     * The components of a type in declaration order.
     *
     * @param type a record type (any other type has none)
     * @return the components, empty when the type is not a record
     */
    public static List<RecordComponent> components(Class<?> type) {
        return COMPONENTS.get(type);
    }

    /**
     * Reads one component of a record.
     *
     * @param record the record
     * @param component one of its type's components
     * @return the component's value
     */
    public static @Nullable Object read(Object record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
