package dev.rapport.crm.io;

import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.LineItem;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.sales.OpportunityService;
import dev.rapport.crm.sales.Pipeline;
import dev.rapport.crm.sales.PipelineId;
import dev.rapport.crm.sales.PipelineService;
import dev.rapport.crm.sales.ProductId;
import dev.rapport.crm.sales.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Rows to opportunities, matched by external id. A row's stage may be open or closed: a closed
 * row is created in the pipeline's first open stage and then closed, as a sales rep would.
 */
final class OpportunityImport extends EntityImport {
    static final Set<String> FIELDS = fieldSet("externalId", "name", "account", "amount", "currency", "pipeline",
            "stage", "closeDate", "owner", "product", "quantity", "unitPrice", "closeReason", "source", "tags");
    static final String DEFAULT_LOST_REASON = "lost (no reason given in the imported file)";

    private final OpportunityService opportunities;
    private final PipelineService pipelines;

    OpportunityImport(ServiceContext context, ImportMapping mapping) {
        super(context, mapping);
        this.opportunities = new OpportunityService(context);
        this.pipelines = new PipelineService(context);
    }

    @Override
    String entity() {
        return "opportunity";
    }

    @Override
    EntityType entityType() {
        return EntityType.OPPORTUNITY;
    }

    @Override
    String plural() {
        return "opportunities";
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
        Opportunity existing = find(uow, externalId).orElse(null);
        Pipeline pipeline = existing != null ? pipelines.get(existing.pipelineId())
                : row.has("pipeline") ? pipelines.find(PipelineId.of(row.required("pipeline")))
                        .orElseThrow(() -> row.reject("pipeline", "names a pipeline that does not exist"))
                : pipelines.defaultPipeline();
        Stage stage = null;
        if (row.has("stage")) {
            stage = pipeline.stage(row.required("stage"))
                    .orElseThrow(() -> row.reject("stage", "is not a stage of the pipeline " + pipeline.name()));
        }
        AccountId account = null;
        if (row.has("account")) {
            account = findAccount(uow, row, "account", row.required("account")).map(Account::id)
                    .orElseThrow(() -> row.reject("account", "names an account that is not stored"));
        }
        UserId owner = row.has("owner") ? UserId.of(row.required("owner")) : null;
        LocalDate closeDate = row.date("closeDate");
        LeadSource source = row.enumValue("source", LeadSource.class);
        Money amount = row.money("amount");
        if (amount != null && amount.isZero() && stage != null && stage.isLost()) {
            amount = null; // a lost deal's zero is "no value recorded", not a deal worth nothing
        }
        LineItem item = lineItem(row, amount);
        Set<String> tags = tags(row.text("tags"));
        String reason = row.text("closeReason");
        if (existing == null) {
            NewOpportunity command = NewOpportunity.named(row.has("name") ? row.required("name") : externalId)
                    .pipeline(pipeline.id())
                    .stage(stage == null || !stage.isOpen() ? pipeline.firstOpenStage().key() : stage.key());
            if (account != null) {
                command = command.account(account);
            }
            if (item != null) {
                command = command.lineItem(item);
            } else if (amount != null) {
                command = command.amount(amount);
            }
            if (closeDate != null) {
                command = command.closeDate(closeDate);
            }
            if (owner != null) {
                command = command.owner(owner);
            }
            if (source != null) {
                command = command.source(source);
            }
            for (String tag : tags) {
                command = command.tag(tag);
            }
            for (var entry : customFields(row, CustomFields.empty()).asMap().entrySet()) {
                command = command.field(entry.getKey(), entry.getValue());
            }
            Opportunity created = opportunities.create(command);
            if (stage != null && !stage.isOpen()) {
                close(created.id(), stage, reason);
            }
            link(uow, entity(), externalId, created.id().value(), row);
            return new Upserted(Outcome.CREATED, List.of());
        }
        Opportunity edited = existing;
        if (row.has("name")) {
            edited = edited.withName(row.required("name"));
        }
        if (account != null) {
            edited = edited.withAccount(account);
        }
        if (item != null) {
            Optional<LineItem> same = edited.lineItem(item.productId());
            if (same.isEmpty() || !same.get().equals(item)) {
                edited = edited.withLineItem(item);
            }
        } else if (amount != null && edited.lineItems().isEmpty()) {
            edited = edited.withAmount(amount);
        }
        if (closeDate != null) {
            edited = edited.withCloseDate(closeDate);
        }
        if (owner != null) {
            edited = edited.withOwner(owner);
        }
        if (source != null) {
            edited = edited.withSource(source);
        }
        if (!tags.isEmpty() && !edited.tags().containsAll(tags)) {
            Set<String> all = new TreeSet<>(edited.tags());
            all.addAll(tags);
            edited = edited.withTags(all);
        }
        edited = edited.withCustomFields(customFields(row, edited.customFields()));
        Opportunity stored = opportunities.update(edited);
        if (stage != null && !stage.key().equals(stored.stage())) {
            if (!stored.isOpen()) {
                Stage reopenTo = stage.isOpen() ? stage : pipeline.firstOpenStage();
                stored = opportunities.reopen(stored.id(), reopenTo.key());
            }
            if (stage.isOpen()) {
                stored = opportunities.moveToStage(stored.id(), stage.key());
            } else {
                stored = close(stored.id(), stage, reason);
            }
        }
        return new Upserted(stored.version() == existing.version() ? Outcome.UNCHANGED : Outcome.UPDATED, List.of());
    }

    private Opportunity close(OpportunityId id, Stage stage, @Nullable String reason) {
        if (stage.isLost()) {
            return opportunities.closeLost(id, stage.key(), reason == null ? DEFAULT_LOST_REASON : reason);
        }
        return opportunities.closeWon(id, reason);
    }

    /** The row's product as a line item: its price from the row, else the mapping's list price. */
    private @Nullable LineItem lineItem(RowValues row, @Nullable Money amount) {
        if (!row.has("product")) {
            return null;
        }
        String product = row.required("product");
        BigDecimal quantity = row.has("quantity") ? row.decimal("quantity") : BigDecimal.ONE;
        if (quantity.signum() <= 0) {
            throw row.reject("quantity", "must be positive");
        }
        Money unitPrice = row.money("unitPrice");
        if (unitPrice == null && amount != null) {
            unitPrice = amount.times(BigDecimal.ONE.divide(quantity, 10, java.math.RoundingMode.HALF_EVEN));
        }
        if (unitPrice == null) {
            unitPrice = mapping.listPriceOf(product);
        }
        if (unitPrice == null) {
            throw row.reject("product", "has no price: map a unitPrice or amount column, or give the mapping a list price");
        }
        return LineItem.of(ProductId.of(product), quantity, unitPrice);
    }

    private Optional<Opportunity> find(UnitOfWork uow, String externalId) {
        Optional<String> target = linked(uow, entity(), externalId);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Optional<Opportunity> found = uow.tx().opportunities().find(OpportunityId.of(target.get()));
        if (found.isEmpty()) {
            unlink(uow, entity(), externalId);
        }
        return found;
    }
}
