package dev.rapport.crm.identity;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.Purchase;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.service.Ticket;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a customer's timeline: an activity of any channel (purchases included) or a
 * ticket, placed at the time it happened.
 *
 * <pre>{@code
 * for (TimelineEntry entry : crm.profiles().timeline(ada.id(), PageRequest.first(20)).items()) {
 *     if (entry instanceof TimelineEntry.OfActivity a && a.purchase().isPresent()) {
 *         show(a.at(), a.purchase().get().total());
 *     }
 * }
 * }</pre>
 */
public sealed interface TimelineEntry permits TimelineEntry.OfActivity, TimelineEntry.OfTicket {

    /**
     * When it happened.
     *
     * @return the instant
     */
    Instant at();

    /**
     * The record behind the entry.
     *
     * @return its id
     */
    EntityId id();

    /**
     * An activity (an e-mail, a call, a meeting, a web visit, a purchase, ...).
     *
     * <pre>{@code
     * TimelineEntry entry = new TimelineEntry.OfActivity(activity);
     * }</pre>
     *
     * @param activity the activity
     */
    record OfActivity(Activity activity) implements TimelineEntry {
        /**
         * Validates the entry.
         *
         * @param activity the activity
         * @throws dev.rapport.crm.CrmValidationException if it is missing
         */
        public OfActivity {
            Checks.notNull(activity, "activity");
        }

        @Override
        public Instant at() {
            return activity.occurredAt();
        }

        @Override
        public EntityId id() {
            return activity.id();
        }

        /**
         * The purchase, if the activity is one.
         *
         * @return the purchase, or empty
         */
        public Optional<Purchase> purchase() {
            return Optional.ofNullable(activity.purchase());
        }
    }

    /**
     * A ticket, placed at the time it was opened.
     *
     * <pre>{@code
     * TimelineEntry entry = new TimelineEntry.OfTicket(ticket);
     * }</pre>
     *
     * @param ticket the ticket
     */
    record OfTicket(Ticket ticket) implements TimelineEntry {
        /**
         * Validates the entry.
         *
         * @param ticket the ticket
         * @throws dev.rapport.crm.CrmValidationException if it is missing
         */
        public OfTicket {
            Checks.notNull(ticket, "ticket");
        }

        @Override
        public Instant at() {
            return ticket.createdAt();
        }

        @Override
        public EntityId id() {
            return ticket.id();
        }
    }
}
