package dev.rapport.crm.metrics;

import java.time.LocalDate;

/**
 * A deal's entry into a stage on a day, one line of its stage history.
 *
 * <pre>{@code
 * StageVisit v = new StageVisit("proposal", LocalDate.of(2026, 3, 2));
 * }</pre>
 *
 * @param stage the stage's key
 * @param enteredOn the day the deal entered it
 */
public record StageVisit(String stage, LocalDate enteredOn) {

    /**
     * Checks the parts.
     *
     * @param stage the stage's key
     * @param enteredOn the day the deal entered it
     * @throws dev.rapport.crm.CrmValidationException if a part is missing
     */
    public StageVisit {
        Inputs.id(stage, "stage");
        Inputs.present(enteredOn, "enteredOn");
    }
}
