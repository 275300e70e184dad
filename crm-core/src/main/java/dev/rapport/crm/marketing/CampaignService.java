package dev.rapport.crm.marketing;

import dev.rapport.crm.internal.CustomFieldValidation;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.event.CampaignCreated;
import dev.rapport.crm.event.CampaignMemberAdded;
import dev.rapport.crm.event.CampaignMemberTouched;
import dev.rapport.crm.event.CampaignUpdated;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.Diff;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.revenue.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Marketing campaigns of one tenant: create, update, status, costs, members, touches and
 * first- and last-touch {@link Attribution}.
 *
 * <p>Members (contacts and leads, converted leads included) must exist in the tenant.
 *
 * <p>A touch is a response ({@link #recordResponse}) or another interaction ({@link #touch}).
 * Recording one for a lead or contact that is not yet a member adds it first. The time of a
 * touch may lie in the past (responses imported late) but not after the command.
 *
 * <pre>{@code
 * Campaign webinar = crm.campaigns().create(NewCampaign.named("Q2 webinar", CampaignChannel.WEBINAR)
 *         .budget(Money.of("800.00", "EUR")));
 * crm.campaigns().addMember(webinar.id(), ada.id());
 * crm.campaigns().recordResponse(webinar.id(), ada.id(), CampaignMemberStatus.ATTENDED, null);
 * crm.campaigns().attribution(ada.id()).firstTouch();   // Optional[Touch[webinar, ...]]
 * }</pre>
 */
public final class CampaignService {
    private static final Set<String> EDITABLE = Set.of("name", "channel", "startDate", "endDate", "budget", "customFields");

    private final ServiceContext context;

    /**
     * Creates the service. Hosts get it from {@code crm.campaigns()}.
     *
     * @param context the service context
     */
    public CampaignService(ServiceContext context) {
        this.context = context;
    }

    /**
     * Creates a planned campaign, with no cost yet.
     *
     * @param command what to create
     * @return the stored campaign, at version 1
     * @throws CrmValidationException naming {@code budget} if it is missing, or {@code endDate}
     *     if the campaign would end before it starts
     */
    public Campaign create(NewCampaign command) {
        Checks.notNull(command, "command");
        Money budget = Checks.notNull(command.budget(), "budget");
        return context.write(uow -> {
            CustomFieldValidation.check(uow, EntityType.CAMPAIGN, command.customFields());
            LocalDate start = command.startDate() != null ? command.startDate()
                    : LocalDate.ofInstant(uow.now(), context.clock().getZone());
            Campaign campaign = new Campaign(CampaignId.of(uow.newId("campaign")), uow.tenant(), 1, command.name(),
                    command.channel(), CampaignStatus.PLANNED, start, command.endDate(), budget,
                    Money.zero(budget.currency()), uow.now(), uow.now(), command.customFields());
            uow.tx().campaigns().insert(campaign);
            uow.emit(new CampaignCreated(uow.meta(), campaign.id(), campaign.channel()));
            return campaign;
        });
    }

    /**
     * Stores a changed campaign: its name, channel, period or budget. The status changes only
     * through {@link #changeStatus}, the actual cost only through {@link #recordCost}.
     *
     * @param edited the campaign with its changes, at the version it was read
     * @return the stored campaign, at the next version (or unchanged if nothing changed)
     * @throws CrmConflictException if the campaign was changed since it was read
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming the field if another field was changed
     */
    public Campaign update(Campaign edited) {
        Checks.notNull(edited, "campaign");
        return context.write(uow -> {
            Campaign current = get(uow, edited.id());
            if (current.version() != edited.version()) {
                throw new CrmConflictException("Campaign", edited.id().value(), edited.version(), current.version());
            }
            CustomFieldValidation.checkUpdate(uow, EntityType.CAMPAIGN, current.customFields(), edited.customFields());
            Set<String> changed = Diff.changed(current, edited, Diff.BOOKKEEPING);
            String refused = Diff.firstNotAllowed(changed, EDITABLE);
            if (refused != null) {
                throw new CrmValidationException(refused, "cannot be changed by an update");
            }
            if (changed.isEmpty()) {
                return current;
            }
            Campaign next = current.withName(edited.name()).withChannel(edited.channel())
                    .withPeriod(edited.startDate(), edited.endDate()).withBudget(edited.budget())
                    .withCustomFields(edited.customFields())
                    .stored(current.version() + 1, uow.now());
            uow.tx().campaigns().update(next);
            uow.emit(new CampaignUpdated(uow.meta(), next.id(), changed));
            return next;
        });
    }

    /**
     * Moves a campaign to another status.
     *
     * @param id the campaign
     * @param target the next status
     * @return the stored campaign
     * @throws CrmValidationException naming {@code status} if the lifecycle forbids the move
     * @throws CrmNotFoundException if it does not exist
     */
    public Campaign changeStatus(CampaignId id, CampaignStatus target) {
        Checks.notNull(target, "status");
        return context.write(uow -> {
            Campaign current = get(uow, id);
            if (!current.status().canMoveTo(target)) {
                throw new CrmValidationException("status", "cannot move from " + current.status() + " to " + target);
            }
            Campaign next = current.withStatus(target).stored(current.version() + 1, uow.now());
            uow.tx().campaigns().update(next);
            uow.emit(new CampaignUpdated(uow.meta(), next.id(), Set.of("status")));
            return next;
        });
    }

    /**
     * Adds a cost to a campaign's actual cost.
     *
     * @param id the campaign
     * @param cost the cost incurred, not negative, in the budget's currency
     * @return the stored campaign
     * @throws CrmValidationException naming {@code cost} if it is negative or in another currency
     * @throws CrmNotFoundException if the campaign does not exist
     */
    public Campaign recordCost(CampaignId id, Money cost) {
        Checks.notNull(cost, "cost");
        if (cost.isNegative()) {
            throw new CrmValidationException("cost", "must not be negative");
        }
        return context.write(uow -> {
            Campaign current = get(uow, id);
            if (!cost.currency().equals(current.budget().currency())) {
                throw new CrmValidationException("cost", "must be in the budget's currency");
            }
            if (cost.isZero()) {
                return current;
            }
            Campaign next = current.withActualCost(current.actualCost().plus(cost))
                    .stored(current.version() + 1, uow.now());
            uow.tx().campaigns().update(next);
            uow.emit(new CampaignUpdated(uow.meta(), next.id(), Set.of("actualCost")));
            return next;
        });
    }

    /**
     * Adds a contact to a campaign, with status {@link CampaignMemberStatus#SENT}. Adding a
     * member twice returns the existing membership and publishes nothing.
     *
     * @param id the campaign
     * @param contactId the contact
     * @return the membership
     * @throws CrmValidationException naming {@code memberId} if the contact does not exist, or
     *     {@code status} if the campaign was aborted
     * @throws CrmNotFoundException if the campaign does not exist
     */
    public CampaignMember addMember(CampaignId id, ContactId contactId) {
        return addMemberOf(id, contactId);
    }

    /**
     * Adds a lead to a campaign, with status {@link CampaignMemberStatus#SENT}. Adding a member
     * twice returns the existing membership and publishes nothing.
     *
     * @param id the campaign
     * @param leadId the lead
     * @return the membership
     * @throws CrmValidationException naming {@code memberId} if the lead does not exist, or
     *     {@code status} if the campaign was aborted
     * @throws CrmNotFoundException if the campaign does not exist
     */
    public CampaignMember addMember(CampaignId id, LeadId leadId) {
        return addMemberOf(id, leadId);
    }

    private CampaignMember addMemberOf(CampaignId id, @Nullable EntityId memberId) {
        EntityId member = CampaignMember.requireMemberKind(memberId);
        return context.write(uow -> membership(uow, get(uow, id), member));
    }

    private static CampaignMember membership(UnitOfWork uow, Campaign campaign, EntityId member) {
        Optional<CampaignMember> existing = uow.tx().campaignMembers().findMembership(campaign.id(), member);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (campaign.status() == CampaignStatus.ABORTED) {
            throw new CrmValidationException("status", "an aborted campaign takes no members");
        }
        if (member instanceof ContactId contact && uow.tx().contacts().find(contact).isEmpty()) {
            throw new CrmValidationException("memberId", "names a contact that does not exist");
        }
        if (member instanceof LeadId lead && uow.tx().leads().find(lead).isEmpty()) {
            throw new CrmValidationException("memberId", "names a lead that does not exist");
        }
        CampaignMember added = new CampaignMember(CampaignMemberId.of(uow.newId("campaignMember")), uow.tenant(), 1,
                campaign.id(), member, CampaignMemberStatus.SENT, uow.now(), null, null, null, 0, uow.now());
        uow.tx().campaignMembers().insert(added);
        uow.emit(new CampaignMemberAdded(uow.meta(), campaign.id(), member));
        return added;
    }

    /**
     * Records a contact's response to a campaign: the membership takes the status, its first
     * response time is kept, and the response counts as a touch.
     *
     * @param id the campaign
     * @param contactId the contact; added as a member first if it is not one
     * @param status the response, any status but {@link CampaignMemberStatus#SENT}
     * @param at when the response happened, or null for now; not after now
     * @return the stored membership
     * @throws CrmValidationException naming {@code status} if it is not a response or the
     *     campaign was aborted (for a new member), {@code touchedAt} if the time lies after the
     *     command, or {@code memberId} if the contact does not exist
     * @throws CrmNotFoundException if the campaign does not exist
     */
    public CampaignMember recordResponse(CampaignId id, ContactId contactId, CampaignMemberStatus status,
            @Nullable Instant at) {
        Checks.notNull(status, "status");
        return touchOf(id, contactId, status, at);
    }

    /**
     * Records a lead's response to a campaign; see {@link #recordResponse(CampaignId, ContactId,
     * CampaignMemberStatus, Instant)}.
     *
     * @param id the campaign
     * @param leadId the lead; added as a member first if it is not one
     * @param status the response, any status but {@link CampaignMemberStatus#SENT}
     * @param at when the response happened, or null for now; not after now
     * @return the stored membership
     * @throws CrmValidationException naming {@code status}, {@code touchedAt}, or {@code memberId}
     *     if the lead does not exist
     * @throws CrmNotFoundException if the campaign does not exist
     */
    public CampaignMember recordResponse(CampaignId id, LeadId leadId, CampaignMemberStatus status,
            @Nullable Instant at) {
        Checks.notNull(status, "status");
        return touchOf(id, leadId, status, at);
    }

    /**
     * Records an interaction of a contact with a campaign that is not a response (a visit
     * through the campaign's link, a conversation at its booth): a touch, the status stays.
     *
     * @param id the campaign
     * @param contactId the contact; added as a member first if it is not one
     * @param at when it happened, or null for now; not after now
     * @return the stored membership
     * @throws CrmValidationException naming {@code touchedAt} if the time lies after the command,
     *     or {@code memberId} if the contact does not exist
     * @throws CrmNotFoundException if the campaign does not exist
     */
    public CampaignMember touch(CampaignId id, ContactId contactId, @Nullable Instant at) {
        return touchOf(id, contactId, null, at);
    }

    /**
     * Records an interaction of a lead with a campaign; see {@link #touch(CampaignId, ContactId,
     * Instant)}.
     *
     * @param id the campaign
     * @param leadId the lead; added as a member first if it is not one
     * @param at when it happened, or null for now; not after now
     * @return the stored membership
     * @throws CrmValidationException naming {@code touchedAt}, or {@code memberId} if the lead
     *     does not exist
     * @throws CrmNotFoundException if the campaign does not exist
     */
    public CampaignMember touch(CampaignId id, LeadId leadId, @Nullable Instant at) {
        return touchOf(id, leadId, null, at);
    }

    private CampaignMember touchOf(CampaignId id, EntityId memberId, @Nullable CampaignMemberStatus response,
            @Nullable Instant at) {
        EntityId member = CampaignMember.requireMemberKind(memberId);
        if (response != null && !response.isResponse()) {
            throw new CrmValidationException("status", "must be a response, not " + response);
        }
        return context.write(uow -> {
            Instant when = at != null ? at : uow.now();
            if (when.isAfter(uow.now())) {
                throw new CrmValidationException("touchedAt", "must not be after the time it is recorded");
            }
            CampaignMember current = membership(uow, get(uow, id), member);
            CampaignMember next = current.touchedAt(when, response).stored(current.version() + 1, uow.now());
            uow.tx().campaignMembers().update(next);
            uow.emit(new CampaignMemberTouched(uow.meta(), id, member, next.status(), when));
            return next;
        });
    }

    /**
     * A campaign by id.
     *
     * @param id the id
     * @return the campaign
     * @throws CrmNotFoundException if it does not exist in this tenant
     */
    public Campaign get(CampaignId id) {
        return find(id).orElseThrow(() -> new CrmNotFoundException("Campaign", id.value()));
    }

    /**
     * A campaign by id, if it exists.
     *
     * @param id the id
     * @return the campaign, or empty
     */
    public Optional<Campaign> find(CampaignId id) {
        Checks.notNull(id, "campaignId");
        return context.read(tx -> tx.campaigns().find(id));
    }

    /**
     * The campaigns in a status, ordered by id.
     *
     * @param status the status
     * @return the campaigns
     */
    public List<Campaign> byStatus(CampaignStatus status) {
        Checks.notNull(status, "status");
        return context.read(tx -> tx.campaigns().findByStatus(status));
    }

    /**
     * The campaigns on a channel, ordered by id.
     *
     * @param channel the channel
     * @return the campaigns
     */
    public List<Campaign> byChannel(CampaignChannel channel) {
        Checks.notNull(channel, "channel");
        return context.read(tx -> tx.campaigns().findByChannel(channel));
    }

    /**
     * One page of a campaign's members, in the order they joined (then by id).
     *
     * @param id the campaign
     * @param request the page
     * @return the page
     */
    public Page<CampaignMember> members(CampaignId id, PageRequest request) {
        Checks.notNull(id, "campaignId");
        Checks.notNull(request, "request");
        return context.read(tx -> tx.campaignMembers().pageByCampaign(id, request));
    }

    /**
     * The membership of a contact or lead in a campaign.
     *
     * @param id the campaign
     * @param memberId the contact or lead
     * @return the membership, or empty
     * @throws CrmValidationException naming {@code memberId} if it is neither a contact nor a lead
     */
    public Optional<CampaignMember> membership(CampaignId id, EntityId memberId) {
        Checks.notNull(id, "campaignId");
        EntityId member = CampaignMember.requireMemberKind(memberId);
        return context.read(tx -> tx.campaignMembers().findMembership(id, member));
    }

    /**
     * The first- and last-touch attribution of a contact.
     *
     * @param contactId the contact
     * @return the attribution; without touches if no campaign touched the contact
     */
    public Attribution attribution(ContactId contactId) {
        return attributionOf(contactId);
    }

    /**
     * The first- and last-touch attribution of a lead.
     *
     * @param leadId the lead
     * @return the attribution; without touches if no campaign touched the lead
     */
    public Attribution attribution(LeadId leadId) {
        return attributionOf(leadId);
    }

    private Attribution attributionOf(@Nullable EntityId memberId) {
        EntityId member = CampaignMember.requireMemberKind(memberId);
        return context.read(tx -> attribution(member, tx.campaignMembers().findByMember(member)));
    }

    static Attribution attribution(EntityId member, List<CampaignMember> memberships) {
        Touch first = null;
        Touch last = null;
        for (CampaignMember m : memberships) {
            if (!m.touched()) {
                continue;
            }
            Touch earliest = new Touch(m.campaignId(), m.firstTouchAt());
            Touch latest = new Touch(m.campaignId(), m.lastTouchAt());
            if (first == null || Attribution.EARLIEST_FIRST.compare(earliest, first) < 0) {
                first = earliest;
            }
            if (last == null || Attribution.LATEST_FIRST.compare(latest, last) < 0) {
                last = latest;
            }
        }
        return new Attribution(member, first, last);
    }

    /**
     * The members whose first touch is this campaign, ordered by member id.
     *
     * @param id the campaign
     * @return the leads and contacts
     */
    public List<EntityId> firstTouchedBy(CampaignId id) {
        return attributedTo(id, true);
    }

    /**
     * The members whose last touch is this campaign, ordered by member id.
     *
     * @param id the campaign
     * @return the leads and contacts
     */
    public List<EntityId> lastTouchedBy(CampaignId id) {
        return attributedTo(id, false);
    }

    private List<EntityId> attributedTo(CampaignId id, boolean firstTouch) {
        Checks.notNull(id, "campaignId");
        return context.read(tx -> {
            List<EntityId> members = new ArrayList<>();
            for (CampaignMember m : tx.campaignMembers().findByCampaign(id)) {
                if (!m.touched()) {
                    continue;
                }
                Attribution a = attribution(m.memberId(), tx.campaignMembers().findByMember(m.memberId()));
                Touch touch = firstTouch ? a.first() : a.last();
                if (touch != null && touch.campaignId().equals(id)) {
                    members.add(m.memberId());
                }
            }
            members.sort(java.util.Comparator.comparing(EntityId::value)
                    .thenComparing(e -> e.getClass().getSimpleName()));
            return List.copyOf(members);
        });
    }

    private static Campaign get(UnitOfWork uow, CampaignId id) {
        Checks.notNull(id, "campaignId");
        return uow.tx().campaigns().find(id).orElseThrow(() -> new CrmNotFoundException("Campaign", id.value()));
    }
}
