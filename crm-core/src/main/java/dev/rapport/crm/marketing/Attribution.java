package dev.rapport.crm.marketing;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import java.util.Comparator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which campaigns a lead or contact is attributed to: the campaign of its earliest touch (first
 * touch) and of its latest touch (last touch). Only touches count (responses and recorded
 * interactions); merely being added to a campaign is not a touch.
 *
 * <p>A contact's attribution counts the contact's own memberships. The touches of a lead it was
 * converted from stay with the lead ({@code attribution(leadId)}); the lead's conversion names the
 * contact, so a report can combine both.
 *
 * <p>Ties: when two campaigns touched the member at the same instant, the campaign with the
 * smaller id (compared as text) wins, for the first touch and for the last touch alike, so the
 * result never depends on the order the touches were recorded in.
 *
 * <pre>{@code
 * Attribution a = crm.campaigns().attribution(ada.id());
 * a.firstTouch().map(Touch::campaignId);   // the campaign that brought Ada in
 * a.lastTouch().map(Touch::campaignId);    // the campaign that touched her last
 * }</pre>
 *
 * @param memberId the lead or contact
 * @param first the first touch, or null if the member was never touched
 * @param last the last touch, or null if the member was never touched
 */
public record Attribution(EntityId memberId, @Nullable Touch first, @Nullable Touch last) {
    /** Orders touches by time, then by campaign id. */
    static final Comparator<Touch> EARLIEST_FIRST = Comparator.comparing(Touch::at)
            .thenComparing(t -> t.campaignId().value());
    /** Orders touches latest first, then by campaign id. */
    static final Comparator<Touch> LATEST_FIRST = Comparator.comparing(Touch::at, Comparator.reverseOrder())
            .thenComparing(t -> t.campaignId().value());

    /**
     * Validates the attribution.
     *
     * @param memberId the lead or contact
     * @param first the first touch, or null if the member was never touched
     * @param last the last touch, or null if the member was never touched
     * @throws dev.rapport.crm.CrmValidationException if the member is missing or only one touch is given
     */
    public Attribution {
        Checks.notNull(memberId, "memberId");
        Checks.check((first == null) == (last == null), "last", "first and last touch are both present or both absent");
    }

    /**
     * The first touch.
     *
     * @return the touch, or empty if the member was never touched
     */
    public Optional<Touch> firstTouch() {
        return Optional.ofNullable(first);
    }

    /**
     * The last touch.
     *
     * @return the touch, or empty if the member was never touched
     */
    public Optional<Touch> lastTouch() {
        return Optional.ofNullable(last);
    }
}
