package dev.rapport.crm.io;

import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityActor;
import dev.rapport.crm.activity.ActivityId;
import dev.rapport.crm.activity.ActivityService;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.sales.OpportunityId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Rows to timeline activities, matched by external id (activities have no natural key). Once
 * logged, an activity's subject and body can be corrected by a later file; its other fields stay.
 */
final class ActivityImport extends EntityImport {
    static final Set<String> FIELDS = fieldSet("externalId", "type", "channel", "direction", "occurredAt",
            "subject", "body", "durationMinutes", "actor", "contact", "account", "opportunity");

    private final ActivityService activities;

    ActivityImport(ServiceContext context, ImportMapping mapping) {
        super(context, mapping);
        this.activities = new ActivityService(context);
    }

    @Override
    String entity() {
        return "activity";
    }

    @Override
    EntityType entityType() {
        return EntityType.ACTIVITY;
    }

    @Override
    String plural() {
        return "activities";
    }

    @Override
    Set<String> fields() {
        return FIELDS;
    }

    @Override
    MatchKey defaultMatch() {
        return MatchKey.EXTERNAL_ID;
    }

    @Override
    Set<MatchKey> matchKeys() {
        return Set.of(MatchKey.EXTERNAL_ID);
    }

    @Override
    Upserted upsert(UnitOfWork uow, RowValues row) {
        String externalId = row.required("externalId");
        Optional<Activity> existing = find(uow, externalId);
        String subject = row.text("subject");
        String body = row.text("body");
        if (existing.isPresent()) {
            Activity current = existing.get();
            Activity edited = current.withContent(subject != null ? subject : current.subject(),
                    body != null ? body : current.body());
            Activity stored = activities.correct(edited);
            return new Upserted(stored.version() == current.version() ? Outcome.UNCHANGED : Outcome.UPDATED,
                    List.of());
        }
        ActivityType type = row.enumValue("type", ActivityType.class);
        if (type == null) {
            throw row.reject("type", "is required");
        }
        Channel channel = row.enumValue("channel", Channel.class);
        if (channel == null) {
            throw row.reject("channel", "is required");
        }
        NewActivity command = NewActivity.of(type, channel);
        Direction direction = row.enumValue("direction", Direction.class);
        if (direction != null) {
            command = command.direction(direction);
        }
        Instant at = instant(row, "occurredAt");
        if (at != null) {
            command = command.occurredAt(at);
        }
        if (row.has("actor")) {
            String actor = row.required("actor");
            command = actor.equalsIgnoreCase("customer") ? command.byCustomer() : command.byUser(UserId.of(actor));
        }
        if (subject != null) {
            command = command.subject(subject);
        }
        if (body != null) {
            command = command.body(body);
        }
        BigDecimal minutes = row.decimal("durationMinutes");
        if (minutes != null) {
            if (minutes.signum() < 0) {
                throw row.reject("durationMinutes", "must not be negative");
            }
            command = command.duration(Duration.ofSeconds(minutes.multiply(BigDecimal.valueOf(60)).longValue()));
        }
        if (row.has("contact")) {
            command = command.contact(contact(uow, row));
        }
        if (row.has("account")) {
            command = command.account(findAccount(uow, row, "account", row.required("account")).map(Account::id)
                    .orElseThrow(() -> row.reject("account", "names an account that is not stored")));
        }
        if (row.has("opportunity")) {
            String key = row.required("opportunity");
            command = command.opportunity(linked(uow, "opportunity", key).map(OpportunityId::of)
                    .filter(id -> uow.tx().opportunities().find(id).isPresent())
                    .orElseThrow(() -> row.reject("opportunity",
                            "names no opportunity imported with that external id")));
        }
        Activity logged = activities.log(command);
        link(uow, entity(), externalId, logged.id().value(), row);
        return new Upserted(Outcome.CREATED, List.of());
    }

    /** The contact by e-mail address, or by external id when references are by external id. */
    private ContactId contact(UnitOfWork uow, RowValues row) {
        String value = row.required("contact");
        Optional<ContactId> found;
        if (mapping.referenceKey() == MatchKey.EXTERNAL_ID) {
            found = linked(uow, "contact", value).map(ContactId::of)
                    .filter(id -> uow.tx().contacts().find(id).isPresent());
        } else {
            EmailAddress email;
            try {
                email = EmailAddress.of(value);
            } catch (dev.rapport.crm.CrmValidationException e) {
                throw row.reject("contact", "is not an e-mail address");
            }
            found = uow.tx().contacts().findByEmail(email).map(Contact::id);
        }
        return found.orElseThrow(() -> row.reject("contact", "names a contact that is not stored"));
    }

    /** An instant from ISO-8601 (with or without offset, taken as UTC) or a date (its start, UTC). */
    private static @Nullable Instant instant(RowValues row, String field) {
        String text = row.text(field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not a local date-time
        }
        return row.date(field).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private Optional<Activity> find(UnitOfWork uow, String externalId) {
        Optional<String> target = linked(uow, entity(), externalId);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Optional<Activity> found = uow.tx().activities().find(ActivityId.of(target.get()));
        if (found.isEmpty()) {
            unlink(uow, entity(), externalId);
        }
        return found;
    }
}
