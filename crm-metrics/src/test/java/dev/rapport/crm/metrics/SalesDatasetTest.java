package dev.rapport.crm.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.revenue.Money;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sales calculators over the public "CRM Sales Opportunities" dataset (see the README next
 * to the CSV files), checked against an independent plain computation over the same rows.
 *
 * <p>Mapping: an opportunity is a deal owned by its sales agent; Won/Lost close on close_date,
 * Engaging and Prospecting are open; the history has "engaging" on engage_date; the amount of a
 * closed deal is close_value in USD (0 for lost deals, as the dataset has it), of an open deal the
 * product's list price. Prospecting rows have no date at all, so they cannot be deals (a deal has a
 * creation day) and are left out; none of them is closed, so no checked figure depends on them.
 */
class SalesDatasetTest {

    private static final String DIR = "/datasets/crm-sales-opportunities/";
    private static final Conversion USD = Conversion.strict("USD");

    private static List<Map<String, String>> pipeline;
    private static Map<String, String> managerOf;
    private static List<Deal> deals;

    @BeforeAll
    static void load() throws IOException {
        pipeline = csv("sales_pipeline.csv");
        managerOf = new HashMap<>();
        for (Map<String, String> row : csv("sales_teams.csv")) {
            managerOf.put(row.get("sales_agent"), row.get("manager"));
        }
        Map<String, String> listPrice = new HashMap<>();
        for (Map<String, String> row : csv("products.csv")) {
            listPrice.put(row.get("product"), row.get("sales_price"));
        }
        listPrice.put("GTXPro", listPrice.get("GTX Pro")); // the pipeline's spelling of the same product
        deals = new ArrayList<>();
        for (Map<String, String> row : pipeline) {
            if (row.get("engage_date").isEmpty()) {
                continue;
            }
            LocalDate engaged = LocalDate.parse(row.get("engage_date"));
            String stage = row.get("deal_stage");
            boolean closed = stage.equals("Won") || stage.equals("Lost");
            String amount = closed ? row.get("close_value") : Objects.requireNonNull(listPrice.get(row.get("product")));
            Deal deal = Deal.open(row.get("opportunity_id"), row.get("sales_agent"), Money.of(amount, "USD"), engaged)
                    .entered("engaging", engaged);
            if (closed) {
                LocalDate close = LocalDate.parse(row.get("close_date"));
                deal = stage.equals("Won") ? deal.won(close) : deal.lost(close);
            }
            deals.add(deal);
        }
    }

