package dev.rapport.crm.sales;

import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.OpportunityCreated;
import dev.rapport.crm.event.OpportunityLost;
import dev.rapport.crm.event.OpportunityReopened;
import dev.rapport.crm.event.OpportunityUpdated;
import dev.rapport.crm.event.OpportunityWon;
import dev.rapport.crm.event.StageChanged;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.CustomFieldValidation;
import dev.rapport.crm.internal.Diff;
import dev.rapport.crm.internal.Owners;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactService;
import dev.rapport.crm.revenue.Money;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Opportunities of one tenant: create, update, move through the stages of their pipeline, win,
 * lose, reopen, line items and contact roles, and indexed look-ups.
 *
 * <p>Stages change only through {@link #moveToStage}, {@link #closeWon}, {@link #closeLost} and
 * {@link #reopen}; each appends to the stage history and checks the target stage's entry
 * requirements (all failures are reported together in a {@link StageRequirementsNotMetException}).
 * A closed opportunity must be reopened before it moves.
 *
 * <p>Lifecycle advances happen in the same atomic command: every contact with a role on an open
 * opportunity is promoted at least to {@link LifecycleStage#OPPORTUNITY}, and the role contacts of
 * a won opportunity to {@link LifecycleStage#CUSTOMER}. Nobody is moved backwards.
 *
 * <pre>{@code
 * Opportunity deal = crm.opportunities().create(NewOpportunity.named("Fleet rollout")
 *         .account(acme.id()).amount(Money.of("120000.00", "EUR"))
 *         .contactRole(ContactRole.primary(ada.id(), ContactRoleType.DECISION_MAKER)));
 * crm.opportunities().moveToStage(deal.id(), "proposal");
 * crm.opportunities().closeWon(deal.id(), "best fit for the fleet");
 * }</pre>
 */
public final class OpportunityService {
    private static final Set<String> STAGE_FIELDS = Set.of("stage", "stageHistory", "status", "closedAt",
            "closeReason");

    private final ServiceContext context;

    /**
     * Creates the service. Hosts get it from {@code crm.opportunities()}.
     *
     * @param context the service context
     */
    public OpportunityService(ServiceContext context) {
        this.context = context;
    }

    /**
     * Creates an opportunity in an open stage (by default the first open stage of the tenant's
     * default pipeline, which is created on first use). The stage's entry requirements apply.
     *
     * @param command what to create
     * @return the stored opportunity, at version 1
     * @throws CrmValidationException naming {@code pipelineId} or {@code stage} if unknown or the
     *     stage is closed, {@code accountId}, {@code ownerId} or {@code contactRoles} if a
     *     referenced record is missing, {@code closeDate} if it is before today (UTC)
     * @throws StageRequirementsNotMetException if the stage's requirements are not met
     */
    public Opportunity create(NewOpportunity command) {
        Checks.notNull(command, "command");
        return context.write(uow -> {
            Pipeline pipeline = command.pipelineId() == null ? PipelineService.ensureDefault(uow)
                    : PipelineService.require(uow, command.pipelineId());
            Stage stage = command.stage() == null ? pipeline.firstOpenStage() : pipeline.requireStage(command.stage());
            if (!stage.isOpen()) {
                throw new CrmValidationException("stage",
                        "a new opportunity starts in an open stage; close it with closeWon or closeLost");
            }
            requireAccount(uow, command.accountId());
            CustomFieldValidation.check(uow, EntityType.OPPORTUNITY, command.customFields());
            Owners.check(context, command.ownerId(), "ownerId");
            requireContacts(uow, command.contactRoles().contactIds());
            Money amount = command.lineItems().isEmpty() ? command.amount() : Opportunity.sum(command.lineItems());
            Opportunity opportunity = new Opportunity(OpportunityId.of(uow.newId("opportunity")), uow.tenant(), 1,
                    command.name(), command.accountId(), amount, pipeline.id(), stage.key(), command.closeDate(),
                    command.ownerId(), command.contactRoles(), command.lineItems(),
                    List.of(new StageChange(null, stage.key(), uow.now(), uow.actor())), OpportunityStatus.OPEN,
                    null, null, command.source(), command.tags(), command.customFields(), uow.now(), uow.now());
            requireEntry(stage, opportunity);
            uow.tx().opportunities().insert(opportunity);
            uow.emit(new OpportunityCreated(uow.meta(), opportunity.id(), opportunity.accountId(), pipeline.id(),
                    stage.key()));
            promote(opportunity, opportunity.contactRoles().contactIds());
            return opportunity;
        });
    }

    /**
     * Stores a changed opportunity. The change must be based on the current version, and may not
     * touch the stage, its history, the status or the pipeline (use the stage methods).
     *
     * @param edited the opportunity with its changes, at the version it was read
     * @return the stored opportunity, at the next version (or unchanged if nothing changed)
     * @throws CrmConflictException if the opportunity was changed since it was read
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming {@code stage} if a stage field changed,
     *     {@code pipelineId} if the pipeline changed, or the field of a missing referenced record
     */
    public Opportunity update(Opportunity edited) {
        Checks.notNull(edited, "opportunity");
        return context.write(uow -> {
            Opportunity current = get(uow, edited.id());
            if (current.version() != edited.version()) {
                throw new CrmConflictException("Opportunity", edited.id().value(), edited.version(),
                        current.version());
            }
            Set<String> changed = Diff.changed(current, edited, Diff.BOOKKEEPING);
            if (changed.contains("tenantId")) {
                throw new CrmValidationException("tenantId", "cannot change");
            }
            CustomFieldValidation.checkUpdate(uow, EntityType.OPPORTUNITY, current.customFields(), edited.customFields());
            if (changed.contains("pipelineId")) {
                throw new CrmValidationException("pipelineId", "cannot change through update");
            }
            if (changed.stream().anyMatch(STAGE_FIELDS::contains)) {
                throw new CrmValidationException("stage",
                        "changes only through moveToStage, closeWon, closeLost or reopen");
            }
            if (changed.contains("accountId")) {
                requireAccount(uow, edited.accountId());
            }
            if (changed.contains("ownerId")) {
                Owners.check(context, edited.ownerId(), "ownerId");
            }
            Opportunity rebased = new Opportunity(edited.id(), edited.tenantId(), edited.version(), edited.name(),
                    edited.accountId(), edited.amount(), edited.pipelineId(), edited.stage(), edited.closeDate(),
                    edited.ownerId(), edited.contactRoles(), edited.lineItems(), edited.stageHistory(),
                    edited.status(), edited.closedAt(), edited.closeReason(), edited.source(), edited.tags(),
                    edited.customFields(), current.createdAt(), current.updatedAt());
            return store(uow, current, rebased);
        });
    }

    /**
     * Moves an open opportunity to another stage of its pipeline. Moving into the closed-won stage
     * wins it (as {@link #closeWon} without a reason); a closed-lost stage is refused, because
     * losing needs a reason: use {@link #closeLost}. Moving to the current stage changes nothing.
     *
     * @param id the opportunity
     * @param stageKey the key of the target stage
     * @return the stored opportunity
     * @throws CrmValidationException naming {@code stage} if the pipeline has no such stage or it
     *     is a closed-lost stage, or {@code status} if the opportunity is closed (reopen it first)
     * @throws StageRequirementsNotMetException if the stage's requirements are not met
     * @throws CrmNotFoundException if the opportunity does not exist
     */
    public Opportunity moveToStage(OpportunityId id, String stageKey) {
        Checks.notNull(stageKey, "stage");
        return context.write(uow -> {
            Opportunity current = get(uow, id);
            requireOpen(current);
            Stage target = PipelineService.require(uow, current.pipelineId()).requireStage(stageKey);
            if (target.isLost()) {
                throw new CrmValidationException("stage", "closing as lost needs a reason: use closeLost");
            }
            if (target.key().equals(current.stage())) {
                return current;
            }
            return move(uow, current, target, null);
        });
    }

    /**
     * Closes an open opportunity as won, in its pipeline's closed-won stage. Its role contacts
     * become customers (if they are not further along).
     *
     * @param id the opportunity
     * @param reason why it was won, or null
     * @return the stored opportunity
     * @throws CrmValidationException naming {@code status} if it is already closed
     * @throws StageRequirementsNotMetException if the won stage's requirements are not met
     * @throws CrmNotFoundException if the opportunity does not exist
     */
    public Opportunity closeWon(OpportunityId id, @Nullable String reason) {
        String why = Checks.optional(reason);
        return context.write(uow -> {
            Opportunity current = get(uow, id);
            requireOpen(current);
            return move(uow, current, PipelineService.require(uow, current.pipelineId()).wonStage(), why);
        });
    }

    /**
     * Closes an open opportunity as lost, in its pipeline's first closed-lost stage.
     *
     * @param id the opportunity
     * @param reason why it was lost
     * @return the stored opportunity
     * @throws CrmValidationException naming {@code reason} if it is blank, or {@code status} if
     *     the opportunity is already closed
     * @throws StageRequirementsNotMetException if the lost stage's requirements are not met
     * @throws CrmNotFoundException if the opportunity does not exist
     */
    public Opportunity closeLost(OpportunityId id, String reason) {
        String why = Checks.nonBlank(reason, "reason");
        return context.write(uow -> {
            Opportunity current = get(uow, id);
            requireOpen(current);
            return move(uow, current, PipelineService.require(uow, current.pipelineId()).lostStages().get(0), why);
        });
    }

    /**
     * Closes an open opportunity as lost, in a chosen closed-lost stage (for pipelines with
     * several, e.g. "lost to competitor" and "no decision").
     *
     * @param id the opportunity
     * @param stageKey the key of a closed-lost stage
     * @param reason why it was lost
     * @return the stored opportunity
     * @throws CrmValidationException naming {@code reason} if it is blank, {@code stage} if it is
     *     not a closed-lost stage of the pipeline, or {@code status} if already closed
     * @throws StageRequirementsNotMetException if the stage's requirements are not met
     * @throws CrmNotFoundException if the opportunity does not exist
     */
    public Opportunity closeLost(OpportunityId id, String stageKey, String reason) {
        Checks.notNull(stageKey, "stage");
        String why = Checks.nonBlank(reason, "reason");
        return context.write(uow -> {
            Opportunity current = get(uow, id);
            requireOpen(current);
            Stage target = PipelineService.require(uow, current.pipelineId()).requireStage(stageKey);
            if (!target.isLost()) {
                throw new CrmValidationException("stage", "is not a closed-lost stage");
            }
            return move(uow, current, target, why);
        });
    }

    /**
     * Reopens a closed (won or lost) opportunity into an open stage; the history records the
     * move, and the close time and reason are cleared.
     *
     * @param id the opportunity
     * @param stageKey the key of an open stage
     * @return the stored opportunity
     * @throws CrmValidationException naming {@code status} if it is open, or {@code stage} if the
     *     stage is unknown or not open
     * @throws StageRequirementsNotMetException if the stage's requirements are not met
     * @throws CrmNotFoundException if the opportunity does not exist
     */
    public Opportunity reopen(OpportunityId id, String stageKey) {
        Checks.notNull(stageKey, "stage");
        return context.write(uow -> {
            Opportunity current = get(uow, id);
            if (current.isOpen()) {
                throw new CrmValidationException("status", "is open; only a closed opportunity can be reopened");
            }
            Stage target = PipelineService.require(uow, current.pipelineId()).requireStage(stageKey);
            if (!target.isOpen()) {
                throw new CrmValidationException("stage", "must be an open stage to reopen into");
            }
            return move(uow, current, target, null);
        });
    }

    /**
     * Adds a product's line, or replaces the product's line if it has one; the amount becomes the
     * sum of the lines.
     *
     * @param id the opportunity
     * @param item the line
     * @return the stored opportunity
     * @throws CrmValidationException naming {@code lineItems} if the currency differs
     * @throws CrmNotFoundException if the opportunity does not exist
     */
    public Opportunity addLineItem(OpportunityId id, LineItem item) {
        Checks.notNull(item, "lineItem");
        return context.write(uow -> {
            Opportunity current = get(uow, id);
            return store(uow, current, current.withLineItem(item));
        });
    }

    /**
     * Removes a product's line (nothing happens if it has none); the amount becomes the sum of the
     * remaining lines, or stays at the last sum when none remains.
     *
     * @param id the opportunity
     * @param productId the product
     * @return the stored opportunity
     * @throws CrmNotFoundException if the opportunity does not exist
     */
    public Opportunity removeLineItem(OpportunityId id, ProductId productId) {
        Checks.notNull(productId, "productId");
        return context.write(uow -> {
            Opportunity current = get(uow, id);
            return store(uow, current, current.withoutLineItem(productId));
        });
    }

    /**
     * Sets a contact's role (a primary role demotes the former primary). On an open opportunity
     * the contact is promoted at least to {@link LifecycleStage#OPPORTUNITY}; on a won one to
     * {@link LifecycleStage#CUSTOMER}.
     *
     * @param id the opportunity
     * @param role the role
     * @return the stored opportunity
     * @throws CrmValidationException naming {@code contactRoles} if the contact does not exist
     * @throws CrmNotFoundException if the opportunity does not exist
     */
    public Opportunity setContactRole(OpportunityId id, ContactRole role) {
        Checks.notNull(role, "contactRole");
        return context.write(uow -> {
            Opportunity current = get(uow, id);
            return store(uow, current, current.withContactRole(role));
        });
    }

    /**
     * Removes a contact's role (nothing happens if the contact has none). The contact's
     * lifecycle stays where it is.
     *
     * @param id the opportunity
     * @param contactId the contact
     * @return the stored opportunity
     * @throws CrmNotFoundException if the opportunity does not exist
     */
    public Opportunity removeContactRole(OpportunityId id, ContactId contactId) {
        Checks.notNull(contactId, "contactId");
        return context.write(uow -> {
            Opportunity current = get(uow, id);
            return store(uow, current, current.withoutContactRole(contactId));
        });
    }

    /**
     * An opportunity by id.
     *
     * @param id the id
     * @return the opportunity
     * @throws CrmNotFoundException if it does not exist in this tenant
     */
    public Opportunity get(OpportunityId id) {
        return find(id).orElseThrow(() -> new CrmNotFoundException("Opportunity", id.value()));
    }

    /**
     * An opportunity by id, if it exists.
     *
     * @param id the id
     * @return the opportunity, or empty
     */
    public Optional<Opportunity> find(OpportunityId id) {
        Checks.notNull(id, "opportunityId");
        return context.read(tx -> tx.opportunities().find(id));
    }

    /**
     * One page of all opportunities, ordered by id.
     *
     * @param request the page
     * @return the page
     */
    public Page<Opportunity> list(PageRequest request) {
        Checks.notNull(request, "request");
        return context.read(tx -> tx.opportunities().list(request));
    }

    /**
     * How many opportunities the tenant has.
     *
     * @return the count
     */
    public long count() {
        return context.read(tx -> tx.opportunities().count());
    }

    /**
     * The opportunities of an account, ordered by id.
     *
     * @param accountId the account
     * @return the opportunities
     */
    public List<Opportunity> findByAccount(AccountId accountId) {
        Checks.notNull(accountId, "accountId");
        return context.read(tx -> tx.opportunities().findByAccount(accountId));
    }

    /**
     * The opportunities an owner owns, ordered by id.
     *
     * @param ownerId the owner
     * @return the opportunities
     */
    public List<Opportunity> findByOwner(UserId ownerId) {
        Checks.notNull(ownerId, "ownerId");
        return context.read(tx -> tx.opportunities().findByOwner(ownerId));
    }

    /**
     * The opportunities on which a contact has a role, ordered by id.
     *
     * @param contactId the contact
     * @return the opportunities
     */
    public List<Opportunity> findByContact(ContactId contactId) {
        Checks.notNull(contactId, "contactId");
        return context.read(tx -> tx.opportunities().findByContact(contactId));
    }

    /**
     * The open opportunities in one stage of a pipeline, ordered by id.
     *
     * @param pipelineId the pipeline
     * @param stageKey the stage key
     * @return the opportunities
     * @throws CrmValidationException naming {@code pipelineId} or {@code stage} if unknown
     */
    public List<Opportunity> findOpen(PipelineId pipelineId, String stageKey) {
        Checks.notNull(pipelineId, "pipelineId");
        Checks.notNull(stageKey, "stage");
        return context.read(tx -> {
            Stage stage = tx.pipelines().find(pipelineId)
                    .orElseThrow(() -> new CrmValidationException("pipelineId", "names no pipeline of this tenant"))
                    .requireStage(stageKey);
            return tx.opportunities().findOpenInStage(pipelineId, stage.key());
        });
    }

    /**
     * The open opportunities of a pipeline, stage by stage in pipeline order, then by id.
     *
     * @param pipelineId the pipeline
     * @return the opportunities
     * @throws CrmValidationException naming {@code pipelineId} if unknown
     */
    public List<Opportunity> findOpen(PipelineId pipelineId) {
        Checks.notNull(pipelineId, "pipelineId");
        return context.read(tx -> {
            Pipeline pipeline = tx.pipelines().find(pipelineId)
                    .orElseThrow(() -> new CrmValidationException("pipelineId", "names no pipeline of this tenant"));
            List<Opportunity> open = new ArrayList<>();
            for (Stage stage : pipeline.openStages()) {
                open.addAll(tx.opportunities().findOpenInStage(pipelineId, stage.key()));
            }
            return List.copyOf(open);
        });
    }

    private Opportunity move(UnitOfWork uow, Opportunity current, Stage target, @Nullable String reason) {
        Opportunity moved = current.movedTo(target, uow.now(), uow.actor(), reason);
        requireEntry(target, moved);
        Opportunity next = moved.withVersion(current.version() + 1).withUpdatedAt(uow.now());
        uow.tx().opportunities().update(next);
        uow.emit(new StageChanged(uow.meta(), next.id(), next.pipelineId(), current.stage(), next.stage()));
        switch (next.status()) {
            case WON -> uow.emit(new OpportunityWon(uow.meta(), next.id(), next.amount(), next.closeReason()));
            case LOST -> uow.emit(new OpportunityLost(uow.meta(), next.id(), next.closeReason()));
            case OPEN -> {
                if (current.status().isClosed()) {
                    uow.emit(new OpportunityReopened(uow.meta(), next.id(), next.stage()));
                }
            }
        }
        if (next.status() != current.status()) {
            promote(next, next.contactRoles().contactIds());
        }
        return next;
    }

    private Opportunity store(UnitOfWork uow, Opportunity current, Opportunity edited) {
        Set<String> changed = Diff.changed(current, edited, Diff.BOOKKEEPING);
        if (changed.isEmpty()) {
            return current;
        }
        List<ContactId> added = new ArrayList<>();
        if (changed.contains("contactRoles")) {
            for (ContactId contact : edited.contactRoles().contactIds()) {
                if (!current.contactRoles().contactIds().contains(contact)) {
                    added.add(contact);
                }
            }
            requireContacts(uow, added);
        }
        Opportunity next = edited.withVersion(current.version() + 1).withUpdatedAt(uow.now());
        uow.tx().opportunities().update(next);
        uow.emit(new OpportunityUpdated(uow.meta(), next.id(), changed));
        promote(next, added);
        return next;
    }

    /** Promotes contacts as far as the opportunity's status asks, never backwards. */
    private void promote(Opportunity opportunity, Collection<ContactId> contactIds) {
        LifecycleStage target = switch (opportunity.status()) {
            case OPEN -> LifecycleStage.OPPORTUNITY;
            case WON -> LifecycleStage.CUSTOMER;
            case LOST -> null;
        };
        if (target == null || contactIds.isEmpty()) {
            return;
        }
        ContactService contacts = new ContactService(context);
        for (ContactId contact : contactIds) {
            contacts.promoteLifecycle(contact, target);
        }
    }

    private static void requireEntry(Stage stage, Opportunity opportunity) {
        List<RequirementResult.Unmet> unmet = stage.unmetRequirements(opportunity);
        if (!unmet.isEmpty()) {
            throw new StageRequirementsNotMetException(stage.key(), unmet);
        }
    }

    private static void requireOpen(Opportunity current) {
        if (!current.isOpen()) {
            throw new CrmValidationException("status", "is closed; reopen it before moving it");
        }
    }

    private static void requireAccount(UnitOfWork uow, @Nullable AccountId accountId) {
        if (accountId != null && uow.tx().accounts().find(accountId).isEmpty()) {
            throw new CrmValidationException("accountId", "names an account that does not exist");
        }
    }

    private static void requireContacts(UnitOfWork uow, Collection<ContactId> contactIds) {
        for (ContactId contact : contactIds) {
            if (uow.tx().contacts().find(contact).isEmpty()) {
                throw new CrmValidationException("contactRoles", "names a contact that does not exist");
            }
        }
    }

    private static Opportunity get(UnitOfWork uow, OpportunityId id) {
        Checks.notNull(id, "opportunityId");
        return uow.tx().opportunities().find(id)
                .orElseThrow(() -> new CrmNotFoundException("Opportunity", id.value()));
    }
}
