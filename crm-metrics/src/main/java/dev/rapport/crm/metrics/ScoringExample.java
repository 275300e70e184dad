package dev.rapport.crm.metrics;

import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadStatus;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One closed lead or deal for training the lead-scoring model: its field values (source,
 * industry, company size band, country, ...) and whether it was won. Values are categories: put
 * numbers into bands first ({@code "50-249"}), since the model counts values.
 *
 * <pre>{@code
 * ScoringExample e = new ScoringExample("lead-1", Map.of("source", "WEB_FORM", "industry", "retail"), true);
 * List<ScoringExample> history = leads.stream().flatMap(l -> ScoringExample.closedLead(l).stream()).toList();
 * LeadScore s = model.score(ScoringExample.fieldsOf(newLead));
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

    /**
     * The categorical fields of a crm-core lead that the model can count: {@code source},
     * {@code country} when known, and each choice or yes/no custom field as
     * {@code custom.<key>}. Free text, numbers, dates and amounts are left out: band them into a
     * choice field first if they should count.
     *
     * @param lead the lead
     * @return the field values by field name
     */
    public static Map<String, String> fieldsOf(Lead lead) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("source", lead.source().name());
        String country = lead.country();
        if (country != null && !country.isBlank()) {
            fields.put("country", country.strip().toUpperCase(java.util.Locale.ROOT));
        }
        lead.customFields().asMap().forEach((key, value) -> {
            if (value instanceof FieldValue.Choice) {
                fields.put("custom." + key, ((FieldValue.Choice) value).option());
            } else if (value instanceof FieldValue.Bool) {
                fields.put("custom." + key, Boolean.toString(((FieldValue.Bool) value).value()));
            }
        });
        return fields;
    }

    /**
     * A training example from a closed crm-core lead: converted is won, disqualified is lost.
     *
     * @param lead the lead
     * @return the example, or empty while the lead is neither converted nor disqualified
     */
    public static Optional<ScoringExample> closedLead(Lead lead) {
        if (lead.status() != LeadStatus.CONVERTED && lead.status() != LeadStatus.DISQUALIFIED) {
            return Optional.empty();
        }
        return Optional.of(new ScoringExample(lead.id().value(), fieldsOf(lead), lead.isConverted()));
    }
}
