package dev.rapport.crm.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.revenue.CurrencyMismatchException;
import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The next-best-action lists: what gets in, the ranking, the reasons and the clock. */
class NextBestActionsTest {

    private final MutableClock clock = new MutableClock("2026-03-15T10:00:00Z");
    private static final Conversion EUR = Conversion.strict("EUR");

    private static final List<Renewal> RENEWALS = List.of(
            new Renewal("r1", "acme", "ada", LocalDate.of(2026, 3, 20), Money.of("100.00", "EUR")),
            new Renewal("r2", "bolt", "ada", LocalDate.of(2026, 3, 20), Money.of("500.00", "EUR")),
            new Renewal("r3", "core", "ada", LocalDate.of(2026, 3, 10), Money.of("50.00", "EUR")),
            new Renewal("r4", "dune", "ada", LocalDate.of(2026, 6, 30), Money.of("900.00", "EUR")),
            new Renewal("r5", "echo", "ada", LocalDate.of(2026, 5, 14), Money.of("10.00", "EUR")));

    private static final HealthModel HEALTH = HealthModel.of(Map.of("usage", BigDecimal.ONE), new BigDecimal("70"),
            new BigDecimal("40"));
    private static final List<HealthSignals> CUSTOMERS = List.of(
            new HealthSignals("c1", Map.of("usage", new BigDecimal("0.20"))),
            new HealthSignals("c2", Map.of("usage", new BigDecimal("0.35"))),
            new HealthSignals("c3", Map.of("usage", new BigDecimal("0.50"))),
            new HealthSignals("c4", Map.of("usage", new BigDecimal("0.10"))));
    private static final Map<String, String> OWNER_OF = Map.of("c1", "ada", "c2", "ada", "c3", "ada", "c4", "bob");

    private static Deal history(String id, int daysInQualify) {
        LocalDate start = LocalDate.of(2026, 1, 1);
        return Deal.open(id, "ada", Money.of("1.00", "EUR"), start).entered("qualify", start)
                .entered("propose", start.plusDays(daysInQualify)).won(start.plusDays(daysInQualify + 5));
    }

    private static Deal openInQualify(String id, LocalDate since) {
        return Deal.open(id, "ada", Money.of("1.00", "EUR"), since).entered("qualify", since);
    }

    private static final List<Deal> OPEN_DEALS = List.of(
            openInQualify("d1", LocalDate.of(2026, 3, 1)), // 14 days, not above 1.5 x 10
            openInQualify("d2", LocalDate.of(2026, 2, 20)), // 23 days, 13 over the median
            openInQualify("d3", LocalDate.of(2026, 2, 10))); // 33 days, 23 over

    private static ScoringExample example(String id, String source, String industry, boolean won) {
        return new ScoringExample(id, Map.of("source", source, "industry", industry), won);
    }

    /** The model of LeadScoringTest: referral alone scores 0.75, referral + tech 0.666667, web + retail 0.5. */
    private static final LeadScoringModel LEADS = LeadScoringModel.trainer(BigDecimal.ONE, 1).of(List.of(
            example("1", "web", "retail", true), example("2", "web", "retail", false),
            example("3", "referral", "retail", true), example("4", "referral", "tech", true),
            example("5", "web", "tech", false), example("6", "ads", "tech", false)));
    private static final List<OpenLead> OPEN_LEADS = List.of(
            new OpenLead("L1", "ada", Map.of("source", "referral", "industry", "tech")),
            new OpenLead("L2", "ada", Map.of("source", "referral")),
            new OpenLead("L3", "ada", Map.of("source", "web", "industry", "retail")));

    private NextBestActions.Builder everything() {
        Map<String, Stats> typical = SalesMetrics.daysInStage()
                .of(List.of(history("h1", 10), history("h2", 10), history("h3", 20)));
        assertThat(typical.get("qualify").median()).isEqualByComparingTo("10");
        return NextBestActions.builder(clock, ZoneOffset.UTC)
                .renewals(RENEWALS, 60, EUR)
                .atRisk(HEALTH, CUSTOMERS, c -> OWNER_OF.get(c.customerId()))
                .stalledDeals(typical, new BigDecimal("1.5"), OPEN_DEALS)
                .hotLeads(LEADS, new BigDecimal("0.6"), OPEN_LEADS);
    }

