package dev.rapport.crm.lifecycle;

/**
 * Where a customer stands after the sale. Unlike {@link LifecycleStage}, the journey may move in
 * any direction (a customer can fall back from advocacy to adoption).
 *
 * <pre>{@code
 * crm.contacts().setJourneyStage(ada.id(), JourneyStage.ADOPTION);
 * }</pre>
 */
public enum JourneyStage {
    /** Getting started. */
    ONBOARDING,
    /** Using the product regularly. */
    ADOPTION,
    /** Approaching or negotiating a renewal. */
    RENEWAL,
    /** Recommending the host's business. */
    ADVOCACY
}
