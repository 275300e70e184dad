package dev.rapport.crm.lead;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Why a lead was judged worth pursuing: the classic BANT criteria the seller confirmed (budget,
 * authority, need, timeline) and a free note. A qualification confirms at least one criterion or
 * carries a note; an empty one says nothing and is refused.
 *
 * <pre>{@code
 * crm.leads().qualify(lead.id(), Qualification.bant(true, true, true, false)
 *         .withNote("Budget approved for Q3, decision in autumn"));
 * crm.leads().qualify(other.id(), Qualification.note("Asked for a demo"));
 * }</pre>
 *
 * @param budget whether the prospect has a budget
 * @param authority whether the contact can decide or reaches who does
 * @param need whether there is a need the host's offer meets
 * @param timeline whether there is a time frame for the decision
 * @param note a free note, or null
 */
public record Qualification(boolean budget, boolean authority, boolean need, boolean timeline,
        @Nullable String note) {

    /**
     * Validates the qualification.
     *
     * @param budget whether the prospect has a budget
     * @param authority whether the contact can decide or reaches who does
     * @param need whether there is a need the host's offer meets
     * @param timeline whether there is a time frame for the decision
     * @param note a free note, or null
     * @throws CrmValidationException naming {@code qualification} if nothing is confirmed and there
     *     is no note, or {@code qualification.note} if the note is longer than 2000 characters
     */
    public Qualification {
        note = Checks.maxLength(Checks.optional(note), 2000, "qualification.note");
        if (!budget && !authority && !need && !timeline && note == null) {
            throw new CrmValidationException("qualification", "must confirm a criterion or carry a note");
        }
    }

    /**
     * A qualification by the BANT criteria, without a note.
     *
     * @param budget whether the prospect has a budget
     * @param authority whether the contact can decide or reaches who does
     * @param need whether there is a need the host's offer meets
     * @param timeline whether there is a time frame for the decision
     * @return the qualification
     * @throws CrmValidationException naming {@code qualification} if no criterion is confirmed
     */
    public static Qualification bant(boolean budget, boolean authority, boolean need, boolean timeline) {
        return new Qualification(budget, authority, need, timeline, null);
    }

    /**
     * A qualification by a free note only.
     *
     * @param note the note
     * @return the qualification
     * @throws CrmValidationException naming {@code qualification} if the note is blank
     */
    public static Qualification note(String note) {
        return new Qualification(false, false, false, false, note);
    }

    /**
     * A copy with a note.
     *
     * @param newNote the note, or null to drop it
     * @return the copy
     * @throws CrmValidationException naming {@code qualification} if the copy would be empty
     */
    public Qualification withNote(@Nullable String newNote) {
        return new Qualification(budget, authority, need, timeline, newNote);
    }

    /**
     * How many of the four criteria are confirmed.
     *
     * @return 0 to 4
     */
    public int criteriaMet() {
        return (budget ? 1 : 0) + (authority ? 1 : 0) + (need ? 1 : 0) + (timeline ? 1 : 0);
    }

    @Override
    public String toString() {
        // The note is free text and may name people, so it stays out of logs.
        return "Qualification[budget=" + budget + ", authority=" + authority + ", need=" + need + ", timeline="
                + timeline + ", note=" + (note == null ? "none" : "present") + "]";
    }
}
