package dev.rapport.crm.marketing;

/**
 * Where a campaign stands: {@code PLANNED → ACTIVE → COMPLETED}, and {@code ABORTED} from
 * planned or active. Completed and aborted are final.
 *
 * <pre>{@code
 * CampaignStatus.PLANNED.canMoveTo(CampaignStatus.ACTIVE);   // true
 * }</pre>
 */
public enum CampaignStatus {
    /** Being prepared. */
    PLANNED,
    /** Running. */
    ACTIVE,
    /** Ran to its end; final. */
    COMPLETED,
    /** Stopped early or never run; final. */
    ABORTED;

    /**
     * Whether a move to {@code target} is allowed.
     *
     * @param target the next status
     * @return true if the lifecycle allows it
     */
    public boolean canMoveTo(CampaignStatus target) {
        return switch (this) {
            case PLANNED -> target == ACTIVE || target == ABORTED;
            case ACTIVE -> target == COMPLETED || target == ABORTED;
            case COMPLETED, ABORTED -> false;
        };
    }
}
