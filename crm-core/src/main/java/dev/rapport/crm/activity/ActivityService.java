package dev.rapport.crm.activity;

import dev.rapport.crm.internal.CustomFieldValidation;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.Actor;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.ActivityCorrected;
import dev.rapport.crm.event.ActivityLogged;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.Diff;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.service.TicketId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The timeline of one tenant: log activities, correct their subject and body, and read the
 * timeline of a contact, account, opportunity or ticket, newest first and paged.
 *
 * <p>Every linked contact, account, opportunity and ticket must exist in the tenant.
 *
 * <pre>{@code
 * Activity note = crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.OTHER)
 *         .contact(ada.id())
 *         .body("Prefers calls after 4pm"));
 * Page<Activity> latest = crm.activities().timeline(ada.id(), PageRequest.first(20));
 * }</pre>
 */
public final class ActivityService {
    private static final Set<String> CORRECTABLE = Set.of("subject", "body", "customFields");

    private final ServiceContext context;

    /**
     * Creates the service. Hosts get it from {@code crm.activities()}.
     *
     * @param context the service context
     */
    public ActivityService(ServiceContext context) {
        this.context = context;
    }

    /**
     * Logs an activity on the timeline.
     *
     * @param command what happened
     * @return the stored activity, at version 1
     * @throws CrmValidationException naming {@code occurredAt} if it lies after the time of the
     *     command, {@code actor} if no actor is given and the command is not run by a user or the
     *     user is not in the directory, {@code links} if nothing is linked, or
     *     {@code contactId}, {@code accountId}, {@code opportunityId} or {@code ticketId} if a
     *     linked record does not exist
     */
    public Activity log(NewActivity command) {
        Checks.notNull(command, "command");
        return context.write(uow -> {
            CustomFieldValidation.check(uow, EntityType.ACTIVITY, command.customFields());
            Instant occurredAt = command.occurredAt() != null ? command.occurredAt() : uow.now();
            if (occurredAt.isAfter(uow.now())) {
                throw new CrmValidationException("occurredAt", "must not be after the time the activity is logged");
            }
            ActivityActor actor = resolveActor(uow, command.actor());
            TimelineLinks links = command.links();
            if (links.isEmpty()) {
                throw new CrmValidationException("links", "an activity needs a contact, account, opportunity or ticket");
            }
            requireLinksExist(uow, links);
            Direction direction = command.direction() != null ? command.direction() : defaultDirection(command.type(), actor);
            Activity activity = new Activity(ActivityId.of(uow.newId("activity")), uow.tenant(), 1, command.type(),
                    command.channel(), direction, occurredAt, actor, command.subject(), command.body(),
                    command.duration(), links, command.purchase(), uow.now(), uow.now(), command.customFields());
            uow.tx().activities().insert(activity);
            uow.emit(new ActivityLogged(uow.meta(), activity.id(), activity.type(), links.ids()));
            return activity;
        });
    }

    /**
     * Stores a corrected subject and body. Nothing else of a logged activity may change.
     *
     * @param edited the activity with its corrected content, at the version it was read
     * @return the stored activity, at the next version (or unchanged if nothing changed)
     * @throws CrmConflictException if the activity was corrected since it was read
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming the first other field that was changed
     */
    public Activity correct(Activity edited) {
        Checks.notNull(edited, "activity");
        return context.write(uow -> {
            Activity current = uow.tx().activities().find(edited.id())
                    .orElseThrow(() -> new CrmNotFoundException("Activity", edited.id().value()));
            if (current.version() != edited.version()) {
                throw new CrmConflictException("Activity", edited.id().value(), edited.version(), current.version());
            }
            CustomFieldValidation.checkUpdate(uow, EntityType.ACTIVITY, current.customFields(), edited.customFields());
            Set<String> changed = Diff.changed(current, edited, Diff.BOOKKEEPING);
            String refused = Diff.firstNotAllowed(changed, CORRECTABLE);
            if (refused != null) {
                throw new CrmValidationException(refused, "cannot change once the activity is logged");
            }
            if (changed.isEmpty()) {
                return current;
            }
            Activity next = current.withContent(edited.subject(), edited.body())
                    .withCustomFields(edited.customFields())
                    .stored(current.version() + 1, uow.now());
            uow.tx().activities().update(next);
            uow.emit(new ActivityCorrected(uow.meta(), next.id(), changed));
            return next;
        });
    }

