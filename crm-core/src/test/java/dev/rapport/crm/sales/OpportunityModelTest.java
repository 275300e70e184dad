package dev.rapport.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Actor;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.party.ContactRoles;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The rules an opportunity enforces on construction, whoever builds it. */
class OpportunityModelTest {
    private static final Instant AT = Instant.parse("2026-11-22T23:30:00Z");
    private static final StageChange CREATED = new StageChange(null, "prospecting", AT, Actor.SYSTEM);

    private static Opportunity opportunity(String stage, List<StageChange> history, OpportunityStatus status,
            @Nullable Instant closedAt, @Nullable String reason, @Nullable Money amount, List<LineItem> items,
            @Nullable LocalDate closeDate) {
        return new Opportunity(OpportunityId.of("o"), TenantId.DEFAULT, 1, "Deal", null, amount, PipelineId.of("p"),
                stage, closeDate, null, ContactRoles.none(), items, history, status, closedAt, reason, null, Set.of(),
                CustomFields.empty(), AT, AT);
    }

    private static Opportunity open() {
        return opportunity("prospecting", List.of(CREATED), OpportunityStatus.OPEN, null, null, null, List.of(), null);
    }

    private static void refused(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo(field);
    }

    @Test
    void theHistoryMustStartWithTheCreationStage() {
        refused(() -> opportunity("prospecting", List.of(), OpportunityStatus.OPEN, null, null, null, List.of(), null),
                "stageHistory");
        refused(() -> opportunity("proposal", List.of(new StageChange("prospecting", "proposal", AT, Actor.SYSTEM)),
                OpportunityStatus.OPEN, null, null, null, List.of(), null), "stageHistory");
    }

    @Test
    void theHistoryMustHaveNoGaps() {
        refused(() -> opportunity("proposal", List.of(CREATED,
                new StageChange("qualification", "proposal", AT, Actor.SYSTEM)), OpportunityStatus.OPEN, null, null,
                null, List.of(), null), "stageHistory");
    }

    @Test
    void theHistoryMustBeInTimeOrder() {
        refused(() -> opportunity("proposal", List.of(CREATED,
                new StageChange("prospecting", "proposal", AT.minusSeconds(1), Actor.SYSTEM)), OpportunityStatus.OPEN,
                null, null, null, List.of(), null), "stageHistory");
    }

    @Test
    void theHistoryMustEndInTheCurrentStage() {
        refused(() -> opportunity("proposal", List.of(CREATED), OpportunityStatus.OPEN, null, null, null, List.of(),
                null), "stage");
    }

    @Test
    void anOpenOpportunityHasNoCloseTimeOrReason() {
        refused(() -> opportunity("prospecting", List.of(CREATED), OpportunityStatus.OPEN, AT, null, null, List.of(),
                null), "closedAt");
        refused(() -> opportunity("prospecting", List.of(CREATED), OpportunityStatus.OPEN, null, "why", null,
                List.of(), null), "closeReason");
    }

    @Test
    void aClosedOpportunityHasACloseTimeAndALostOneAReason() {
        refused(() -> opportunity("prospecting", List.of(CREATED), OpportunityStatus.WON, null, null, null, List.of(),
                null), "closedAt");
        refused(() -> opportunity("prospecting", List.of(CREATED), OpportunityStatus.LOST, AT, " ", null, List.of(),
                null), "reason");
    }

    @Test
    void theCloseDateIsComparedWithTheUtcCreationDate() {
        LocalDate created = LocalDate.of(2026, 11, 22);
        refused(() -> open().withCloseDate(created.minusDays(1)), "closeDate");
        assertThat(open().withCloseDate(created).closeDate()).isEqualTo(created);
    }

    @Test
    void anAmountThatIsNotTheSumOfTheLineItemsIsRefused() {
        LineItem line = LineItem.of(ProductId.of("a"), 2, Money.of("10.00", "EUR"));
        refused(() -> opportunity("prospecting", List.of(CREATED), OpportunityStatus.OPEN, null, null,
                Money.of("19.99", "EUR"), List.of(line), null), "amount");
        refused(() -> opportunity("prospecting", List.of(CREATED), OpportunityStatus.OPEN, null, null, null,
                List.of(line), null), "amount");
        assertThat(opportunity("prospecting", List.of(CREATED), OpportunityStatus.OPEN, null, null,
                Money.of("20", "EUR"), List.of(line), null).amount()).isEqualTo(Money.of("20.00", "EUR"));
    }

    @Test
    void lineItemsCannotSwitchTheCurrencyOfAKnownAmount() {
        Opportunity usd = open().withAmount(Money.of("5", "USD"));
        refused(() -> usd.withLineItem(LineItem.of(ProductId.of("a"), 1, Money.of("1", "EUR"))), "lineItems");
        assertThat(usd.withAmount(null).withLineItem(LineItem.of(ProductId.of("a"), 1, Money.of("1", "EUR"))).amount())
                .isEqualTo(Money.of("1.00", "EUR"));
    }

    @Test
    void tagsAreTrimmedAndSorted() {
        assertThat(open().withTags(Set.of(" b ", "a")).tags()).containsExactly("a", "b");
        refused(() -> open().withTags(Set.of(" ")), "tags");
    }

    record Edit(boolean add, int product, int quantity, BigDecimal price, BigDecimal discount) {
    }

    @Test
    void afterAnyEditsTheAmountIsExactlyTheSumOfTheRemainingLines() {
        Gen<BigDecimal> prices = Gen.bigDecimals(BigDecimal.ZERO, new BigDecimal("9999.99"), 2);
        Gen<BigDecimal> discounts = Gen.bigDecimals(BigDecimal.ZERO, new BigDecimal("100"), 1);
        Gen<Edit> edits = Gen.booleans().flatMap(add -> Gen.integers(0, 5).flatMap(product -> Gen.integers(1, 500)
                .flatMap(quantity -> Gen.zip(prices, discounts, (p, d) -> new Edit(add, product, quantity, p, d)))));
        PropertyCheck.forAll(Gen.lists(edits, 1, 40)).tries(300).check(list -> {
            Opportunity o = open();
            Map<ProductId, LineItem> model = new LinkedHashMap<>();
            Money lastSum = null;
            for (Edit e : list) {
                ProductId product = ProductId.of("p" + e.product());
                if (e.add()) {
                    LineItem line = new LineItem(product, BigDecimal.valueOf(e.quantity()), Money.of(e.price(), "EUR"),
                            e.discount());
                    model.put(product, line);
                    o = o.withLineItem(line);
                } else {
                    model.remove(product);
                    o = o.withoutLineItem(product);
                }
                assertThat(o.lineItems()).containsExactlyInAnyOrderElementsOf(model.values());
                if (!model.isEmpty()) {
                    BigDecimal exact = BigDecimal.ZERO;
                    for (LineItem line : model.values()) {
                        exact = exact.add(line.unitPrice().amount().multiply(line.quantity())
                                .multiply(BigDecimal.valueOf(100).subtract(line.discountPercent()))
                                .movePointLeft(2).setScale(2, java.math.RoundingMode.HALF_EVEN));
                    }
                    lastSum = Money.of(exact, "EUR");
                }
                assertThat(o.amount()).isEqualTo(lastSum);
            }
        });
    }
}
