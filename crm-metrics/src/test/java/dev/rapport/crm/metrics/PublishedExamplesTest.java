package dev.rapport.crm.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import dev.rapport.crm.service.TicketPriority;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of published definitions, pinned to the last decimal. Each comment names the
 * definition's source and its formula.
 */
class PublishedExamplesTest {

    private static final Conversion EUR = Conversion.strict("EUR");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

    private static List<SurveyResponse> answers(int... scores) {
        List<SurveyResponse> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            out.add(new SurveyResponse("r" + i, scores[i]));
        }
        return out;
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Test
    void netPromoterScoreIsPromotersMinusDetractorsInPercent() {
        // Net Promoter Score = %promoters (9-10) - %detractors (0-6)
        // (Reichheld, "The One Number You Need to Grow", Harvard Business Review, 2003).
        NetPromoterScore nps = CustomerMetrics.nps().of(answers(10, 10, 9, 9, 9, 8, 7, 6, 3, 0));
        assertThat(nps.promoters()).isEqualTo(5);
        assertThat(nps.passives()).isEqualTo(2);
        assertThat(nps.detractors()).isEqualTo(3);
        assertThat(nps.score()).isEqualByComparingTo("20");
        assertThat(nps.score()).isEqualTo(dec("20.0000"));
    }

    @Test
    void csatIsTheShareOfTopTwoBoxAnswers() {
        // CSAT, the top-two-box definition: satisfied answers (4 or 5 on a 1-5 scale) / all answers.
        Ratio csat = CustomerMetrics.csat().of(answers(5, 5, 4, 3, 2, 4, 5, 1));
        assertThat(csat.numerator()).isEqualByComparingTo("5");
        assertThat(csat.denominator()).isEqualByComparingTo("8");
        assertThat(csat.value()).isEqualTo(dec("0.625000"));
    }

    @Test
    void customerEffortScoreIsTheMeanAgreementOnASevenPointScale() {
        // Customer Effort Score 2.0: mean answer on a 1-7 agreement scale
        // (Dixon, Toman & DeLisi, "The Effortless Experience", 2013).
        Ratio ces = CustomerMetrics.ces().of(answers(7, 6, 5, 5, 3));
        assertThat(ces.value()).isEqualTo(dec("5.200000"));
    }

    @Test
    void simpleLifetimeValueIsRevenuePerPeriodOverChurn() {
        // LTV = ARPA / churn rate (David Skok, "SaaS Metrics 2.0", forEntrepreneurs.com; without margin).
        MoneyRatio clv = CustomerValue.simpleClv(eur("100.00"), dec("0.05"));
        assertThat(clv.value()).isEqualTo(eur("2000.00"));
    }

    @Test
    void marginAdjustedLifetimeValueMultipliesByGrossMargin() {
        // LTV = ARPA x gross margin % / churn rate (David Skok, "SaaS Metrics 2.0").
        MoneyRatio clv = CustomerValue.marginClv(Money.of("500.00", "USD"), dec("0.75"), dec("0.03"));
        assertThat(clv.numerator()).isEqualTo(Money.of("375.00", "USD"));
        assertThat(clv.value()).isEqualTo(Money.of("12500.00", "USD"));
    }

    @Test
    void discountedLifetimeValueFollowsGuptaAndLehmann() {
        // CLV = m x r / (1 + i - r), infinite horizon, constant margin and retention
        // (Gupta & Lehmann, "Customers as Assets", Journal of Interactive Marketing, 2003).
        MoneyRatio clv = CustomerValue.discountedClv(eur("100.00"), dec("0.8"), dec("0.1"));
        assertThat(clv.denominator()).isEqualByComparingTo("0.3");
        assertThat(clv.value()).isEqualTo(eur("266.67"));
    }

    @Test
    void ltvToCacIsLifetimeValueOverAcquisitionCost() {
        // LTV:CAC = LTV / CAC, healthy at about 3 (David Skok, "SaaS Metrics 2.0").
        assertThat(CustomerValue.ltvToCac(eur("3000.00"), eur("1000.00")).value()).isEqualTo(dec("3.000000"));
    }

    @Test
    void cacPaybackIsMonthsOfMarginToRecoverAcquisitionCost() {
        // Months to recover CAC = CAC / (MRR per customer x gross margin %) (David Skok, "SaaS Metrics 2.0").
        Ratio payback = CustomerValue.cacPaybackPeriods(eur("1200.00"), eur("100.00"), dec("0.8"));
        assertThat(payback.value()).isEqualTo(dec("15.000000"));
    }