    /** A small CSV reader: a header line, comma-separated fields, optional double quotes. */
    private static List<Map<String, String>> csv(String file) throws IOException {
        try (InputStream in = Objects.requireNonNull(SalesDatasetTest.class.getResourceAsStream(DIR + file), file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = fields(reader.readLine());
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> values = fields(line);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < values.size() ? values.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString().strip());
        return out;
    }

    /** The plain figures of one group of rows. */
    private static final class Plain {
        long won;
        long lost;
        long wonCents;
        final List<Long> cycleDays = new ArrayList<>();

        void add(Map<String, String> row) {
            String stage = row.get("deal_stage");
            if (stage.equals("Won")) {
                won++;
                wonCents += Long.parseLong(row.get("close_value")) * 100;
                cycleDays.add(ChronoUnit.DAYS.between(LocalDate.parse(row.get("engage_date")),
                        LocalDate.parse(row.get("close_date"))));
            } else if (stage.equals("Lost")) {
                lost++;
            }
        }

        BigDecimal winRate() {
            return BigDecimal.valueOf(won).divide(BigDecimal.valueOf(won + lost), 6, RoundingMode.HALF_EVEN);
        }

        Money averageWon() {
            return new Money(BigDecimal.valueOf(wonCents).divide(BigDecimal.valueOf(won * 100), 2,
                    RoundingMode.HALF_EVEN), java.util.Currency.getInstance("USD"));
        }

        BigDecimal meanCycle() {
            long sum = 0;
            for (long d : cycleDays) {
                sum += d;
            }
            return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(cycleDays.size()), 6, RoundingMode.HALF_EVEN);
        }

        BigDecimal medianCycle() {
            List<Long> sorted = new ArrayList<>(cycleDays);
            Collections.sort(sorted);
            int n = sorted.size();
            return n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2))
                    : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        }
    }

    private static Plain plain(String agent, String manager) {
        Plain p = new Plain();
        for (Map<String, String> row : pipeline) {
            String a = row.get("sales_agent");
            if ((agent == null || agent.equals(a)) && (manager == null || manager.equals(managerOf.get(a)))) {
                p.add(row);
            }
        }
        return p;
    }

    @Test
    void theDatasetHasTheRowsItsReadmePromises() {
        assertThat(pipeline).hasSize(8800);
        assertThat(managerOf).hasSize(35);
        assertThat(deals).hasSize(8300); // 8,800 minus the 500 undated prospecting rows
    }

    @Test
    void overallWinRateAverageWonDealAndCycleMatchThePlainComputation() {
        Plain p = plain(null, null);
        assertThat(p.won).isEqualTo(4238);
        assertThat(p.lost).isEqualTo(2473);

        Ratio winRate = SalesMetrics.winRateByCount(NoDecision.EXCLUDED).of(deals);
        assertThat(winRate.value()).isEqualTo(p.winRate());
        assertThat(winRate.sampleSize()).isEqualTo(4238 + 2473);

        MoneyRatio avg = SalesMetrics.averageDealSize(USD).of(deals);
        assertThat(avg.numerator()).isEqualTo(Money.of("10005534.00", "USD"));
        assertThat(avg.value()).isEqualTo(p.averageWon());
        assertThat(avg.value()).isEqualTo(Money.of("2360.91", "USD"));

        Stats cycle = SalesMetrics.salesCycleDays(CycleStart.stageEntered("engaging")).of(deals);
        assertThat(cycle.sampleSize()).isEqualTo(4238);
        assertThat(cycle.mean()).isEqualTo(p.meanCycle());
        assertThat(cycle.median()).isEqualByComparingTo(p.medianCycle());
        // Deals start on their engage day here, so both start points agree.
        assertThat(SalesMetrics.salesCycleDays(CycleStart.created()).of(deals)).isEqualTo(cycle);
    }

    @Test
    void perAgentFiguresMatchThePlainComputation() {
        Map<String, Ratio> winRates = SalesMetrics.winRateByCount(NoDecision.EXCLUDED).groupedBy(Deal::ownerId)
                .of(deals.stream());
        Map<String, MoneyRatio> averages = SalesMetrics.averageDealSize(USD).groupedBy(Deal::ownerId).of(deals);
        Map<String, Stats> cycles = SalesMetrics.salesCycleDays(CycleStart.stageEntered("engaging"))
                .groupedBy(Deal::ownerId).of(deals);
        assertThat(winRates).hasSize(30); // five agents of the team list have no opportunities
        for (String agent : winRates.keySet()) {
            Plain p = plain(agent, null);
            assertThat(winRates.get(agent).value()).as(agent).isEqualTo(p.winRate());
            assertThat(averages.get(agent).value()).as(agent).isEqualTo(p.averageWon());
            assertThat(cycles.get(agent).mean()).as(agent).isEqualTo(p.meanCycle());
            assertThat(cycles.get(agent).median()).as(agent).isEqualByComparingTo(p.medianCycle());
        }
    }

    @Test
    void perManagerFiguresMatchThePlainComputation() {
        Map<String, Ratio> winRates = SalesMetrics.winRateByCount(NoDecision.EXCLUDED)
                .groupedBy((Deal d) -> managerOf.get(d.ownerId())).of(deals);
        Map<String, MoneyRatio> averages = SalesMetrics.averageDealSize(USD)
                .groupedBy((Deal d) -> managerOf.get(d.ownerId())).of(deals);
        assertThat(new TreeMap<>(winRates).keySet()).containsExactly("Cara Losch", "Celia Rouche", "Dustin Brinkmann",
                "Melvin Marxen", "Rocco Neubert", "Summer Sewald");
        for (String manager : winRates.keySet()) {
            Plain p = plain(null, manager);
            assertThat(winRates.get(manager).value()).as(manager).isEqualTo(p.winRate());
            assertThat(averages.get(manager).value()).as(manager).isEqualTo(p.averageWon());
        }
    }

    @Test
    void computingTwoHalvesAndMergingEqualsComputingTheWhole() {
        Metric<Deal, Map<String, Stats>> metric = SalesMetrics.salesCycleDays(CycleStart.stageEntered("engaging"))
                .groupedBy(Deal::ownerId);
        Accumulator<Deal, Map<String, Stats>> first = metric.newAccumulator();
        Accumulator<Deal, Map<String, Stats>> second = metric.newAccumulator();
        int half = deals.size() / 2;
        deals.subList(0, half).forEach(first::add);
        deals.subList(half, deals.size()).forEach(second::add);
        first.merge(second);
        assertThat(first.result()).isEqualTo(metric.of(deals));
    }

    @Test
    void theOpenPipelineIsTheListPriceOfEveryEngagedDeal() {
        long plainOpen = 0;
        Map<String, Long> price = Map.of("GTX Basic", 550L, "GTX Pro", 4821L, "GTXPro", 4821L, "MG Special", 55L,
                "MG Advanced", 3393L, "GTX Plus Pro", 5482L, "GTX Plus Basic", 1096L, "GTK 500", 26768L);
        for (Map<String, String> row : pipeline) {
            if (row.get("deal_stage").equals("Engaging")) {
                plainOpen += Objects.requireNonNull(price.get(row.get("product")), row.get("product"));
            }
        }
        MoneyTotal open = SalesMetrics.openPipeline(USD).of(deals);
        assertThat(open.sampleSize()).isEqualTo(1589);
        assertThat(open.total()).isEqualTo(Money.of(BigDecimal.valueOf(plainOpen), "USD"));
    }
}
