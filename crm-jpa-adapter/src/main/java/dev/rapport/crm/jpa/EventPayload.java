package dev.rapport.crm.jpa;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.revenue.Money;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Writes an event, a record of crm-core's sealed {@link CrmEvent} hierarchy, as the JSON payload of
 * its outbox row: record components by name, ids as their values, times and decimals as their
 * canonical strings, enums by name, sets sorted.
 */
final class EventPayload {
    private EventPayload() {
    }

    static String of(CrmEvent event) {
        return Json.write(value(event));
    }

    private static @Nullable Object value(@Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof EntityId id) {
            return id.value();
        }
        if (value instanceof Money money) {
            return Values.money(money);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Number || value instanceof TemporalAccessor || value instanceof java.util.Currency) {
            return value.toString();
        }
        if (value instanceof java.util.Set<?> set) {
            List<@Nullable Object> out = new ArrayList<>();
            for (Object item : new TreeSet<>(set.stream().map(String::valueOf).toList())) {
                out.add(item);
            }
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<@Nullable Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(value(item));
            }
            return out;
        }
        if (value instanceof Record record) {
            Map<String, @Nullable Object> out = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    out.put(component.getName(), value(component.getAccessor().invoke(record)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + component.getName() + " of an event", e);
                }
            }
            return out;
        }
        return value.toString();
    }
}