    @Test
    void blendedAndPerChannelCacDivideSpendByNewCustomers() {
        // CAC = total sales and marketing cost / number of new customers (David Skok, "SaaS Metrics 2.0");
        // blended over all channels, or per channel.
        List<AcquisitionEntry> entries = new ArrayList<>();
        entries.add(new MarketingSpend("s1", "paid", eur("30000.00")));
        entries.add(new MarketingSpend("s2", "events", eur("20000.00")));
        IntStream.range(0, 40).forEach(i -> entries.add(new NewCustomer("p" + i, "paid")));
        IntStream.range(0, 60).forEach(i -> entries.add(new NewCustomer("e" + i, "events")));

        assertThat(MarketingMetrics.cac(EUR).of(entries).value()).isEqualTo(eur("500.00"));
        Map<String, MoneyRatio> perChannel = MarketingMetrics.cac(EUR).groupedBy(AcquisitionEntry::channel).of(entries);
        assertThat(perChannel.get("paid").value()).isEqualTo(eur("750.00"));
        assertThat(perChannel.get("events").value()).isEqualTo(eur("333.33"));
    }

    /** Start MRR 10,000; expansion 1,000; contraction 300; churn 500; new 800; reactivation 400. */
    private static List<CustomerMrr> saasMonth() {
        return List.of(
                new CustomerMrr("A", eur("5000.00"), eur("6000.00"), true),
                new CustomerMrr("B", eur("3000.00"), eur("2700.00"), true),
                new CustomerMrr("C", eur("500.00"), eur("0.00"), true),
                new CustomerMrr("D", eur("1500.00"), eur("1500.00"), true),
                new CustomerMrr("E", eur("0.00"), eur("800.00"), false),
                new CustomerMrr("F", eur("0.00"), eur("400.00"), true));
    }

    @Test
    void mrrMovementsBridgeStartToEnd() {
        // MRR bridge: starting MRR + new + expansion + reactivation - contraction - churn = ending MRR
        // (the standard SaaS MRR movement definition).
        MrrMovements m = RevenueMetrics.mrrMovements(EUR).of(saasMonth());
        assertThat(m.start()).isEqualTo(eur("10000.00"));
        assertThat(m.newMrr()).isEqualTo(eur("800.00"));
        assertThat(m.expansion()).isEqualTo(eur("1000.00"));
        assertThat(m.reactivation()).isEqualTo(eur("400.00"));
        assertThat(m.contraction()).isEqualTo(eur("300.00"));
        assertThat(m.churned()).isEqualTo(eur("500.00"));
        assertThat(m.end()).isEqualTo(eur("11400.00"));
    }

    @Test
    void netRevenueRetentionCountsExpansionOfExistingCustomers() {
        // NRR = (starting MRR + expansion - contraction - churn) / starting MRR (standard SaaS definition).
        assertThat(RevenueMetrics.netRevenueRetention(EUR).of(saasMonth()).value()).isEqualTo(dec("1.020000"));
    }

    @Test
    void grossRevenueRetentionIgnoresExpansion() {
        // GRR = (starting MRR - contraction - churn) / starting MRR (standard SaaS definition).
        assertThat(RevenueMetrics.grossRevenueRetention(EUR).of(saasMonth()).value()).isEqualTo(dec("0.920000"));
    }

    @Test
    void revenueChurnRatesGrossAndNet() {
        // Gross MRR churn = (contraction + churn) / starting MRR; net MRR churn subtracts expansion
        // (David Skok, "SaaS Metrics 2.0", net negative churn).
        assertThat(RevenueMetrics.grossRevenueChurn(EUR).of(saasMonth()).value()).isEqualTo(dec("0.080000"));
        assertThat(RevenueMetrics.netRevenueChurn(EUR).of(saasMonth()).value()).isEqualTo(dec("-0.020000"));
    }

    @Test
    void logoChurnAndCustomerRetentionRate() {
        // Logo churn = customers lost / customers at start; customer retention rate CRR = (E - N) / S
        // with E customers at end, N acquired during the period, S at start (the standard CRR formula).
        assertThat(RevenueMetrics.logoChurn().of(saasMonth()).value()).isEqualTo(dec("0.250000"));
        assertThat(RevenueMetrics.customerRetention().of(saasMonth()).value()).isEqualTo(dec("0.750000"));
    }

    private static Deal won(String id, String amount, int cycleDays) {
        return Deal.open(id, "ada", eur(amount), DAY).won(DAY.plusDays(cycleDays));
    }

    private static Deal lost(String id) {
        return Deal.open(id, "ada", eur("1000.00"), DAY).lost(DAY.plusDays(10));
    }

    @Test
    void winRateIsWonOverClosedWithNoDecisionAsAParameter() {
        // Win rate = deals won / deals closed (won + lost); open deals excluded (well-known sales definition).
        List<Deal> deals = List.of(won("w1", "1000.00", 5), won("w2", "2000.00", 5), won("w3", "4500.00", 5),
                lost("l1"), Deal.open("n1", "ada", eur("10.00"), DAY).closed(DealStatus.NO_DECISION, DAY),
                Deal.open("o1", "ada", eur("10.00"), DAY), Deal.open("o2", "ada", eur("10.00"), DAY));
        assertThat(SalesMetrics.winRateByCount(NoDecision.EXCLUDED).of(deals).value()).isEqualTo(dec("0.750000"));
        assertThat(SalesMetrics.winRateByCount(NoDecision.COUNTED_AS_LOST).of(deals).value())
                .isEqualTo(dec("0.600000"));
        // By value: 7500 won of 8500 closed (EXCLUDED) -> 0.882353 (half-even at 6 decimals).
        assertThat(SalesMetrics.winRateByValue(NoDecision.EXCLUDED, EUR).of(deals).value())
                .isEqualTo(dec("0.882353"));
    }

