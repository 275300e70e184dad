package dev.rapport.crm.sales;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoles;
import dev.rapport.crm.revenue.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The command to create an opportunity. Immutable: every method returns a new command, and values
 * are checked as they are given. Defaults: the tenant's default pipeline and its first open stage.
 * An amount and line items exclude each other: with line items, the amount is their sum.
 *
 * <pre>{@code
 * Opportunity deal = crm.opportunities().create(NewOpportunity.named("Fleet rollout")
 *         .account(acme.id())
 *         .amount(Money.of("120000.00", "EUR"))
 *         .closeDate(LocalDate.of(2026, 12, 15))
 *         .stage("qualification")
 *         .contactRole(ContactRole.primary(ada.id(), ContactRoleType.DECISION_MAKER)));
 * }</pre>
 *
 * @param name the display name
 * @param accountId the account, or null
 * @param amount the amount, or null (null when line items are given)
 * @param closeDate the expected close date, or null
 * @param pipelineId the pipeline, or null for the tenant's default
 * @param stage the key of the first stage (an open one), or null for the pipeline's first open stage
 * @param ownerId the owner, or null
 * @param contactRoles the contact roles
 * @param lineItems the line items, one per product, in one currency
 * @param source where the deal came from, or null
 * @param tags tags
 * @param customFields custom field values
 */
public record NewOpportunity(String name, @Nullable AccountId accountId, @Nullable Money amount,
        @Nullable LocalDate closeDate, @Nullable PipelineId pipelineId, @Nullable String stage,
        @Nullable UserId ownerId, ContactRoles contactRoles, List<LineItem> lineItems, @Nullable LeadSource source,
        Set<String> tags, CustomFields customFields) {

    /**
     * Validates the command.
     *
     * @param name the display name
     * @param accountId the account, or null
     * @param amount the amount, or null (null when line items are given)
     * @param closeDate the expected close date, or null
     * @param pipelineId the pipeline, or null for the tenant's default
     * @param stage the key of the first stage (an open one), or null for the pipeline's first open stage
     * @param ownerId the owner, or null
     * @param contactRoles the contact roles
     * @param lineItems the line items, one per product, in one currency
     * @param source where the deal came from, or null
     * @param tags tags
     * @param customFields custom field values
     * @throws CrmValidationException naming the field if a value is invalid; {@code amount} if it
     *     is negative or given together with line items
     */
    public NewOpportunity {
        name = Checks.maxLength(Checks.nonBlank(name, "name"), 200, "name");
        if (amount != null && amount.isNegative()) {
            throw new CrmValidationException("amount", "must not be negative");
        }
        if (stage != null) {
            stage = Stage.checkKey(stage, "stage");
        }
        Checks.notNull(contactRoles, "contactRoles");
        lineItems = Opportunity.checkLineItems(lineItems);
        if (!lineItems.isEmpty() && amount != null) {
            throw new CrmValidationException("amount", "is the sum of the line items and cannot be set separately");
        }
        tags = Opportunity.tags(tags);
        Checks.notNull(customFields, "customFields");
    }

    /**
     * An opportunity with a name.
     *
     * @param name the display name
     * @return the command
     * @throws CrmValidationException naming {@code name} if it is blank
     */
    public static NewOpportunity named(String name) {
        return new NewOpportunity(name, null, null, null, null, null, null, ContactRoles.none(), List.of(), null,
                Set.of(), CustomFields.empty());
    }

    /**
     * For an account.
     *
     * @param value the account
     * @return the command
     */
    public NewOpportunity account(AccountId value) {
        return new NewOpportunity(name, Checks.notNull(value, "accountId"), amount, closeDate, pipelineId, stage,
                ownerId, contactRoles, lineItems, source, tags, customFields);
    }

    /**
     * With an amount (not together with line items).
     *
     * @param value the amount, not negative
     * @return the command
     * @throws CrmValidationException naming {@code amount} if it is negative or line items are given
     */
    public NewOpportunity amount(Money value) {
        return new NewOpportunity(name, accountId, Checks.notNull(value, "amount"), closeDate, pipelineId, stage,
                ownerId, contactRoles, lineItems, source, tags, customFields);
    }

    /**
     * With an expected close date (not before the day the opportunity is created).
     *
     * @param value the date
     * @return the command
     */
    public NewOpportunity closeDate(LocalDate value) {
        return new NewOpportunity(name, accountId, amount, Checks.notNull(value, "closeDate"), pipelineId, stage,
                ownerId, contactRoles, lineItems, source, tags, customFields);
    }

    /**
     * In a pipeline other than the default.
     *
     * @param value the pipeline
     * @return the command
     */
    public NewOpportunity pipeline(PipelineId value) {
        return new NewOpportunity(name, accountId, amount, closeDate, Checks.notNull(value, "pipelineId"), stage,
                ownerId, contactRoles, lineItems, source, tags, customFields);
    }

    /**
     * Starting in an open stage other than the first.
     *
     * @param value the stage key
     * @return the command
     * @throws CrmValidationException naming {@code stage} if it is not a slug
     */
    public NewOpportunity stage(String value) {
        return new NewOpportunity(name, accountId, amount, closeDate, pipelineId, Checks.notNull(value, "stage"),
                ownerId, contactRoles, lineItems, source, tags, customFields);
    }

    /**
     * Owned by a user.
     *
     * @param value the owner
     * @return the command
     */
    public NewOpportunity owner(UserId value) {
        return new NewOpportunity(name, accountId, amount, closeDate, pipelineId, stage,
                Checks.notNull(value, "ownerId"), contactRoles, lineItems, source, tags, customFields);
    }

    /**
     * With a contact role (a primary role demotes a former primary).
     *
     * @param role the role
     * @return the command
     */
    public NewOpportunity contactRole(ContactRole role) {
        return new NewOpportunity(name, accountId, amount, closeDate, pipelineId, stage, ownerId,
                contactRoles.with(Checks.notNull(role, "contactRole")), lineItems, source, tags, customFields);
    }

    /**
     * With a line item (the amount becomes the sum of the lines).
     *
     * @param item the line
     * @return the command
     * @throws CrmValidationException naming {@code amount} if an amount was given, or
     *     {@code lineItems} if the product repeats or the currency differs
     */
    public NewOpportunity lineItem(LineItem item) {
        List<LineItem> next = new ArrayList<>(lineItems);
        next.add(Checks.notNull(item, "lineItem"));
        return new NewOpportunity(name, accountId, amount, closeDate, pipelineId, stage, ownerId, contactRoles,
                next, source, tags, customFields);
    }

    /**
     * From a source.
     *
     * @param value the source
     * @return the command
     */
    public NewOpportunity source(LeadSource value) {
        return new NewOpportunity(name, accountId, amount, closeDate, pipelineId, stage, ownerId, contactRoles,
                lineItems, Checks.notNull(value, "source"), tags, customFields);
    }

    /**
     * With a tag added.
     *
     * @param tag the tag
     * @return the command
     */
    public NewOpportunity tag(String tag) {
        Set<String> next = new TreeSet<>(tags);
        next.add(Checks.nonBlank(tag, "tags"));
        return new NewOpportunity(name, accountId, amount, closeDate, pipelineId, stage, ownerId, contactRoles,
                lineItems, source, next, customFields);
    }

    /**
     * With a custom field value.
     *
     * @param key the field key
     * @param value the value
     * @return the command
     */
    public NewOpportunity field(String key, FieldValue value) {
        return new NewOpportunity(name, accountId, amount, closeDate, pipelineId, stage, ownerId, contactRoles,
                lineItems, source, tags, customFields.with(key, value));
    }
}
