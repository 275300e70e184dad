package dev.rapport.crm.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The components of record types, looked up once per type, and read through method handles made
 * once per component. {@link Class#getRecordComponents()} builds a new array with fresh reflective
 * objects on every call, and {@code Method.invoke} checks access on every call; both were the
 * largest costs of a write (audit, redaction and change detection each walk the aggregate).
 * Internal: not API.
 */
public final class Records {
    private static final MethodType READER = MethodType.methodType(Object.class, Object.class);

    /** A record type's components in declaration order, and a reader for each. */
    private record Shape(List<RecordComponent> components, Map<RecordComponent, Reader> readers,
            List<Reader> list) {
    }

    /** Reads one component of records of one type; made once per component. */
    public static final class Reader {
        private final String name;
        private final RecordComponent component;
        private final @Nullable MethodHandle handle;

        Reader(RecordComponent component, @Nullable MethodHandle handle) {
            this.name = component.getName();
            this.component = component;
            this.handle = handle;
        }

        /**
         * The component's name.
         *
         * @return the name
         */
        public String name() {
            return name;
        }

        /**
         * Reads the component.
         *
         * @param record a record of the type the reader was made for
         * @return the component's value
         */
        public @Nullable Object read(Object record) {
            try {
                if (handle != null) {
                    return (Object) handle.invokeExact(record);
                }
                return component.getAccessor().invoke(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + name, e);
            }
        }
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                return new Shape(List.of(), Map.of(), List.of());
            }
            Map<RecordComponent, Reader> readers = new IdentityHashMap<>();
            List<Reader> list = new ArrayList<>();
            for (RecordComponent c : components) {
                Reader reader = new Reader(c, handle(c));
                readers.put(c, reader);
                list.add(reader);
            }
            return new Shape(List.of(components), readers, List.copyOf(list));
        }
    };

    private Records() {
    }

    private static @Nullable MethodHandle handle(RecordComponent c) {
        try {
            c.getAccessor().setAccessible(true);
            return MethodHandles.lookup().unreflect(c.getAccessor()).asType(READER);
        } catch (IllegalAccessException | RuntimeException e) {
            return null; // read reflectively (a type the module system does not open to us)
        }
    }

    /**
     * The components of a type in declaration order.
     *
     * @param type a record type (any other type has none)
     * @return the components, empty when the type is not a record
     */
    public static List<RecordComponent> components(Class<?> type) {
        return SHAPES.get(type).components();
    }

    /**
     * Readers of a type's components in declaration order: the fast way to walk a record.
     *
     * @param type a record type (any other type has none)
     * @return the readers, empty when the type is not a record
     */
    public static List<Reader> readers(Class<?> type) {
        return SHAPES.get(type).list();
    }

    /**
     * Reads one component of a record.
     *
     * @param record the record
     * @param component one of its type's components
     * @return the component's value
     */
    public static @Nullable Object read(Object record, RecordComponent component) {
        Reader reader = SHAPES.get(record.getClass()).readers().get(component);
        return (reader != null ? reader : new Reader(component, null)).read(record);
    }
}
