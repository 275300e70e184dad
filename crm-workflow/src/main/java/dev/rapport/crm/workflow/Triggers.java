package dev.rapport.crm.workflow;

import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.event.CrmEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link Trigger triggers}.
 *
 * <pre>{@code
 * Triggers.event(TicketOpened.class);
 * Triggers.propertyChange(Conditions.field(EntityKind.CONTACT, "lifecycleStage", Operator.EQ, "CUSTOMER"));
 * Triggers.inactivity(Duration.ofDays(90), ActivityType.PURCHASE);
 * Triggers.dateOffset("custom.renewal_date", -30, LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"));
 * Triggers.daily(LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"));
 * }</pre>
 */
public final class Triggers {
    private Triggers() {
    }

    /**
     * Every event of a type (and its subtypes) of the rule's entity.
     *
     * @param type the event type
     * @param <E> the event type
     * @return the trigger; add a filter with {@link EventTrigger#filter}
     */
    public static <E extends CrmEvent> EventTrigger<E> event(Class<E> type) {
        return new EventTrigger<>(Objects.requireNonNull(type, "type"), e -> true, "");
    }

    /**
     * When the condition goes from not matching to matching for an entity (edge, not level):
     * evaluated on each create or change event of the rule's entity kind; the last result is kept
     * per rule and entity, and the rule fires only on a false-to-true change (a new entity that
     * matches at once counts as such a change).
     *
     * @param condition the condition watched
     * @return the trigger
     */
    public static Trigger propertyChange(Condition condition) {
        return new PropertyChange(Objects.requireNonNull(condition, "condition"));
    }

    /**
     * When an entity had no activity of the given kinds for a duration, counted from its creation
     * or its last such activity ({@code ActivityLogged} events linking it). Any activity of the
     * kinds resets the count.
     *
     * @param duration how long without activity
     * @param kinds the kinds of activity that count (at least one)
     * @return the trigger
     * @throws IllegalArgumentException if the duration is not positive or no kind is given
     */
    public static Trigger inactivity(Duration duration, ActivityType... kinds) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero() || kinds.length == 0) {
            throw new IllegalArgumentException("inactivity needs a positive duration and at least one activity kind");
        }
        return new Inactivity(duration, EnumSet.copyOf(List.of(kinds)));
    }

    /**
     * At a time of day, {@code days} days after (negative: before) a date field of the entity,
     * e.g. 30 days before {@code custom.renewal_date}. Armed whenever the entity is created or
     * changed; moving the date moves the timer, clearing it cancels it.
     *
     * @param field the path of a DATE field
     * @param days the offset in days (negative: before)
     * @param at the time of day
     * @param zone the zone the date and time are in
     * @return the trigger
     */
    public static Trigger dateOffset(String field, int days, LocalTime at, ZoneId zone) {
        return new DateOffset(Objects.requireNonNull(field, "field"), days, Objects.requireNonNull(at, "at"),
                Objects.requireNonNull(zone, "zone"), null);
    }

    /**
     * Every day at a time in an explicit zone. The rule runs once per occurrence, with no subject
     * entity; each occurrence is its own enrollment.
     *
     * @param at the time of day
     * @param zone the zone
     * @return the trigger
     */
    public static Trigger daily(LocalTime at, ZoneId zone) {
        return new Schedule(Objects.requireNonNull(at, "at"), Objects.requireNonNull(zone, "zone"));
    }

    /**
     * When an entity enters a dynamic segment (its condition goes from false to true). The rule's
     * entity kind must be the segment's.
     *
     * @param segment the segment
     * @return the trigger
     */
    public static Trigger entered(Segment segment) {
        return new SegmentChange(Objects.requireNonNull(segment, "segment"), true);
    }

    /**
     * When an entity leaves a dynamic segment (its condition goes from true to false).
     *
     * @param segment the segment
     * @return the trigger
     */
    public static Trigger left(Segment segment) {
        return new SegmentChange(Objects.requireNonNull(segment, "segment"), false);
    }

    /** See {@link #entered(Segment)} and {@link #left(Segment)}. */
    static final class SegmentChange implements Trigger {
        final Segment segment;
        final boolean entered;

        SegmentChange(Segment segment, boolean entered) {
            this.segment = segment;
            this.entered = entered;
        }

        @Override
        public String describe() {
            return (entered ? "enters " : "leaves ") + segment.name();
        }
    }

    /** See {@link #propertyChange(Condition)}. */
    static final class PropertyChange implements Trigger {
        final Condition condition;

        PropertyChange(Condition condition) {
            this.condition = condition;
        }

        @Override
        public String describe() {
            return "becomes " + condition.describe();
        }
    }

    /** See {@link #inactivity(Duration, ActivityType...)}. */
    static final class Inactivity implements Trigger {
        final Duration duration;
        final Set<ActivityType> kinds;

        Inactivity(Duration duration, Set<ActivityType> kinds) {
            this.duration = duration;
            this.kinds = kinds;
        }

        @Override
        public String describe() {
            return "no " + kinds + " for " + duration;
        }
    }

    /** See {@link #dateOffset(String, int, LocalTime, ZoneId)}. */
    static final class DateOffset implements Trigger {
        final String path;
        final int days;
        final LocalTime at;
        final ZoneId zone;
        final @Nullable FieldSpec spec;

        DateOffset(String path, int days, LocalTime at, ZoneId zone, @Nullable FieldSpec spec) {
            this.path = path;
            this.days = days;
            this.at = at;
            this.zone = zone;
            this.spec = spec;
        }

        DateOffset resolve(Schema schema, EntityKind kind, String pointer) {
            FieldSpec f = schema.field(kind, path).orElseThrow(() -> new RuleDefinitionException(pointer + "/field",
                    "unknown field '" + path + "' on " + kind.jsonName()));
            if (f.type() != ValueType.DATE) {
                throw new RuleDefinitionException(pointer + "/field", "field '" + path + "' is " + f.type()
                        + ", a date offset needs a DATE field");
            }
            return new DateOffset(path, days, at, zone, f);
        }

        @Nullable LocalDate read(Object entity) {
            return spec == null ? null : (LocalDate) spec.read(entity);
        }

        @Override
        public String describe() {
            return (days < 0 ? -days + " days before " : days + " days after ") + path + " at " + at + " " + zone;
        }
    }

    /** See {@link #daily(LocalTime, ZoneId)}. */
    static final class Schedule implements Trigger {
        final LocalTime at;
        final ZoneId zone;

        Schedule(LocalTime at, ZoneId zone) {
            this.at = at;
            this.zone = zone;
        }

        java.time.Instant nextAfter(java.time.Instant now) {
            java.time.ZonedDateTime local = now.atZone(zone);
            java.time.ZonedDateTime candidate = local.toLocalDate().atTime(at).atZone(zone);
            if (!candidate.toInstant().isAfter(now)) {
                candidate = local.toLocalDate().plusDays(1).atTime(at).atZone(zone);
            }
            return candidate.toInstant();
        }

        @Override
        public String describe() {
            return "daily at " + at + " " + zone;
        }
    }
}
