package dev.rapport.crm.activity;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One interaction on the timeline: an e-mail, a call, a meeting, a note, a web visit, a purchase,
 * ... Activities are immutable once logged, except that the subject and body may be corrected
 * (with a version check) through {@link ActivityService#correct(Activity)}.
 *
 * <p>An activity happened at {@link #occurredAt()}, which may lie in the past (an activity can be
 * logged after the fact) but never after it was logged ({@link #createdAt()}). It is linked to
 * at least one contact, account, opportunity or ticket, and shows on each of their timelines.
 *
 * <p>The subject and body are personal content: {@link #toString()} leaves them out.
 *
 * <pre>{@code
 * Activity call = crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE)
 *         .contact(ada.id())
 *         .subject("Renewal")
 *         .duration(Duration.ofMinutes(12)));
 * crm.activities().correct(call.withContent("Renewal call", call.body()));
 * }</pre>
 *
 * @param id the id
 * @param tenantId the tenant
 * @param version the version, 1 when logged
 * @param type what kind of interaction
 * @param channel the medium it happened on
 * @param direction which way it went
 * @param occurredAt when it happened, not after {@code createdAt}
 * @param actor who performed it
 * @param subject the subject line or title, or null; at most 500 characters
 * @param body the content, or null; at most 100,000 characters
 * @param duration how long it took, or null; not negative
 * @param links the records it belongs to; at least one
 * @param purchase what was bought, only on {@link ActivityType#PURCHASE} activities, or null
 * @param createdAt when it was logged
 * @param updatedAt when it was last corrected (or logged)
 * @param customFields custom field values
 */
public record Activity(ActivityId id, TenantId tenantId, long version, ActivityType type, Channel channel,
        Direction direction, Instant occurredAt, ActivityActor actor, @Nullable String subject,
        @Nullable String body, @Nullable Duration duration, TimelineLinks links, @Nullable Purchase purchase,
        Instant createdAt, Instant updatedAt, CustomFields customFields) implements Aggregate<ActivityId> {

    /** The longest subject. */
    public static final int MAX_SUBJECT = 500;
    /** The longest body. */
    public static final int MAX_BODY = 100_000;

    /**
     * Validates the activity.
     *
     * @param id the id
     * @param tenantId the tenant
     * @param version the version, 1 when logged
     * @param type what kind of interaction
     * @param channel the medium it happened on
     * @param direction which way it went
     * @param occurredAt when it happened, not after {@code createdAt}
     * @param actor who performed it
     * @param subject the subject line or title, or null; at most 500 characters
     * @param body the content, or null; at most 100,000 characters
     * @param duration how long it took, or null; not negative
     * @param links the records it belongs to; at least one
     * @param purchase what was bought, only on {@link ActivityType#PURCHASE} activities, or null
     * @param createdAt when it was logged
     * @param updatedAt when it was last corrected (or logged)
     * @param customFields custom field values
     * @throws CrmValidationException naming the field if a value is missing or invalid
     */
    public Activity {
        Checks.notNull(customFields, "customFields");
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        Checks.notNull(type, "type");
        Checks.notNull(channel, "channel");
        Checks.notNull(direction, "direction");
        Checks.notNull(occurredAt, "occurredAt");
        Checks.notNull(actor, "actor");
        subject = Checks.maxLength(Checks.optional(subject), MAX_SUBJECT, "subject");
        body = Checks.maxLength(Checks.optional(body), MAX_BODY, "body");
        if (duration != null && duration.isNegative()) {
            throw new CrmValidationException("duration", "must not be negative");
        }
        Checks.notNull(links, "links");
        if (links.isEmpty()) {
            throw new CrmValidationException("links", "an activity needs a contact, account, opportunity or ticket");
        }
        if (purchase != null && type != ActivityType.PURCHASE) {
            throw new CrmValidationException("purchase", "only purchase activities carry purchase data");
        }
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        if (occurredAt.isAfter(createdAt)) {
            throw new CrmValidationException("occurredAt", "must not be in the future");
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new CrmValidationException("updatedAt", "must not be before createdAt");
        }
    }

    /**
     * A copy with a corrected subject and body: the only change a logged activity accepts.
     *
     * @param newSubject the subject, or null
     * @param newBody the body, or null
     * @return the copy
     * @throws CrmValidationException naming {@code subject} or {@code body} if too long
     */
    public Activity withContent(@Nullable String newSubject, @Nullable String newBody) {
        return new Activity(id, tenantId, version, type, channel, direction, occurredAt, actor, newSubject, newBody,
                duration, links, purchase, createdAt, updatedAt, customFields);
    }

    Activity stored(long nextVersion, Instant at) {
        return new Activity(id, tenantId, nextVersion, type, channel, direction, occurredAt, actor, subject, body,
                duration, links, purchase, createdAt, at, customFields);
    }

    @Override
    public String toString() {
        return "Activity[id=" + id + ", version=" + version + ", type=" + type + ", channel=" + channel
                + ", occurredAt=" + occurredAt + "]";
    }

    /**
     * A copy with other custom field values (checked against the schema when stored).
     *
     * @param newFields the values
     * @return the copy
     */
    public Activity withCustomFields(CustomFields newFields) {
        return new Activity(id, tenantId, version, type, channel, direction, occurredAt, actor, subject, body, duration, links, purchase, createdAt, updatedAt, newFields);
    }
}
