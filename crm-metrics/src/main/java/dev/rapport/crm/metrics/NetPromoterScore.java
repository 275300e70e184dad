package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Net Promoter Score: {@code 100 × (promoters − detractors) / responses}, where promoters
 * answered 9 or 10, passives 7 or 8 and detractors 0 to 6. The score lies in [−100, 100] and is
 * given at 4 decimals, rounded half-even; with no responses it is {@link MetricStatus#UNDEFINED}.
 *
 * <pre>{@code
 * NetPromoterScore nps = CustomerMetrics.nps().of(responses);
 * nps.score();   // e.g. 40.0000
 * }</pre>
 *
 * @param status whether the score is defined
 * @param score the score in percentage points, or null when undefined
 * @param promoters answers of 9 or 10
 * @param passives answers of 7 or 8
 * @param detractors answers of 0 to 6
 * @param responses all answers
 * @param ids the ids of the contributing responses (empty when ids are off)
 */
public record NetPromoterScore(MetricStatus status, @Nullable BigDecimal score, long promoters, long passives,
        long detractors, long responses, List<String> ids) {

    /**
     * Checks the parts agree.
     *
     * @param status whether the score is defined
     * @param score the score in percentage points, or null when undefined
     * @param promoters answers of 9 or 10
     * @param passives answers of 7 or 8
     * @param detractors answers of 0 to 6
     * @param responses all answers
     * @param ids the ids of the contributing responses
     * @throws IllegalArgumentException if the counts do not add up or status and score disagree
     */
    public NetPromoterScore {
        Objects.requireNonNull(status, "status");
        ids = List.copyOf(ids);
        if (promoters + passives + detractors != responses) {
            throw new IllegalArgumentException("promoters, passives and detractors must add up to the responses");
        }
        if ((status == MetricStatus.DEFINED) != (score != null)) {
            throw new IllegalArgumentException("a defined score has a value and an undefined one has none");
        }
    }
}
