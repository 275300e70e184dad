package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the demo on its default store (H2 in a file, through the JPA adapter) and on the in-memory
 * store, and checks the figures it prints against a plain computation over the CSV files of the
 * repository (read here by path, independently of the demo and of crm-metrics).
 */
class DemoTest {
    private static final Path DATASET = Path.of("").toAbsolutePath().getParent()
            .resolve("datasets/crm-sales-opportunities");

    private static String output;
    private static String memoryOutput;
    private static boolean onH2;
    @TempDir
    static Path reportDir;
    private static Path report;
    private static List<Map<String, String>> deals;

    @BeforeAll
    static void runTheDemo() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        report = reportDir.resolve("report.html");
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        ExampleDatabase h2 = Demo.database("", reportDir, out);
        onH2 = h2 != null;
        try {
            Demo.run(out, report, h2);
        } finally {
            if (h2 != null) {
                h2.close();
            }
        }
        output = buffer.toString(StandardCharsets.UTF_8);
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        Demo.run(new PrintStream(memory, true, StandardCharsets.UTF_8), reportDir.resolve("memory.html"), null);
        memoryOutput = memory.toString(StandardCharsets.UTF_8);
        deals = csv("sales_pipeline.csv");
    }

    private static List<Map<String, String>> csv(String file) throws IOException {
        List<String> lines = Files.readAllLines(DATASET.resolve(file), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static long count(String stage) {
        return deals.stream().filter(r -> r.get("deal_stage").equals(stage)).count();
    }

    private static List<Map<String, String>> won() {
        return deals.stream().filter(r -> r.get("deal_stage").equals("Won")).toList();
    }

    private static String usd(BigDecimal amount) {
        return String.format(Locale.ROOT, "USD %,.2f", amount);
    }

    @Test
    void itImportsEveryAccountAndOpportunityWithoutRejectsShowingProgress() {
        assertThat(deals).hasSize(8800);
        assertThat(output)
                .contains("accounts.csv: 85 rows: 85 created, 0 updated, 0 unchanged, 0 rejected")
                .contains("sales_pipeline.csv: 8800 rows: 8800 created, 0 updated, 0 unchanged, 0 rejected")
                .contains("2000 rows read", "4000 rows read", "6000 rows read", "8000 rows read")
                .contains("stored: 85 accounts, 8800 opportunities")
                .doesNotContain("rejected 1");
    }

    @Test
    void theWinRateIsWonOverClosedAsCountedInTheFile() {
        long won = count("Won");
        long lost = count("Lost");
        assertThat(won).isEqualTo(4238);
        assertThat(won + lost).isEqualTo(6711);
        String rate = BigDecimal.valueOf(won).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(won + lost), 2, RoundingMode.HALF_EVEN).toPlainString();
        assertThat(output)
                .contains("Opportunities      8800 (" + won + " won, " + lost + " lost, "
                        + (count("Engaging") + count("Prospecting")) + " open)")
                .contains("Win rate           " + rate + "% (" + won + " won of " + (won + lost) + " closed)");
    }

    @Test
    void theAverageWonDealAndTheSalesCycleAreThoseOfTheWonRows() {
        BigDecimal wonValue = won().stream().map(r -> new BigDecimal(r.get("close_value")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal average = wonValue.divide(BigDecimal.valueOf(won().size()), 2, RoundingMode.HALF_EVEN);
        long days = won().stream().mapToLong(r -> ChronoUnit.DAYS.between(LocalDate.parse(r.get("engage_date")),
                LocalDate.parse(r.get("close_date")))).sum();
        String mean = BigDecimal.valueOf(days).divide(BigDecimal.valueOf(won().size()), 1, RoundingMode.HALF_EVEN)
                .toPlainString();
        assertThat(output)
                .contains("Average won deal   " + usd(average))
                .contains("Won revenue        " + usd(wonValue))
                .contains("Sales cycle        mean " + mean + " days");
    }

    @Test
    void wonRevenuePerQuarterAddsUpTheWonRowsByCloseQuarter() {
        Map<String, BigDecimal> perQuarter = new TreeMap<>();
        for (Map<String, String> r : won()) {
            LocalDate closed = LocalDate.parse(r.get("close_date"));
            perQuarter.merge(closed.getYear() + "-Q" + ((closed.getMonthValue() - 1) / 3 + 1),
                    new BigDecimal(r.get("close_value")), BigDecimal::add);
        }
        assertThat(perQuarter).hasSize(4);
        perQuarter.forEach((quarter, value) -> assertThat(output).containsPattern(
                "(?m)^\\s+" + Pattern.quote(quarter) + "\\s+" + Pattern.quote(usd(value)) + "\\s"));
    }

    @Test
    void theTopAgentIsTheOneWithTheMostWonRevenueWithHisWinRate() {
        Map<String, BigDecimal> byAgent = new HashMap<>();
        won().forEach(r -> byAgent.merge(r.get("sales_agent"), new BigDecimal(r.get("close_value")), BigDecimal::add));
        Map.Entry<String, BigDecimal> top = byAgent.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        long topWon = won().stream().filter(r -> r.get("sales_agent").equals(top.getKey())).count();
        long topLost = deals.stream().filter(r -> r.get("sales_agent").equals(top.getKey())
                && r.get("deal_stage").equals("Lost")).count();
        String rate = BigDecimal.valueOf(topWon * 100).divide(BigDecimal.valueOf(topWon + topLost), 2,
                RoundingMode.HALF_EVEN).toPlainString();
        assertThat(output).containsPattern("(?m)^\\s+1\\s+" + Pattern.quote(top.getKey()) + "\\s+\\S.*"
                + Pattern.quote(usd(top.getValue())) + "\\s+" + topWon + "\\s+" + Pattern.quote(rate + "%") + "$");
        assertThat(output).containsPattern("(?m)^\\s+10\\s+\\S").doesNotContainPattern("(?m)^\\s+11\\s+[A-Z]");
    }

    @Test
    void everyManagerAndRegionalOfficeHasItsLine() throws IOException {
        Set<String> managers = new HashSet<>();
        Set<String> offices = new HashSet<>();
        csv("sales_teams.csv").forEach(r -> {
            managers.add(r.get("manager"));
            offices.add(r.get("regional_office"));
        });
        assertThat(offices).containsExactlyInAnyOrder("Central", "East", "West");
        for (String name : managers) {
            assertThat(output).containsPattern("(?m)^\\s+" + Pattern.quote(name) + "\\s+USD ");
        }
        for (String office : offices) {
            assertThat(output).containsPattern("(?m)^\\s+" + office + "\\s+USD ");
        }
    }

    @Test
    void theOnlyPeopleNamedAreTheSalesAgentsAndManagersAndNoContactDataIsPrinted() throws IOException {
        Set<String> allowed = new HashSet<>(Set.of("Sales Opportunities", "Maven Analytics"));
        csv("sales_teams.csv").forEach(r -> {
            allowed.add(r.get("sales_agent"));
            allowed.add(r.get("manager"));
        });
        Matcher names = Pattern.compile("[A-Z][a-z]+(?:-[A-Z][a-z]+)* [A-Z][a-z]+").matcher(output);
        List<String> found = new ArrayList<>();
        while (names.find()) {
            found.add(names.group());
        }
        assertThat(found).isNotEmpty().allSatisfy(n -> assertThat(allowed).contains(n));
        assertThat(output).doesNotContain("@").doesNotContainPattern("\\+?\\d{3}[ -]\\d{3}[ -]\\d{4}");
    }

    @Test
    void theHtmlReportIsSelfContainedAndEveryChartIsValidSvgWithData() throws Exception {
        assertThat(output).contains("HTML report (self-contained, inline SVG charts): " + report.toAbsolutePath());
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(")
                .doesNotContain("src=");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http");
        Matcher svgs = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        List<String> titles = new ArrayList<>();
        Map<String, List<Double>> barWidths = new LinkedHashMap<>();
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        while (svgs.find()) {
            org.w3c.dom.Document svg = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                    new java.io.StringReader(svgs.group())));
            titles.add(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent());
            org.w3c.dom.NodeList bars = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
            String title = titles.get(titles.size() - 1);
            assertThat(bars.getLength()).as("bars of %s", title).isPositive();
            // every bar is drawn (a positive width inside the picture) and has its label and value
            assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text").getLength())
                    .as("labels of %s", title).isEqualTo(2 * bars.getLength());
            double pictureWidth = Double.parseDouble(svg.getDocumentElement().getAttribute("width"));
            List<Double> widths = new ArrayList<>();
            for (int i = 0; i < bars.getLength(); i++) {
                org.w3c.dom.Element bar = (org.w3c.dom.Element) bars.item(i);
                double width = Double.parseDouble(bar.getAttribute("width"));
                assertThat(width).isPositive();
                assertThat(Double.parseDouble(bar.getAttribute("x")) + width).isLessThanOrEqualTo(pictureWidth);
                widths.add(width);
            }
            barWidths.put(title, widths);
        }
        assertThat(titles).containsExactly("Funnel: deals that reached each step", "Open pipeline by stage",
                "Won revenue per quarter", "Win rate per agent (ranked by won revenue)");
        // one bar per funnel step, open stage, quarter with wins and agent with a won deal
        long agentsWithAWin = won().stream().map(r -> r.get("sales_agent")).distinct().count();
        assertThat(barWidths.values()).extracting(List::size).containsExactly(3, 2, 4, (int) agentsWithAWin);
        assertThat(barWidths.get("Funnel: deals that reached each step")).isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
        assertThat(html).contains("Win rate: " + BigDecimal.valueOf(count("Won") * 100)
                .divide(BigDecimal.valueOf(count("Won") + count("Lost")), 2, RoundingMode.HALF_EVEN) + "%");
    }

    private static String dashboard(String demoOutput) {
        int start = demoOutput.indexOf(" Sales dashboard");
        int end = demoOutput.indexOf("HTML report");
        assertThat(start).isPositive();
        assertThat(end).isGreaterThan(start);
        return demoOutput.substring(start, end);
    }

    @Test
    void itRunsOnH2ThroughTheJpaAdapterOrSaysWhatTheAdapterLacksAndSaysHowToRunOnPostgres() {
        assertThat(reportDir.resolve("rapport-demo.mv.db")).isRegularFile();
        if (onH2) {
            assertThat(output).startsWith("Rapport demo: the \"CRM Sales Opportunities\" data set (Maven Analytics) on H2 file:")
                    .contains("(JPA adapter, Hibernate ORM)");
        } else {
            assertThat(output).startsWith("The embedded default is H2 through the JPA adapter, but the JPA adapter "
                    + "does not map ").contains("yet, which the demo's import and rules need: running on the in-memory store.")
                    .contains("data set (Maven Analytics) on the in-memory store");
        }
        assertThat(output).contains("(on PostgreSQL: -Drapport.jdbc.url=jdbc:postgresql://127.0.0.1:5432/");
        assertThat(memoryOutput).contains("on the in-memory store");
    }

    @Test
    void theDashboardOnH2IsTheDashboardOnTheInMemoryStore() {
        assertThat(dashboard(output)).isEqualTo(dashboard(memoryOutput));
    }

    @Test
    void theWorkflowRulesTagTheDealsWithoutAccountAndCreateATaskPerBigWin() {
        long withoutAccount = deals.stream().filter(r -> r.get("account").isEmpty()).count();
        long bigWins = won().stream().filter(r -> new BigDecimal(r.get("close_value"))
                .compareTo(new BigDecimal("5000")) >= 0).count();
        assertThat(withoutAccount).isEqualTo(1425);
        assertThat(bigWins).isPositive();
        assertThat(output)
                .contains("tag-deals-without-account: tagged " + withoutAccount + " new opportunities")
                .contains("(" + withoutAccount + " stored with the tag, of 8800)");
        for (String run : List.of(output, memoryOutput)) {
            assertThat(run).contains("thank-you-call-after-big-wins: created " + bigWins + " thank-you call tasks");
        }
    }
}
