package dev.rapport.crm.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A lead still to be worked, with the field values a {@link LeadScoringModel} scores.
 *
 * <pre>{@code
 * OpenLead lead = new OpenLead("lead-4", "ada", Map.of("source", "REFERRAL", "industry", "retail"));
 * }</pre>
 *
 * @param id the lead's id
 * @param ownerId its owner
 * @param fields its field values by field name, in name order
 */
public record OpenLead(String id, String ownerId, Map<String, String> fields) {

    /**
     * Checks the parts; the fields are copied in name order.
     *
     * @param id the lead's id
     * @param ownerId its owner
     * @param fields its field values
     * @throws dev.rapport.crm.CrmValidationException naming the missing or blank part
     */
    public OpenLead {
        Inputs.id(id, "id");
        Inputs.id(ownerId, "ownerId");
        Inputs.present(fields, "fields");
        TreeMap<String, String> copy = new TreeMap<>();
        fields.forEach((k, v) -> copy.put(Inputs.id(k, "fields"), Inputs.present(v, "fields")));
        fields = Collections.unmodifiableMap(copy);
    }
}
