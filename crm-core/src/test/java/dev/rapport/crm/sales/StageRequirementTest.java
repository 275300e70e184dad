package dev.rapport.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoleType;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.revenue.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageRequirementTest {
    private final SalesFixture f = new SalesFixture();
    private final Opportunity bare = f.crm.opportunities().create(NewOpportunity.named("Bare"));

    @Test
    void anAmountIsRequiredAndMustBeAboveZero() {
        assertThat(StageRequirement.amountRequired().check(bare))
                .isEqualTo(RequirementResult.unmet("amount", "an amount above zero is required"));
        assertThat(StageRequirement.amountRequired().check(bare.withAmount(Money.zero("EUR"))).isMet()).isFalse();
        assertThat(StageRequirement.amountRequired().check(bare.withAmount(Money.of("1", "EUR"))))
                .isEqualTo(RequirementResult.met("amount"));
    }

    @Test
    void aCloseDateIsRequired() {
        assertThat(StageRequirement.closeDateRequired().check(bare).isMet()).isFalse();
        assertThat(StageRequirement.closeDateRequired().check(bare.withCloseDate(SalesFixture.TODAY)).isMet()).isTrue();
    }

    @Test
    void aPrimaryContactIsRequired() {
        Opportunity secondary = bare.withContactRole(ContactRole.of(ContactId.of("c"), ContactRoleType.INFLUENCER));
        Opportunity primary = bare.withContactRole(ContactRole.primary(ContactId.of("c"), ContactRoleType.CHAMPION));
        assertThat(StageRequirement.primaryContactRequired().check(secondary).isMet()).isFalse();
        assertThat(StageRequirement.primaryContactRequired().check(primary).isMet()).isTrue();
    }

    @Test
    void lineItemsAreRequired() {
        Opportunity withLine = bare.withLineItem(LineItem.of(ProductId.of("p"), 1, Money.of("5", "EUR")));
        assertThat(StageRequirement.lineItemsRequired().check(bare))
                .isInstanceOf(RequirementResult.Unmet.class);
        assertThat(StageRequirement.lineItemsRequired().check(withLine))
                .isInstanceOf(RequirementResult.Met.class);
    }

    @Test
    void aCustomRequirementReportsItsNameAndReason() {
        StageRequirement account = StageRequirement.of("account", "an account is required", o -> o.accountId() != null);
        assertThat(account.check(bare)).isEqualTo(RequirementResult.unmet("account", "an account is required"));
        assertThat(account.check(bare.withAccount(dev.rapport.crm.party.AccountId.of("a"))).isMet()).isTrue();
    }

    @Test
    void aCustomRequirementNeedsANameAndAReason() {
        assertThatThrownBy(() -> StageRequirement.of(" ", "why", o -> true))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("requirement.name");
        assertThatThrownBy(() -> StageRequirement.of("x", "", o -> true))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("requirement.reason");
    }

    @Test
    void aStageReportsEveryUnmetRequirementInOrder() {
        Stage strict = Stage.open("strict", "Strict", new java.math.BigDecimal("0.5"), ForecastCategory.COMMIT)
                .requiring(StageRequirement.amountRequired())
                .requiring(StageRequirement.closeDateRequired())
                .requiring(StageRequirement.lineItemsRequired());
        assertThat(strict.unmetRequirements(bare)).extracting(RequirementResult.Unmet::requirement)
                .containsExactly("amount", "closeDate", "lineItems");
        assertThat(strict.unmetRequirements(bare.withCloseDate(SalesFixture.TODAY)))
                .extracting(RequirementResult.Unmet::requirement).containsExactly("amount", "lineItems");
        assertThat(strict.withRequirements(List.of()).unmetRequirements(bare)).isEmpty();
    }
}
