package dev.rapport.crm.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.crm.Aggregate;
import dev.rapport.crm.json.RapportModule;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The personal-data export's JSON: records are written by Rapport's Jackson module (the same
 * shapes as the JSON import and export), then the fields the reader may not see are taken out.
 */
final class ExportJson {
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new RapportModule())
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExportJson() {
    }

    /**
     * A stored record as an object, leaving out the fields the reader may not see and listing
     * them as "Type.field" in {@code redacted}.
     */
    static ObjectNode aggregate(Aggregate<?> aggregate, BiPredicate<String, String> mayRead, List<String> redacted) {
        String type = Values.type(aggregate);
        ObjectNode node = MAPPER.valueToTree(aggregate);
        node.remove("tenantId");
        for (String field : Values.fields(aggregate).keySet()) {
            if (!mayRead.test(type, field)) {
                node.remove(field);
                if (!redacted.contains(type + "." + field)) {
                    redacted.add(type + "." + field);
                }
            }
        }
        return node;
    }

    static JsonNode value(Object value) {
        return MAPPER.valueToTree(value);
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }
}
