package dev.rapport.crm.governance;

import dev.rapport.crm.Actor;
import dev.rapport.crm.internal.Checks;
import java.time.Instant;

/**
 * One recorded consent decision: for a purpose and channel, the status, where it came from
 * (web form, call centre, import, ...), when and who recorded it.
 *
 * <pre>{@code
 * ConsentEntry e = crm.privacy().consents().get(ada.id())
 *         .current(ConsentPurpose.MARKETING, ConsentChannel.EMAIL).orElseThrow();
 * e.status();   // GRANTED
 * }</pre>
 *
 * @param purpose the purpose
 * @param channel the channel
 * @param status granted, denied or withdrawn
 * @param source where the decision came from, e.g. {@code "web-form"}, at most 200 characters
 * @param at when it was recorded
 * @param actor who recorded it
 */
public record ConsentEntry(ConsentPurpose purpose, ConsentChannel channel, ConsentStatus status, String source,
        Instant at, Actor actor) {
    /**
     * Validates the entry.
     *
     * @param purpose the purpose
     * @param channel the channel
     * @param status granted, denied or withdrawn
     * @param source where the decision came from, e.g. {@code "web-form"}, at most 200 characters
     * @param at when it was recorded
     * @param actor who recorded it
     * @throws dev.rapport.crm.CrmValidationException naming the field if a part is missing or the source blank
     */
    public ConsentEntry {
        Checks.notNull(purpose, "purpose");
        Checks.notNull(channel, "channel");
        Checks.notNull(status, "status");
        source = Checks.maxLength(Checks.nonBlank(source, "source"), 200, "source");
        Checks.notNull(at, "at");
        Checks.notNull(actor, "actor");
    }

    /**
     * Whether this entry is for a purpose and channel.
     *
     * @param p the purpose
     * @param c the channel
     * @return true if it is
     */
    public boolean isFor(ConsentPurpose p, ConsentChannel c) {
        return purpose == p && channel == c;
    }
}
