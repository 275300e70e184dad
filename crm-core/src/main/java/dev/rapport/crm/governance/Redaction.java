package dev.rapport.crm.governance;

import dev.rapport.crm.CrmAccessDeniedException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.field.CustomFields;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Copies of records with some fields left empty, for reads a role may not fully see. */
final class Redaction {
    private Redaction() {
    }

    /**
     * The record with the hidden fields empty: null, an empty collection, no custom fields. A
     * record that cannot exist without one of them (a required field) may not be read at all.
     */
    static <T> T blank(T value, String type, Set<String> hidden) {
        RecordComponent[] components = value.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            args[i] = hidden.contains(c.getName()) ? empty(c.getType(), Values.component(value, c))
                    : Values.component(value, c);
        }
        try {
            Constructor<?> canonical = value.getClass().getDeclaredConstructor(types);
            @SuppressWarnings("unchecked")
            T copy = (T) canonical.newInstance(args);
            return copy;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof CrmValidationException v) {
                throw new CrmAccessDeniedException(type, hidden.contains(v.field()) ? v.field()
                        : hidden.iterator().next(), false);
            }
            throw new IllegalStateException("cannot redact " + type, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot redact " + type, e);
        }
    }

    private static @Nullable Object empty(Class<?> type, @Nullable Object current) {
        if (type == List.class) {
            return List.of();
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == CustomFields.class) {
            return CustomFields.empty();
        }
        if (type.isPrimitive()) {
            return current;
        }
        return null;
    }
}
