package dev.rapport.crm.identity;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TimelineLinks;
import dev.rapport.crm.event.ActivityCorrected;
import dev.rapport.crm.event.TaskUpdated;
import dev.rapport.crm.event.TicketUpdated;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.marketing.CampaignMember;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.service.Ticket;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Moves the timeline (activities, tasks, tickets) and, for contacts, the campaign memberships of a
 * merged-away contact or account to the survivor.
 */
final class EngagementRelinks {
    private EngagementRelinks() {
    }

    static void contact(UnitOfWork uow, ContactId loser, ContactId survivor, Set<EntityId> relinked) {
        links(uow, loser, l -> l.withContact(survivor), relinked);
        campaigns(uow, loser, survivor, relinked);
        for (Ticket t : uow.tx().tickets().findByContact(loser)) {
            uow.tx().tickets().update(ticket(t, survivor, t.accountId(), uow));
            uow.emit(new TicketUpdated(uow.meta(), t.id(), Set.of("contactId")));
            relinked.add(t.id());
        }
    }

    static void account(UnitOfWork uow, AccountId loser, AccountId survivor, Set<EntityId> relinked) {
        links(uow, loser, l -> l.withAccount(survivor), relinked);
        for (Ticket t : uow.tx().tickets().findByAccount(loser)) {
            uow.tx().tickets().update(ticket(t, t.contactId(), survivor, uow));
            uow.emit(new TicketUpdated(uow.meta(), t.id(), Set.of("accountId")));
            relinked.add(t.id());
        }
    }

    private static void links(UnitOfWork uow, EntityId loser, UnaryOperator<TimelineLinks> move,
            Set<EntityId> relinked) {
        // read every page before writing: a relinked activity leaves the loser's index
        List<Activity> activities = new ArrayList<>();
        PageRequest request = new PageRequest(0, PageRequest.MAX_LIMIT);
        while (true) {
            Page<Activity> page = uow.tx().activities().timeline(loser, request);
            activities.addAll(page.items());
            if (!page.hasNext()) {
                break;
            }
            request = page.nextRequest();
        }
        for (Activity a : activities) {
            uow.tx().activities().update(new Activity(a.id(), a.tenantId(), a.version() + 1, a.type(), a.channel(),
                    a.direction(), a.occurredAt(), a.actor(), a.subject(), a.body(), a.duration(),
                    move.apply(a.links()), a.purchase(), a.createdAt(), uow.now(), a.customFields()));
            uow.emit(new ActivityCorrected(uow.meta(), a.id(), Set.of("links")));
            relinked.add(a.id());
        }
        for (Task t : uow.tx().tasks().findByLink(loser)) {
            uow.tx().tasks().update(new Task(t.id(), t.tenantId(), t.version() + 1, t.title(), t.description(),
                    t.dueOn(), t.assigneeId(), t.status(), t.priority(), move.apply(t.links()), t.createdAt(),
                    uow.now(), t.completedAt(), t.customFields()));
            uow.emit(new TaskUpdated(uow.meta(), t.id(), Set.of("links")));
            relinked.add(t.id());
        }
    }

    private static Ticket ticket(Ticket t, @org.jspecify.annotations.Nullable ContactId contact,
            @org.jspecify.annotations.Nullable AccountId account, UnitOfWork uow) {
        return new Ticket(t.id(), t.tenantId(), t.version() + 1, t.subject(), t.description(), contact, account,
                t.priority(), t.status(), t.assigneeId(), t.channel(), t.slaPolicy(), t.createdAt(), uow.now(),
                t.firstResponseAt(), t.resolvedAt(), t.closedAt(), t.customFields());
    }

    /**
     * Moves the loser's campaign memberships to the survivor. Where both were members of one
     * campaign, the memberships become one: the earlier join, the status further along (with its
     * response time), the touches added up, the first and last touch of either.
     */
    private static void campaigns(UnitOfWork uow, ContactId loser, ContactId survivor, Set<EntityId> relinked) {
        for (CampaignMember m : uow.tx().campaignMembers().findByMember(loser)) {
            Optional<CampaignMember> other = uow.tx().campaignMembers().findMembership(m.campaignId(), survivor);
            if (other.isEmpty()) {
                uow.tx().campaignMembers().update(new CampaignMember(m.id(), m.tenantId(), m.version() + 1,
                        m.campaignId(), survivor, m.status(), m.joinedAt(), m.respondedAt(), m.firstTouchAt(),
                        m.lastTouchAt(), m.touches(), uow.now()));
                relinked.add(m.id());
                continue;
            }
            CampaignMember k = other.get();
            CampaignMember further = m.status().ordinal() > k.status().ordinal() ? m : k;
            uow.tx().campaignMembers().delete(m.id());
            uow.tx().campaignMembers().update(new CampaignMember(k.id(), k.tenantId(), k.version() + 1,
                    k.campaignId(), survivor, further.status(), earlier(k.joinedAt(), m.joinedAt()),
                    further.respondedAt(), earlier(k.firstTouchAt(), m.firstTouchAt()),
                    later(k.lastTouchAt(), m.lastTouchAt()), k.touches() + m.touches(), uow.now()));
            relinked.add(k.id());
        }
    }

    private static @Nullable Instant earlier(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
