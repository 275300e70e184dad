package dev.rapport.crm.governance;

import dev.rapport.crm.CrmAccessDeniedException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.internal.Records;
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
        RecordComponent[] components = Records.components(value.getClass()).toArray(new RecordComponent[0]);
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

    /**
     * The record written back by an actor who could not see some fields: where such a field still
     * holds the empty value the read gave it, the stored value is kept, so editing a redacted
     * record never wipes what the editor could not see.
     */
    static <T> T restore(T after, T before, Set<String> hidden) {
        RecordComponent[] components = Records.components(after.getClass()).toArray(new RecordComponent[0]);
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean changed = false;
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            Object value = Values.component(after, c);
            Object stored = Values.component(before, c);
            if (hidden.contains(c.getName()) && java.util.Objects.equals(value, empty(c.getType(), stored))
                    && !java.util.Objects.equals(value, stored)) {
                value = stored;
                changed = true;
            }
            args[i] = value;
        }
        if (!changed) {
            return after;
        }
        try {
            Constructor<?> canonical = after.getClass().getDeclaredConstructor(types);
            @SuppressWarnings("unchecked")
            T copy = (T) canonical.newInstance(args);
            return copy;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot restore hidden fields", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot restore hidden fields", e);
        }
    }

    /**
     * A copy of a record with some components replaced by name; names the record does not have
     * are ignored, so the copy keeps working when a record gains components.
     */
    static <T> T with(T record, Map<String, @Nullable Object> values) {
        RecordComponent[] components = Records.components(record.getClass()).toArray(new RecordComponent[0]);
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            args[i] = values.containsKey(c.getName()) ? values.get(c.getName()) : Values.component(record, c);
        }
        try {
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            @SuppressWarnings("unchecked")
            T copy = (T) canonical.newInstance(args);
            return copy;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
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
