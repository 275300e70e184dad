package dev.rapport.crm.governance;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.internal.Records;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of stored records and renders values as text for the audit trail. Value types
 * mask themselves in {@code toString()} (so logs stay clean); the audit trail needs the real
 * values, so records are rendered component by component instead.
 */
final class Values {
    /** Components that are bookkeeping, never audited as changes. */
    static final Set<String> BOOKKEEPING = Set.of("id", "tenantId", "version", "createdAt", "updatedAt");

    private Values() {
    }

    /** The entity type name of a stored record, e.g. {@code "Contact"}. */
    static String type(Aggregate<?> aggregate) {
        return TYPES.get(aggregate.getClass());
    }

    /** Simple names of record classes, made once: every audited change names its type. */
    private static final ClassValue<String> TYPES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName();
        }
    };

    /** The fields of a record, bookkeeping left out, in declaration order; empty for other types. */
    static Map<String, @Nullable Object> fields(Object aggregate) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        if (!(aggregate instanceof Record)) {
            return fields;
        }
        for (Records.Reader c : Records.readers(aggregate.getClass())) {
            if (!BOOKKEEPING.contains(c.name())) {
                fields.put(c.name(), c.read(aggregate));
            }
        }
        return fields;
    }

    static @Nullable Object component(Object record, RecordComponent c) {
        return Records.read(record, c);
    }

    /** Whether a value counts as set (not null, not an empty collection, map or custom field set). */
    static boolean present(@Nullable Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof CustomFields f) {
            return !f.isEmpty();
        }
        return true;
    }

    /** The value as text, with the real content of value types; null stays null. */
    static @Nullable String render(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        render(value, out);
        return out.toString();
    }

    private static void render(@Nullable Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Enum<?> e) {
            out.append(e.name());
        } else if (value instanceof EntityId id) {
            out.append(id.value());
        } else if (value instanceof Money m) {
            out.append(m.amount().toPlainString()).append(' ').append(m.currencyCode());
        } else if (value instanceof CustomFields f) {
            render(f.asMap(), out);   // already in key order
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ", ");
                render(e.getKey(), out);
                out.append('=');
                render(e.getValue(), out);
                first = false;
            }
            out.append('}');
        } else if (value instanceof Collection<?> c) {
            List<String> items = c.stream().map(Values::render).map(String::valueOf).toList();
            if (value instanceof Set<?>) {
                items = items.stream().sorted().toList();
            }
            out.append('[').append(String.join(", ", items)).append(']');
        } else if (value instanceof Record r) {
            List<Records.Reader> components = Records.readers(r.getClass());
            if (components.size() == 1) {
                render(components.get(0).read(r), out);
                return;
            }
            out.append('{');
            boolean first = true;
            for (Records.Reader c : components) {
                Object v = c.read(r);
                if (v == null) {
                    continue;
                }
                out.append(first ? "" : ", ").append(c.name()).append('=');
                render(v, out);
                first = false;
            }
            out.append('}');
        } else {
            out.append(value);
        }
    }
}
