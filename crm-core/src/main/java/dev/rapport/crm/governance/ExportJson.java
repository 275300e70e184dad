package dev.rapport.crm.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.crm.Aggregate;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.revenue.Money;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * A minimal mapping of Rapport's records to a Jackson tree for the personal-data export: records
 * become objects of their components, ids and single-value types their value, money an amount
 * and a currency, times ISO-8601 text, enums their name. (The domain's own Jackson module, when
 * present, is not needed for this fixed, read-only document.)
 */
final class ExportJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExportJson() {
    }

    /**
     * A stored record as an object, leaving out the fields the reader may not see and listing
     * them as "Type.field" in {@code redacted}.
     */
    static ObjectNode aggregate(Aggregate<?> aggregate, BiPredicate<String, String> mayRead, List<String> redacted) {
        String type = Values.type(aggregate);
        ObjectNode node = NODES.objectNode();
        node.put("type", type);
        for (RecordComponent c : aggregate.getClass().getRecordComponents()) {
            if (c.getName().equals("tenantId")) {
                continue;
            }
            if (!Values.BOOKKEEPING.contains(c.getName()) && !mayRead.test(type, c.getName())) {
                if (!redacted.contains(type + "." + c.getName())) {
                    redacted.add(type + "." + c.getName());
                }
                continue;
            }
            node.set(c.getName(), value(Values.component(aggregate, c)));
        }
        return node;
    }

    static JsonNode value(@Nullable Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof CharSequence s) {
            return NODES.textNode(s.toString());
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Number n) {
            return NODES.textNode(n.toString());
        }
        if (v instanceof Enum<?> e) {
            return NODES.textNode(e.name());
        }
        if (v instanceof EntityId id) {
            return NODES.textNode(id.value());
        }
        if (v instanceof TemporalAccessor || v instanceof Currency) {
            return NODES.textNode(v.toString());
        }
        if (v instanceof Money m) {
            ObjectNode money = NODES.objectNode();
            money.set("amount", NODES.numberNode(m.amount()));
            money.put("currency", m.currencyCode());
            return money;
        }
        if (v instanceof CustomFields f) {
            return value(new TreeMap<>(f.asMap()));
        }
        if (v instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                object.set(String.valueOf(e.getKey()), value(e.getValue()));
            }
            return object;
        }
        if (v instanceof Collection<?> c) {
            ArrayNode array = NODES.arrayNode();
            List<?> items = v instanceof Set<?> ? c.stream().sorted(Comparator.comparing(String::valueOf)).toList()
                    : List.copyOf(c);
            for (Object item : items) {
                array.add(value(item));
            }
            return array;
        }
        if (v instanceof Record r) {
            RecordComponent[] components = r.getClass().getRecordComponents();
            if (components.length == 1) {
                return value(Values.component(r, components[0]));
            }
            ObjectNode object = NODES.objectNode();
            for (RecordComponent c : components) {
                Object part = Values.component(r, c);
                if (part != null) {
                    object.set(c.getName(), value(part));
                }
            }
            return object;
        }
        return NODES.textNode(v.toString());
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }
}
