package dev.rapport.crm.sales;

import dev.rapport.crm.Actor;
import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoles;
import dev.rapport.crm.revenue.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A deal being worked: an amount (once known) for an account, moving through the stages of a
 * {@link Pipeline} until it is won or lost, with contact roles, line items and a complete stage
 * history.
 *
 * <p>Rules (checked on construction): the amount is not negative; line items and amount share one
 * currency, and when there are line items the amount <em>is</em> their sum (set it through the
 * line items, not separately); the expected close date is not before the creation date (UTC); the
 * stage history is complete: its first entry is the creation stage, each entry starts where the
 * previous one ended, and the last one ends in the current stage; an open opportunity has no
 * close time or reason, a closed one has a close time, a lost one a reason. Whether the stage is
 * open, won or lost in its pipeline is checked by the service, which alone moves stages.
 *
 * <p>{@link #toString()} carries no names.
 *
 * <pre>{@code
 * Opportunity deal = crm.opportunities().create(NewOpportunity.named("Fleet rollout")
 *         .account(acme.id()).amount(Money.of("120000.00", "EUR")));
 * crm.opportunities().update(deal.withCloseDate(LocalDate.of(2026, 12, 15)));
 * }</pre>
 *
 * @param id the id
 * @param tenantId the tenant
 * @param version the version, 1 when created
 * @param name the display name
 * @param accountId the account, or null
 * @param amount the amount, or null while unknown
 * @param pipelineId the pipeline
 * @param stage the key of the current stage
 * @param closeDate the expected (or actual) close date, or null
 * @param ownerId the owning user, or null
 * @param contactRoles the contacts involved and their roles, at most one primary
 * @param lineItems the products, at most one line per product
 * @param stageHistory every stage change, oldest first; the first is the creation stage
 * @param status open, won or lost
 * @param closedAt when it was closed, or null while open
 * @param closeReason why it was won or lost, or null
 * @param source where the deal came from, or null
 * @param tags free tags
 * @param customFields custom field values
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Opportunity(OpportunityId id, TenantId tenantId, long version, String name,
        @Nullable AccountId accountId, @Nullable Money amount, PipelineId pipelineId, String stage,
        @Nullable LocalDate closeDate, @Nullable UserId ownerId, ContactRoles contactRoles, List<LineItem> lineItems,
        List<StageChange> stageHistory, OpportunityStatus status, @Nullable Instant closedAt,
        @Nullable String closeReason, @Nullable LeadSource source, Set<String> tags, CustomFields customFields,
        Instant createdAt, Instant updatedAt) implements Aggregate<OpportunityId> {

    /**
     * Validates the opportunity.
     *
     * @param id the id
     * @param tenantId the tenant
     * @param version the version, 1 when created
     * @param name the display name
     * @param accountId the account, or null
     * @param amount the amount, or null while unknown
     * @param pipelineId the pipeline
     * @param stage the key of the current stage
     * @param closeDate the expected (or actual) close date, or null
     * @param ownerId the owning user, or null
     * @param contactRoles the contacts involved and their roles, at most one primary
     * @param lineItems the products, at most one line per product
     * @param stageHistory every stage change, oldest first; the first is the creation stage
     * @param status open, won or lost
     * @param closedAt when it was closed, or null while open
     * @param closeReason why it was won or lost, or null
     * @param source where the deal came from, or null
     * @param tags free tags
     * @param customFields custom field values
     * @param createdAt when it was created
     * @param updatedAt when it was last changed
     * @throws CrmValidationException naming the field if a value is missing or a rule above is broken
     */
    public Opportunity {
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        name = Checks.maxLength(Checks.nonBlank(name, "name"), 200, "name");
        Checks.notNull(pipelineId, "pipelineId");
        stage = Stage.checkKey(stage, "stage");
        Checks.notNull(contactRoles, "contactRoles");
        lineItems = checkLineItems(lineItems);
        amount = checkAmount(amount, lineItems);
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        Checks.check(!updatedAt.isBefore(createdAt), "updatedAt", "must not be before createdAt");
        if (closeDate != null) {
            Checks.check(!closeDate.isBefore(LocalDate.ofInstant(createdAt, ZoneOffset.UTC)), "closeDate",
                    "must not be before the creation date");
        }
        stageHistory = checkHistory(stageHistory, stage);
        Checks.notNull(status, "status");
        closeReason = Checks.maxLength(Checks.optional(closeReason), 500, "closeReason");
        if (status == OpportunityStatus.OPEN) {
            Checks.check(closedAt == null, "closedAt", "must be empty while the opportunity is open");
            Checks.check(closeReason == null, "closeReason", "must be empty while the opportunity is open");
        } else {
            Checks.check(closedAt != null, "closedAt", "is required for a closed opportunity");
            Checks.check(status != OpportunityStatus.LOST || closeReason != null, "reason",
                    "is required for a lost opportunity");
        }
        tags = tags(tags);
        Checks.notNull(customFields, "customFields");
    }

    static List<LineItem> checkLineItems(@Nullable List<LineItem> lineItems) {
        List<LineItem> items = Checks.list(lineItems, "lineItems");
        Set<ProductId> products = new HashSet<>();
        for (LineItem item : items) {
            if (!products.add(item.productId())) {
                throw new CrmValidationException("lineItems", "lists a product twice");
            }
            if (!item.unitPrice().currency().equals(items.get(0).unitPrice().currency())) {
                throw new CrmValidationException("lineItems", "must all be in one currency");
            }
        }
        return items;
    }

    private static @Nullable Money checkAmount(@Nullable Money amount, List<LineItem> lineItems) {
        if (amount != null && amount.isNegative()) {
            throw new CrmValidationException("amount", "must not be negative");
        }
        if (lineItems.isEmpty()) {
            return amount;
        }
        Money sum = sum(lineItems);
        if (amount != null && !amount.currency().equals(sum.currency())) {
            throw new CrmValidationException("amount", "must be in the currency of the line items");
        }
        if (!sum.equals(amount)) {
            throw new CrmValidationException("amount",
                    "is the sum of the line items and cannot be set separately");
        }
        return amount;
    }

    /**
     * The sum of line totals.
     *
     * @param lineItems the lines, at least one, in one currency
     * @return the sum
     */
    static Money sum(List<LineItem> lineItems) {
        Money sum = Money.zero(lineItems.get(0).unitPrice().currency());
        for (LineItem item : lineItems) {
            sum = sum.plus(item.total());
        }
        return sum;
    }

    private static List<StageChange> checkHistory(@Nullable List<StageChange> history, String stage) {
        List<StageChange> changes = Checks.list(history, "stageHistory");
        Checks.check(!changes.isEmpty(), "stageHistory", "must start with the creation stage");
        Checks.check(changes.get(0).from() == null, "stageHistory", "must start with the creation stage");
        for (int i = 1; i < changes.size(); i++) {
            StageChange previous = changes.get(i - 1);
            StageChange change = changes.get(i);
            Checks.check(previous.to().equals(change.from()), "stageHistory",
                    "must be complete: each change starts where the previous one ended");
            Checks.check(!change.at().isBefore(previous.at()), "stageHistory", "must be in time order");
        }
        Checks.check(changes.get(changes.size() - 1).to().equals(stage), "stage",
                "must be the stage the last stage change entered");
        return changes;
    }

    static Set<String> tags(@Nullable Set<String> tags) {
        return Checks.tags(tags);
    }

    /**
     * Whether it is still open.
     *
     * @return true if OPEN
     */
    public boolean isOpen() {
        return status == OpportunityStatus.OPEN;
    }

    /**
     * The line of a product.
     *
     * @param productId the product
     * @return the line, or empty
     */
    public java.util.Optional<LineItem> lineItem(ProductId productId) {
        return lineItems.stream().filter(l -> l.productId().equals(productId)).findFirst();
    }

    /**
     * A copy with another name.
     *
     * @param newName the name
     * @return the copy
     */
    public Opportunity withName(String newName) {
        return new Opportunity(id, tenantId, version, newName, accountId, amount, pipelineId, stage, closeDate,
                ownerId, contactRoles, lineItems, stageHistory, status, closedAt, closeReason, source, tags,
                customFields, createdAt, updatedAt);
    }

    /**
     * A copy with another account.
     *
     * @param newAccount the account, or null
     * @return the copy
     */
    public Opportunity withAccount(@Nullable AccountId newAccount) {
        return new Opportunity(id, tenantId, version, name, newAccount, amount, pipelineId, stage, closeDate,
                ownerId, contactRoles, lineItems, stageHistory, status, closedAt, closeReason, source, tags,
                customFields, createdAt, updatedAt);
    }

    /**
     * A copy with another amount. Not allowed while there are line items: the amount is their sum.
     *
     * @param newAmount the amount, or null
     * @return the copy
     * @throws CrmValidationException naming {@code amount} if it is negative or there are line items
     */
    public Opportunity withAmount(@Nullable Money newAmount) {
        return new Opportunity(id, tenantId, version, name, accountId, newAmount, pipelineId, stage, closeDate,
                ownerId, contactRoles, lineItems, stageHistory, status, closedAt, closeReason, source, tags,
                customFields, createdAt, updatedAt);
    }

    /**
     * A copy with another expected close date.
     *
     * @param newDate the date, or null
     * @return the copy
     * @throws CrmValidationException naming {@code closeDate} if it is before the creation date
     */
    public Opportunity withCloseDate(@Nullable LocalDate newDate) {
        return new Opportunity(id, tenantId, version, name, accountId, amount, pipelineId, stage, newDate,
                ownerId, contactRoles, lineItems, stageHistory, status, closedAt, closeReason, source, tags,
                customFields, createdAt, updatedAt);
    }

    /**
     * A copy with another owner.
     *
     * @param newOwner the owner, or null
     * @return the copy
     */
    public Opportunity withOwner(@Nullable UserId newOwner) {
        return new Opportunity(id, tenantId, version, name, accountId, amount, pipelineId, stage, closeDate,
                newOwner, contactRoles, lineItems, stageHistory, status, closedAt, closeReason, source, tags,
                customFields, createdAt, updatedAt);
    }

    /**
     * A copy with other contact roles.
     *
     * @param newRoles the roles
     * @return the copy
     */
    public Opportunity withContactRoles(ContactRoles newRoles) {
        return new Opportunity(id, tenantId, version, name, accountId, amount, pipelineId, stage, closeDate,
                ownerId, newRoles, lineItems, stageHistory, status, closedAt, closeReason, source, tags,
                customFields, createdAt, updatedAt);
    }

    /**
     * A copy with a contact's role set (a primary role demotes the former primary).
     *
     * @param role the role
     * @return the copy
     */
    public Opportunity withContactRole(ContactRole role) {
        return withContactRoles(contactRoles.with(Checks.notNull(role, "contactRole")));
    }

    /**
     * A copy without a contact's role.
     *
     * @param contactId the contact
     * @return the copy
     */
    public Opportunity withoutContactRole(ContactId contactId) {
        return withContactRoles(contactRoles.without(contactId));
    }

    /**
     * A copy with other line items; the amount becomes their sum (and stays at the last sum when
     * the list is empty).
     *
     * @param newItems the lines, one per product, in one currency
     * @return the copy
     * @throws CrmValidationException naming {@code lineItems} if a product repeats, the lines'
     *     currencies differ, or they differ from the current amount's currency (clear the amount
     *     first to change currency)
     */
    public Opportunity withLineItems(List<LineItem> newItems) {
        List<LineItem> items = checkLineItems(newItems);
        Money newAmount = amount;
        if (!items.isEmpty()) {
            newAmount = sum(items);
            if (amount != null && !amount.currency().equals(newAmount.currency())) {
                throw new CrmValidationException("lineItems", "must be in the opportunity's currency");
            }
        }
        return new Opportunity(id, tenantId, version, name, accountId, newAmount, pipelineId, stage, closeDate,
                ownerId, contactRoles, items, stageHistory, status, closedAt, closeReason, source, tags,
                customFields, createdAt, updatedAt);
    }

    /**
     * A copy with a product's line added, or replaced if the product already has one.
     *
     * @param item the line
     * @return the copy, with the amount recomputed
     * @throws CrmValidationException naming {@code lineItems} if its currency differs from the others
     */
    public Opportunity withLineItem(LineItem item) {
        Checks.notNull(item, "lineItem");
        List<LineItem> next = new ArrayList<>(lineItems.size() + 1);
        boolean replaced = false;
        for (LineItem l : lineItems) {
            if (l.productId().equals(item.productId())) {
                next.add(item);
                replaced = true;
            } else {
                next.add(l);
            }
        }
        if (!replaced) {
            next.add(item);
        }
        return withLineItems(next);
    }

    /**
     * A copy without a product's line.
     *
     * @param productId the product
     * @return the copy, with the amount recomputed (kept at the last sum when no line is left)
     */
    public Opportunity withoutLineItem(ProductId productId) {
        List<LineItem> next = new ArrayList<>(lineItems);
        next.removeIf(l -> l.productId().equals(productId));
        return next.size() == lineItems.size() ? this : withLineItems(next);
    }

    /**
     * A copy with another source.
     *
     * @param newSource the source, or null
     * @return the copy
     */
    public Opportunity withSource(@Nullable LeadSource newSource) {
        return new Opportunity(id, tenantId, version, name, accountId, amount, pipelineId, stage, closeDate,
                ownerId, contactRoles, lineItems, stageHistory, status, closedAt, closeReason, newSource, tags,
                customFields, createdAt, updatedAt);
    }

    /**
     * A copy with other tags.
     *
     * @param newTags the tags
     * @return the copy
     */
    public Opportunity withTags(Set<String> newTags) {
        return new Opportunity(id, tenantId, version, name, accountId, amount, pipelineId, stage, closeDate,
                ownerId, contactRoles, lineItems, stageHistory, status, closedAt, closeReason, source, newTags,
                customFields, createdAt, updatedAt);
    }

    /**
     * A copy with other custom field values.
     *
     * @param newFields the values
     * @return the copy
     */
    public Opportunity withCustomFields(CustomFields newFields) {
        return new Opportunity(id, tenantId, version, name, accountId, amount, pipelineId, stage, closeDate,
                ownerId, contactRoles, lineItems, stageHistory, status, closedAt, closeReason, source, tags,
                newFields, createdAt, updatedAt);
    }

    /**
     * A copy with another version (used by services when storing a change).
     *
     * @param next the version
     * @return the copy
     */
    public Opportunity withVersion(long next) {
        return new Opportunity(id, tenantId, next, name, accountId, amount, pipelineId, stage, closeDate,
                ownerId, contactRoles, lineItems, stageHistory, status, closedAt, closeReason, source, tags,
                customFields, createdAt, updatedAt);
    }

    /**
     * A copy stamped with the time of a change.
     *
     * @param at the time
     * @return the copy
     */
    public Opportunity withUpdatedAt(Instant at) {
        return new Opportunity(id, tenantId, version, name, accountId, amount, pipelineId, stage, closeDate,
                ownerId, contactRoles, lineItems, stageHistory, status, closedAt, closeReason, source, tags,
                customFields, createdAt, at);
    }

    /**
     * The copy that entered another stage, with the move appended to the history. The service
     * decides the status from the stage's flags.
     */
    Opportunity movedTo(Stage target, Instant at, Actor actor, @Nullable String reason) {
        List<StageChange> history = new ArrayList<>(stageHistory.size() + 1);
        history.addAll(stageHistory);
        history.add(new StageChange(stage, target.key(), at, actor));
        OpportunityStatus next = target.status();
        return new Opportunity(id, tenantId, version, name, accountId, amount, pipelineId, target.key(), closeDate,
                ownerId, contactRoles, lineItems, history, next, next.isClosed() ? at : null,
                next.isClosed() ? reason : null, source, tags, customFields, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "Opportunity[id=" + id + ", version=" + version + ", pipelineId=" + pipelineId + ", stage=" + stage
                + ", status=" + status + "]";
    }
}
