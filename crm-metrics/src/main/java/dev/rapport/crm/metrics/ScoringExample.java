package dev.rapport.crm.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * One closed lead or deal for training the lead-scoring model: its field values (source,
 * industry, company size band, country, ...) and whether it was won. Values are categories: put
 * numbers into bands first ({@code "50-249"}), since the model counts values.
 *
 * <pre>{@code
 * ScoringExample e = new ScoringExample("lead-1", Map.of("source", "WEB_FORM", "industry", "retail"), true);
 * }</pre>
 *
 * @param id the lead's or deal's id
 * @param fields the field values by field name
 * @param won whether it was won (converted)
 */
public record ScoringExample(String id, Map<String, String> fields, boolean won) {

    /**
     * Checks the parts; the fields are copied in name order.
     *
     * @param id the lead's or deal's id
     * @param fields the field values by field name
     * @param won whether it was won
     * @throws dev.rapport.crm.CrmValidationException if the id, a field name or a value is blank
     */
    public ScoringExample {
        Inputs.id(id, "id");
        Inputs.present(fields, "fields");
        TreeMap<String, String> copy = new TreeMap<>();
        fields.forEach((k, v) -> copy.put(Inputs.id(k, "fields"), Inputs.id(v, "fields")));
        fields = java.util.Collections.unmodifiableMap(copy);
    }
}
