package dev.rapport.crm.metrics;

/**
 * One answer to a survey question on a numeric scale: 0–10 for NPS ("how likely are you to
 * recommend us?"), 1–5 for CSAT, 1–7 for CES. The range is checked by the metric that reads the
 * answer, which refuses an out-of-range score rather than clamping it.
 *
 * <pre>{@code
 * SurveyResponse answer = new SurveyResponse("resp-17", 9);
 * NetPromoterScore nps = CustomerMetrics.nps().of(List.of(answer));
 * }</pre>
 *
 * @param id the response's id (reported among the contributing ids)
 * @param score the answer
 */
public record SurveyResponse(String id, int score) {

    /**
     * Checks the id.
     *
     * @param id the response's id
     * @param score the answer
     * @throws dev.rapport.crm.CrmValidationException if the id is blank
     */
    public SurveyResponse {
        Inputs.id(id, "id");
    }
}