    /**
     * An activity by id.
     *
     * @param id the id
     * @return the activity
     * @throws CrmNotFoundException if it does not exist in this tenant
     */
    public Activity get(ActivityId id) {
        return find(id).orElseThrow(() -> new CrmNotFoundException("Activity", id.value()));
    }

    /**
     * An activity by id, if it exists.
     *
     * @param id the id
     * @return the activity, or empty
     */
    public Optional<Activity> find(ActivityId id) {
        Checks.notNull(id, "activityId");
        return context.read(tx -> tx.activities().find(id));
    }

    /**
     * The timeline of a contact, newest first (by occurrence, then by id, both descending).
     *
     * @param contactId the contact
     * @param request the page
     * @return the page
     */
    public Page<Activity> timeline(ContactId contactId, PageRequest request) {
        return timelineOf(Checks.notNull(contactId, "contactId"), request);
    }

    /**
     * The timeline of an account, newest first (by occurrence, then by id, both descending).
     * It holds the activities linked to the account itself, not those only linked to its contacts.
     *
     * @param accountId the account
     * @param request the page
     * @return the page
     */
    public Page<Activity> timeline(AccountId accountId, PageRequest request) {
        return timelineOf(Checks.notNull(accountId, "accountId"), request);
    }

    /**
     * The timeline of an opportunity, newest first (by occurrence, then by id, both descending).
     *
     * @param opportunityId the opportunity
     * @param request the page
     * @return the page
     */
    public Page<Activity> timeline(OpportunityId opportunityId, PageRequest request) {
        return timelineOf(Checks.notNull(opportunityId, "opportunityId"), request);
    }

    /**
     * The timeline of a ticket, newest first (by occurrence, then by id, both descending).
     *
     * @param ticketId the ticket
     * @param request the page
     * @return the page
     */
    public Page<Activity> timeline(TicketId ticketId, PageRequest request) {
        return timelineOf(Checks.notNull(ticketId, "ticketId"), request);
    }

    private Page<Activity> timelineOf(EntityId link, PageRequest request) {
        Checks.notNull(request, "request");
        return context.read(tx -> tx.activities().timeline(link, request));
    }

    private ActivityActor resolveActor(UnitOfWork uow, @Nullable ActivityActor given) {
        ActivityActor actor = given;
        if (actor == null) {
            if (uow.actor().kind() != Actor.Kind.USER) {
                throw new CrmValidationException("actor", "is required when the command is not run by a user");
            }
            actor = ActivityActor.user(UserId.of(uow.actor().id()));
        }
        UserId user = actor.userId();
        // A past activity may have been performed by a user who has left since: known is enough.
        if (user != null && context.directory().findUser(user).isEmpty()) {
            throw new CrmValidationException("actor", "is not a user of the directory");
        }
        return actor;
    }

    static Direction defaultDirection(ActivityType type, ActivityActor actor) {
        if (actor.isCustomer()) {
            return Direction.INBOUND;
        }
        return type == ActivityType.NOTE ? Direction.INTERNAL : Direction.OUTBOUND;
    }

    /** Requires every linked record to exist in the command's tenant. */
    static void requireLinksExist(UnitOfWork uow, TimelineLinks links) {
        if (links.contactId() != null && uow.tx().contacts().find(links.contactId()).isEmpty()) {
            throw new CrmValidationException("contactId", "names a contact that does not exist");
        }
        if (links.accountId() != null && uow.tx().accounts().find(links.accountId()).isEmpty()) {
            throw new CrmValidationException("accountId", "names an account that does not exist");
        }
        if (links.opportunityId() != null && uow.tx().opportunities().find(links.opportunityId()).isEmpty()) {
            throw new CrmValidationException("opportunityId", "names an opportunity that does not exist");
        }
        if (links.ticketId() != null && uow.tx().tickets().find(links.ticketId()).isEmpty()) {
            throw new CrmValidationException("ticketId", "names a ticket that does not exist");
        }
    }
}
