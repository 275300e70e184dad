package dev.rapport.crm.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.Team;
import dev.rapport.crm.directory.TeamId;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.field.FieldDefinition;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import dev.rapport.crm.sales.LineItem;
import dev.rapport.crm.sales.NewPipeline;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.OpportunityStatus;
import dev.rapport.crm.sales.Pipeline;
import dev.rapport.crm.sales.ProductId;
import dev.rapport.crm.sales.Stage;
import dev.rapport.crm.spi.IdGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole "CRM Sales Opportunities" data set, imported through the public API as a host would,
 * with its known flaws handled. The expected numbers are computed here from the CSV files with a
 * plain reader (the files have no quoted commas), independently of the importer.
 */
class SalesDatasetImportTest {
    private static final String DIR = "/datasets/crm-sales-opportunities/";

    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final Crm crm = Crm.builder()
            // the data set runs from October 2016; the import happens "then", so close dates are not in the past
            .clock(TestClock.at("2016-10-01T00:00:00Z"))
            .idGenerator(IdGenerator.sequential("t"))
            .directory(directory)
            .build();

    private Pipeline pipeline;

    /** The stable user id of a person known by name only: "Mei-Mei Johns" becomes "mei-mei-johns". */
    static String slug(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static InputStream file(String name) {
        return Objects.requireNonNull(SalesDatasetImportTest.class.getResourceAsStream(DIR + name), name);
    }

    /** The rows of a data set file as maps, read plainly by splitting at commas. */
    private static List<Map<String, String>> rows(String name) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file(name), StandardCharsets.UTF_8))) {
            String[] header = in.readLine().split(",", -1);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static long count(List<Map<String, String>> rows, java.util.function.Predicate<Map<String, String>> p) {
        return rows.stream().filter(p).count();
    }

    @BeforeEach
    void setUpTheSalesOrganisation() {
        // the sales agents and their managers become directory users; one team per manager, named with its office
        Map<String, Team> teams = new LinkedHashMap<>();
        for (Map<String, String> row : rows("sales_teams.csv")) {
            UserId manager = UserId.of(slug(row.get("manager")));
            directory.addUser(User.of(manager));
            Team team = teams.computeIfAbsent(manager.value(), m -> Team.of(TeamId.of(m + "-team"),
                    row.get("manager") + " (" + row.get("regional_office") + ")").withManager(manager));
            UserId agent = UserId.of(slug(row.get("sales_agent")));
            directory.addUser(User.of(agent));
            teams.put(manager.value(), team.withMember(agent));
        }
        teams.values().forEach(directory::addTeam);

        pipeline = crm.pipelines().create(NewPipeline.named("Hardware sales")
                .stage(Stage.open("prospecting", "Prospecting", new BigDecimal("0.10"), ForecastCategory.PIPELINE))
                .stage(Stage.open("engaging", "Engaging", new BigDecimal("0.40"), ForecastCategory.BEST_CASE))
                .stage(Stage.won("won", "Won"))
                .stage(Stage.lost("lost", "Lost")));
        crm.customFields().define(EntityType.ACCOUNT, FieldDefinition.of("year_established", FieldType.NUMBER));
        crm.customFields().define(EntityType.OPPORTUNITY, FieldDefinition.of("engage_date", FieldType.DATE));
    }

    static ImportMapping accountMapping() {
        return ImportMapping.create()
                .column("account", "name")
                .column("sector", "industry")
                .alias("industry", "technolgy", "technology")           // the misspelled sector
                .textCase("industry", TextCase.LOWER)
                .column("year_established", "custom.year_established")
                .column("revenue", "annualRevenue")
                .scale("annualRevenue", new BigDecimal("1000000"))        // the file gives millions of USD
                .currency("USD")
                .column("office_location", "country")
                .alias("country", "Philipines", "Philippines")            // misspelled
                .alias("country", "Korea", "KR")                          // ambiguous name: South Korea
                .column("subsidiary_of", "parent");
    }

    private ImportMapping opportunityMapping() {
        ImportMapping mapping = ImportMapping.create()
                .column("opportunity_id", "externalId")
                .column("sales_agent", "owner")
                .convert("owner", SalesDatasetImportTest::slug)
                .column("product", "product")
                .alias("product", "GTXPro", "GTX Pro")                    // the product spelled two ways
                .convert("product", SalesDatasetImportTest::slug)
                .column("account", "account")
                .column("deal_stage", "stage")
                .stage("Prospecting", "prospecting")
                .stage("Engaging", "engaging")
                .stage("Won", "won")
                .stage("Lost", "lost")
                .column("engage_date", "custom.engage_date")
                .column("close_date", "closeDate")
                .column("close_value", "amount")
                .currency("USD")
                .constant("pipeline", pipeline.id().value());
        for (Map<String, String> product : rows("products.csv")) {
            mapping = mapping.listPrice(slug(product.get("product")), Money.of(product.get("sales_price"), "USD"));
        }
        return mapping;
    }

    private List<Opportunity> allOpportunities() {
        List<Opportunity> all = new ArrayList<>();
        forEachPage(all::add);
        return all;
    }

    private void forEachPage(Consumer<Opportunity> action) {
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            var result = crm.opportunities().list(page);
            result.items().forEach(action);
            if (!result.hasNext()) {
                return;
            }
            page = result.nextRequest();
        }
    }

    @Test
    void theWholeDataSetImportsWithItsFlawsHandledAndASecondImportChangesNothing() {
        List<Map<String, String>> accountRows = rows("accounts.csv");
        List<Map<String, String>> dealRows = rows("sales_pipeline.csv");
        List<Map<String, String>> productRows = rows("products.csv");

        // ---- accounts, with their parents ----
        ImportResult accounts = crm.imports().accounts(ImportSource.csv(file("accounts.csv")), accountMapping());

        assertThat(accountRows).hasSize(85);
        assertThat(accounts).extracting(ImportResult::rows, ImportResult::created, ImportResult::updated,
                ImportResult::unchanged, ImportResult::rejected).containsExactly(85L, 85L, 0L, 0L, 0L);
        assertThat(accounts.complete()).isTrue();
        assertThat(crm.accounts().count()).isEqualTo(accountRows.size());
        long withParent = count(accountRows, r -> !r.get("subsidiary_of").isEmpty());
        assertThat(withParent).isEqualTo(15);
        for (Map<String, String> row : accountRows) {
            Account account = crm.accounts().findByName(row.get("account")).get(0);
            if (row.get("subsidiary_of").isEmpty()) {
                assertThat(account.parentId()).isNull();
            } else {
                assertThat(account.parentId()).isEqualTo(
                        crm.accounts().findByName(row.get("subsidiary_of")).get(0).id());
            }
            assertThat(account.customFields().get("year_established"))
                    .contains(FieldValue.number(Long.parseLong(row.get("year_established"))));
            assertThat(account.annualRevenue()).isEqualTo(
                    Money.of(new BigDecimal(row.get("revenue")).multiply(new BigDecimal("1000000")), "USD"));
        }
        Account acme = crm.accounts().findByName("Acme Corporation").get(0);
        assertThat(crm.accounts().children(acme.id())).hasSize(4);
        long misspelledSector = count(accountRows, r -> r.get("sector").equals("technolgy"));
        assertThat(misspelledSector).isEqualTo(12);
        List<Account> stored = crm.accounts().list(PageRequest.first(100)).items();
        assertThat(stored).filteredOn(a -> "technology".equals(a.industry())).hasSize((int) misspelledSector);
        assertThat(stored).noneMatch(a -> "technolgy".equals(a.industry()));
        assertThat(crm.accounts().findByName("Bioholding").get(0).address().country()).isEqualTo("PH");
        assertThat(stored).filteredOn(a -> a.address().country().equals("US"))
                .hasSize((int) count(accountRows, r -> r.get("office_location").equals("United States")));

        // ---- opportunities ----
        ImportResult deals = crm.imports().opportunities(ImportSource.csv(file("sales_pipeline.csv")),
                opportunityMapping());

        assertThat(dealRows).hasSize(8800);
        assertThat(deals).extracting(ImportResult::rows, ImportResult::created, ImportResult::rejected)
                .containsExactly(8800L, 8800L, 0L);
        assertThat(deals.rejects()).isEmpty();
        assertThat(crm.opportunities().count()).isEqualTo(8800);

        List<Opportunity> all = allOpportunities();
        Map<String, Long> byStage = new HashMap<>();
        all.forEach(o -> byStage.merge(o.stage(), 1L, Long::sum));
        assertThat(byStage).containsOnly(
                Map.entry("won", count(dealRows, r -> r.get("deal_stage").equals("Won"))),
                Map.entry("lost", count(dealRows, r -> r.get("deal_stage").equals("Lost"))),
                Map.entry("engaging", count(dealRows, r -> r.get("deal_stage").equals("Engaging"))),
                Map.entry("prospecting", count(dealRows, r -> r.get("deal_stage").equals("Prospecting"))));
        assertThat(byStage).containsOnly(Map.entry("won", 4238L), Map.entry("lost", 2473L),
                Map.entry("engaging", 1589L), Map.entry("prospecting", 500L));
        assertThat(all).filteredOn(o -> o.status() == OpportunityStatus.WON).hasSize(4238);
        assertThat(all).filteredOn(o -> o.status() == OpportunityStatus.LOST).hasSize(2473)
                .allMatch(o -> o.closeReason().equals(OpportunityImport.DEFAULT_LOST_REASON));

        // opportunities without an account stay without one; all others point to their account
        long withoutAccount = count(dealRows, r -> r.get("account").isEmpty());
        assertThat(withoutAccount).isEqualTo(1425);
        assertThat(all).filteredOn(o -> o.accountId() == null).hasSize((int) withoutAccount);
        assertThat(crm.opportunities().findByAccount(acme.id()))
                .hasSize((int) count(dealRows, r -> r.get("account").equals("Acme Corporation")));

        // without an engage date (prospecting) no engage date is invented
        long withoutEngageDate = count(dealRows, r -> r.get("engage_date").isEmpty());
        assertThat(withoutEngageDate).isEqualTo(500);
        assertThat(all).filteredOn(o -> o.customFields().get("engage_date").isEmpty()).hasSize(500)
                .allMatch(o -> o.stage().equals("prospecting"));

        // both spellings of GTX Pro are one product
        ProductId gtxPro = ProductId.of("gtx-pro");
        long gtxProRows = count(dealRows, r -> r.get("product").equals("GTXPro") || r.get("product").equals("GTX Pro"));
        assertThat(gtxProRows).isEqualTo(1480);
        assertThat(all).filteredOn(o -> o.lineItem(gtxPro).isPresent()).hasSize((int) gtxProRows);
        assertThat(all).allMatch(o -> o.lineItems().size() == 1);
        assertThat(all.stream().map(o -> o.lineItems().get(0).productId()).distinct())
                .hasSize(productRows.size());

        // won deals carry their close value; lost deals' 0 is read as "no value recorded", so they carry the list price
        Map<String, Money> listPrice = new HashMap<>();
        productRows.forEach(p -> listPrice.put(slug(p.get("product")), Money.of(p.get("sales_price"), "USD")));
        Map<String, Map<String, String>> dealById = new HashMap<>();
        dealRows.forEach(r -> dealById.put(r.get("opportunity_id"), r));
        for (Opportunity o : all) {
            Map<String, String> row = dealById.get(o.name()); // named by the file's id
            assertThat(o.ownerId()).isEqualTo(UserId.of(slug(row.get("sales_agent"))));
            LineItem item = o.lineItems().get(0);
            if (row.get("deal_stage").equals("Won")) {
                assertThat(o.amount()).isEqualTo(Money.of(row.get("close_value"), "USD"));
                assertThat(o.closeDate()).isEqualTo(LocalDate.parse(row.get("close_date")));
            } else {
                assertThat(o.amount()).isEqualTo(listPrice.get(item.productId().value()));
            }
            if (!row.get("engage_date").isEmpty()) {
                assertThat(o.customFields().get("engage_date"))
                        .contains(FieldValue.date(LocalDate.parse(row.get("engage_date"))));
            }
        }
        BigDecimal wonValue = dealRows.stream().filter(r -> r.get("deal_stage").equals("Won"))
                .map(r -> new BigDecimal(r.get("close_value"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(all.stream().filter(o -> o.status() == OpportunityStatus.WON).map(o -> o.amount().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(wonValue);
        assertThat(crm.opportunities().findByOwner(UserId.of("darcel-schlecht")))
                .hasSize((int) count(dealRows, r -> r.get("sales_agent").equals("Darcel Schlecht")));
        assertThat(directory.teamsOf(UserId.of("darcel-schlecht"))).singleElement()
                .extracting(Team::managerId).isEqualTo(UserId.of("melvin-marxen"));

        // ---- the same files again: nothing changes ----
        ImportResult accountsAgain = crm.imports().accounts(ImportSource.csv(file("accounts.csv")), accountMapping());
        ImportResult dealsAgain = crm.imports().opportunities(ImportSource.csv(file("sales_pipeline.csv")),
                opportunityMapping());

        assertThat(accountsAgain).extracting(ImportResult::unchanged, ImportResult::created, ImportResult::updated)
                .containsExactly(85L, 0L, 0L);
        assertThat(dealsAgain).extracting(ImportResult::unchanged, ImportResult::created, ImportResult::updated)
                .containsExactly(8800L, 0L, 0L);
        assertThat(crm.opportunities().count()).isEqualTo(8800);
    }

    @Test
    void withoutListPricesTheDealsWithoutAValueAreRejectedWithTheirLineAndReason() {
        List<Map<String, String>> dealRows = rows("sales_pipeline.csv");
        crm.imports().accounts(ImportSource.csv(file("accounts.csv")), accountMapping());
        ImportMapping withoutPrices = ImportMapping.create()
                .column("opportunity_id", "externalId")
                .column("product", "product")
                .column("account", "account")
                .column("deal_stage", "stage")
                .stage("Prospecting", "prospecting").stage("Engaging", "engaging")
                .stage("Won", "won").stage("Lost", "lost")
                .column("close_value", "amount")
                .currency("USD")
                .constant("pipeline", pipeline.id().value())
                .maxRejects(5000);

        ImportResult result = crm.imports().opportunities(ImportSource.csv(file("sales_pipeline.csv")), withoutPrices);

        // open deals have no close value; lost deals' 0 is no value: with no list price, neither has a price
        long withoutValue = count(dealRows, r -> r.get("close_value").isEmpty() || r.get("close_value").equals("0"));
        assertThat(withoutValue).isEqualTo(1589 + 500 + 2473);
        assertThat(result).extracting(ImportResult::rows, ImportResult::created, ImportResult::rejected)
                .containsExactly(8800L, 8800L - withoutValue, withoutValue);
        assertThat(result.rejects()).hasSize((int) withoutValue).allSatisfy(r -> {
            assertThat(r.column()).isEqualTo("product");
            assertThat(r.reason()).startsWith("has no price");
        });
        Reject first = result.rejects().get(0);
        int firstLine = 2;
        while (!dealRows.get(firstLine - 2).get("close_value").isEmpty()
                && !dealRows.get(firstLine - 2).get("close_value").equals("0")) {
            firstLine++;
        }
        assertThat(first.line()).isEqualTo(firstLine);
        assertThat(first.value()).isEqualTo(dealRows.get(firstLine - 2).get("product"));
        assertThat(crm.opportunities().count()).isEqualTo(8800 - withoutValue);
    }
}