    @Test
    void theDefaultRankingPutsRenewalsThenRiskThenStalledThenHotLeads() {
        NextBestActions actions = everything().build();
        assertThat(actions.asOf()).isEqualTo(LocalDate.of(2026, 3, 15));
        List<NextBestAction> ada = actions.forOwner("ada");
        assertThat(ada).extracting(NextBestAction::subjectId)
                .containsExactly("r3", "r2", "r1", "r5", "c1", "c2", "d3", "d2", "L2", "L1");
        assertThat(ada).extracting(NextBestAction::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(ada).extracting(NextBestAction::type).containsExactly(ActionType.RENEWAL_DUE,
                ActionType.RENEWAL_DUE, ActionType.RENEWAL_DUE, ActionType.RENEWAL_DUE, ActionType.AT_RISK_CUSTOMER,
                ActionType.AT_RISK_CUSTOMER, ActionType.STALLED_DEAL, ActionType.STALLED_DEAL, ActionType.HOT_LEAD,
                ActionType.HOT_LEAD);
        assertThat(actions.forOwner("bob")).extracting(NextBestAction::subjectId).containsExactly("c4");
        assertThat(actions.forOwner("nobody")).isEmpty();
        assertThat(actions.byOwner().keySet()).containsExactly("ada", "bob");
    }

    @Test
    void eachItemCarriesItsFigures() {
        List<NextBestAction> ada = everything().build().forOwner("ada");
        ActionReason.RenewalDue overdue = (ActionReason.RenewalDue) ada.get(0).reason();
        assertThat(overdue.daysLeft()).isEqualTo(-5);
        assertThat(overdue.amount()).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(overdue.horizonDays()).isEqualTo(60);
        assertThat(((ActionReason.RenewalDue) ada.get(3).reason()).daysLeft()).isEqualTo(60);

        ActionReason.AtRisk risk = (ActionReason.AtRisk) ada.get(4).reason();
        assertThat(risk.health().score()).isEqualByComparingTo("20");
        assertThat(risk.health().risk()).isEqualTo(ChurnRisk.HIGH);
        assertThat(risk.atRiskBelow()).isEqualByComparingTo("40");

        ActionReason.Stalled stalled = (ActionReason.Stalled) ada.get(6).reason();
        assertThat(stalled.deal().daysInStage()).isEqualTo(33);
        assertThat(stalled.deal().typicalDays()).isEqualByComparingTo("10");
        assertThat(stalled.overrunDays()).isEqualByComparingTo("23");
        assertThat(stalled.factor()).isEqualByComparingTo("1.5");

        ActionReason.HotLead hot = (ActionReason.HotLead) ada.get(8).reason();
        assertThat(hot.score().probability()).isEqualByComparingTo("0.75");
        assertThat(hot.minProbability()).isEqualByComparingTo("0.6");
        assertThat(((ActionReason.HotLead) ada.get(9).reason()).score().probability())
                .isEqualByComparingTo("0.666667");
    }

    @Test
    void listsSerializeToJsonWithTheDomainModule() throws Exception {
        // the mapper docs/io.md recommends: Rapport's Jackson module and the java.time module it brings
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        JsonNode ada = json.readTree(json.writeValueAsString(everything().build().forOwner("ada")));
        assertThat(ada).hasSize(10);
        JsonNode first = ada.get(0);
        assertThat(first.get("subjectId").asText()).isEqualTo("r3");
        assertThat(first.get("type").asText()).isEqualTo("RENEWAL_DUE");
        assertThat(first.get("reason").get("renewsOn").asText()).isEqualTo("2026-03-10");
        assertThat(first.get("reason").get("daysLeft").asLong()).isEqualTo(-5);
        assertThat(new BigDecimal(first.get("reason").get("amount").get("amount").asText())).isEqualByComparingTo("50.00");
        assertThat(first.get("reason").get("amount").get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void theTypeOrderIsAParameter() {
        List<NextBestAction> ada = everything().order(List.of(ActionType.HOT_LEAD, ActionType.STALLED_DEAL,
                ActionType.AT_RISK_CUSTOMER, ActionType.RENEWAL_DUE)).build().forOwner("ada");
        assertThat(ada).extracting(NextBestAction::subjectId)
                .containsExactly("L2", "L1", "d3", "d2", "c1", "c2", "r3", "r2", "r1", "r5");
        assertThatThrownBy(() -> NextBestActions.builder(clock, ZoneOffset.UTC)
                .order(List.of(ActionType.HOT_LEAD, ActionType.HOT_LEAD, ActionType.RENEWAL_DUE,
                        ActionType.STALLED_DEAL)))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("order"));
    }

    @Test
    void todayComesFromTheClockInTheZone() {
        clock.advance(Duration.ofDays(50)); // 2026-05-04: r4 is now 57 days away, d1 is stalled too
        List<NextBestAction> ada = everything().build().forOwner("ada");
        assertThat(ada).extracting(NextBestAction::subjectId).startsWith("r3", "r2", "r1", "r5", "r4")
                .contains("d1");
        assertThat(((ActionReason.RenewalDue) ada.get(0).reason()).daysLeft()).isEqualTo(-55);

        MutableClock lateEvening = new MutableClock("2026-03-15T23:30:00Z");
        assertThat(NextBestActions.builder(lateEvening, ZoneId.of("Asia/Tokyo")).build().asOf())
                .isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(NextBestActions.builder(lateEvening, ZoneOffset.UTC).build().asOf())
                .isEqualTo(LocalDate.of(2026, 3, 15));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        NextBestActions.Builder b = NextBestActions.builder(clock, ZoneOffset.UTC);
        assertThatThrownBy(() -> b.renewals(RENEWALS, -1, EUR))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("horizonDays"));
        assertThatThrownBy(() -> b.hotLeads(LEADS, new BigDecimal("1.2"), OPEN_LEADS))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("minProbability"));
        assertThatThrownBy(() -> b.atRisk(HEALTH, CUSTOMERS, c -> null))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("owner"));
        assertThatThrownBy(() -> b.renewals(List.of(new Renewal("x", "c", "ada", LocalDate.of(2026, 3, 16),
                Money.of("1.00", "USD"))), 10, EUR)).isInstanceOf(CurrencyMismatchException.class);
        // nothing half-added: the refused calls left the builder empty
        assertThat(b.build().byOwner()).isEmpty();
    }
}