    @Test
    void averageDealSizeIsWonAmountOverWonDeals() {
        // Average deal size = total value of won deals / number of won deals (well-known sales definition).
        List<Deal> deals = List.of(won("w1", "1000.00", 5), won("w2", "2000.00", 5), won("w3", "4500.00", 5),
                lost("l1"));
        MoneyRatio avg = SalesMetrics.averageDealSize(EUR).of(deals);
        assertThat(avg.value()).isEqualTo(eur("2500.00"));
        assertThat(avg.ids()).containsExactly("w1", "w2", "w3");
    }

    @Test
    void pipelineVelocityIsOpportunitiesTimesWinRateTimesDealSizeOverCycle() {
        // Sales velocity = (number of opportunities x win rate x average deal size) / sales cycle length
        // (the well-known sales velocity equation): 50 x 20% x 10,000 / 40 days = 2,500 per day.
        List<Deal> deals = new ArrayList<>();
        IntStream.range(0, 2).forEach(i -> deals.add(won("w" + i, "10000.00", 40)));
        IntStream.range(0, 8).forEach(i -> deals.add(lost("l" + i)));
        IntStream.range(0, 50).forEach(i -> deals.add(Deal.open("o" + i, "ada", eur("1.00"), DAY)));
        PipelineVelocity v = SalesMetrics.pipelineVelocity(CycleStart.created(), NoDecision.EXCLUDED, EUR).of(deals);
        assertThat(v.winRate().value()).isEqualTo(dec("0.200000"));
        assertThat(v.averageDealSize().value()).isEqualTo(eur("10000.00"));
        assertThat(v.cycle().mean()).isEqualByComparingTo("40");
        assertThat(v.perDay()).isEqualTo(eur("2500.00"));
    }

    @Test
    void pipelineCoverageIsOpenPipelineOverQuota() {
        // Pipeline coverage = open pipeline value / quota, "3x coverage" (well-known sales definition).
        List<Deal> deals = List.of(Deal.open("o1", "ada", eur("200000.00"), DAY),
                Deal.open("o2", "ada", eur("100000.00"), DAY), won("w1", "50000.00", 3));
        assertThat(SalesMetrics.pipelineCoverage(eur("100000.00"), EUR).of(deals).value())
                .isEqualTo(dec("3.000000"));
    }

    @Test
    void weightedPipelineSumsAmountTimesProbabilityRoundingOnce() {
        // Weighted pipeline = sum of amount x stage probability over open deals (well-known definition).
        List<Deal> deals = List.of(
                Deal.open("a", "ada", eur("100000.00"), DAY).inStage("qualify", dec("0.1"), ForecastCategory.PIPELINE),
                Deal.open("b", "ada", eur("50000.00"), DAY).inStage("propose", dec("0.5"), ForecastCategory.BEST_CASE),
                Deal.open("c", "ada", eur("20000.00"), DAY).inStage("commit", dec("0.9"), ForecastCategory.COMMIT),
                Deal.open("d", "ada", eur("333.33"), DAY).inStage("propose", dec("0.5"), ForecastCategory.BEST_CASE),
                Deal.open("e", "ada", eur("333.33"), DAY).inStage("propose", dec("0.5"), ForecastCategory.BEST_CASE));
        // 10,000 + 25,000 + 18,000 + 166.665 + 166.665 = 53,333.33 (rounding per deal would give 53,333.32).
        assertThat(SalesMetrics.weightedPipeline(EUR).of(deals).total()).isEqualTo(eur("53333.33"));
    }

    @Test
    void firstResponseTimeAndSlaAttainment() {
        // First response time = first agent reply - ticket creation; SLA attainment = tickets that met
        // the target / tickets measured (the common service-desk definitions).
        Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
        Duration hour = Duration.ofHours(1);
        List<TicketTimes> tickets = List.of(
                new TicketTimes("t1", TicketPriority.HIGH, t0, t0.plusSeconds(10 * 60), null, hour, null),
                new TicketTimes("t2", TicketPriority.HIGH, t0, t0.plusSeconds(30 * 60), null, hour, null),
                new TicketTimes("t3", TicketPriority.HIGH, t0, t0.plusSeconds(90 * 60), null, hour, null),
                new TicketTimes("t4", TicketPriority.HIGH, t0, t0.plusSeconds(50 * 60), null, hour, null));
        Stats frt = ServiceMetrics.firstResponseMinutes().of(tickets);
        assertThat(frt.mean()).isEqualTo(dec("45.000000"));
        assertThat(frt.median()).isEqualByComparingTo("40");
        Ratio sla = ServiceMetrics.slaAttainment(SlaKind.FIRST_RESPONSE, t0.plusSeconds(86_400)).of(tickets);
        assertThat(sla.value()).isEqualTo(dec("0.750000"));
    }
}
