package dev.rapport.crm.governance;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects every string held anywhere in an object graph of Rapport's own classes (and the JDK
 * collections they use): rows, index keys, kept events, audit entries. It reads fields
 * directly, so value types that mask themselves in toString() cannot hide a value from it.
 */
public final class StoreScanner {
    private final Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> strings = new ArrayList<>();

    public static List<String> strings(Object... roots) {
        StoreScanner s = new StoreScanner();
        for (Object root : roots) {
            s.walk(root);
        }
        return s.strings;
    }

    private void walk(Object o) {
        if (o == null || o instanceof Class<?> || !seen.add(o)) {
            return;
        }
        if (o instanceof String s) {
            strings.add(s);
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                walk(e.getKey());
                walk(e.getValue());
            }
            return;
        }
        if (o instanceof Collection<?> c) {
            c.forEach(this::walk);
            return;
        }
        if (o instanceof Optional<?> opt) {
            opt.ifPresent(this::walk);
            return;
        }
        if (o.getClass().isArray()) {
            if (!o.getClass().getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(o); i++) {
                    walk(Array.get(o, i));
                }
            }
            return;
        }
        if (!o.getClass().getName().startsWith("dev.rapport.")) {
            return;
        }
        if (o instanceof Enum<?>) {
            return;
        }
        for (Class<?> c = o.getClass(); c != null && c.getName().startsWith("dev.rapport."); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    walk(f.get(o));
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new IllegalStateException("cannot read " + f, e);
                }
            }
        }
    }
}
