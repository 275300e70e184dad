package dev.rapport.crm.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.OpportunityWon;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.OpportunityStatus;
import dev.rapport.crm.sales.ProductId;
import dev.rapport.crm.spi.IdGenerator;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpportunityImportTest {
    private final Crm crm = Crm.builder()
            .clock(TestClock.at("2026-01-15T09:00:00Z"))
            .idGenerator(IdGenerator.sequential("t"))
            .build();

    private static ImportSource csv(String text) {
        return ImportSource.csv(new StringReader(text));
    }

    private static ImportMapping mapping() {
        return ImportMapping.create()
                .column("deal", "externalId")
                .column("company", "account")
                .column("value", "amount")
                .stage("Open", "prospecting")
                .stage("Won", "closed-won")
                .stage("Lost", "closed-lost")
                .currency("EUR")
                .listPrice("widget", Money.of("100.00", "EUR"));
    }

    private Opportunity byName(String name) {
        return crm.opportunities().list(dev.rapport.crm.PageRequest.first(100)).items().stream()
                .filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void rowsBecomeOpportunitiesInTheirStagesWithTheirAccount() {
        var acme = crm.accounts().create(NewAccount.named("Acme"));

        ImportResult result = crm.imports().opportunities(csv("""
                deal,company,stage,value,product
                D1,Acme,Open,,widget
                D2,Acme,Won,90,widget
                D3,,Lost,0,widget
                """), mapping());

        assertThat(result).extracting(ImportResult::created, ImportResult::rejected).containsExactly(3L, 0L);
        assertThat(byName("D1").stage()).isEqualTo("prospecting");
        assertThat(byName("D1").accountId()).isEqualTo(acme.id());
        assertThat(byName("D1").amount()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(byName("D2").status()).isEqualTo(OpportunityStatus.WON);
        assertThat(byName("D2").amount()).isEqualTo(Money.of("90.00", "EUR"));
        assertThat(byName("D2").lineItem(ProductId.of("widget"))).isPresent();
        assertThat(byName("D3").status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(byName("D3").accountId()).isNull();
        assertThat(byName("D3").amount()).isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void aLaterFileMovesTheSameOpportunityOnAndCountsItAsUpdated() {
        crm.imports().opportunities(csv("deal,stage,value\nD1,Open,50\n"), mapping());
        List<CrmEvent> events = new ArrayList<>();
        crm.events().subscribe(events::add);

        ImportResult result = crm.imports().opportunities(csv("deal,stage,value\nD1,Won,50\n"), mapping());

        assertThat(result).extracting(ImportResult::updated, ImportResult::created).containsExactly(1L, 0L);
        assertThat(crm.opportunities().count()).isEqualTo(1);
        assertThat(byName("D1").status()).isEqualTo(OpportunityStatus.WON);
        assertThat(events).anyMatch(e -> e instanceof OpportunityWon);
    }

    @Test
    void anUnknownStageOrAccountRejectsTheRowAndStoresNothing() {
        ImportResult result = crm.imports().opportunities(csv("""
                deal,company,stage
                D1,,Maybe
                D2,Nowhere,Open
                """), mapping());

        assertThat(result.rejects()).extracting(Reject::line, Reject::column, Reject::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "stage", "Maybe"),
                org.assertj.core.groups.Tuple.tuple(3L, "company", "Nowhere"));
        assertThat(crm.opportunities().count()).isZero();
    }

    @Test
    void aProductWithoutAnyPriceIsRejected() {
        ImportResult result = crm.imports().opportunities(csv("deal,product\nD1,gadget\n"), mapping());

        assertThat(result.rejects()).singleElement().extracting(Reject::column).isEqualTo("product");
        assertThat(crm.opportunities().count()).isZero();
    }
}
