package dev.rapport.crm.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.AccountCreated;
import dev.rapport.crm.event.AccountUpdated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.spi.IdGenerator;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountImportTest {
    private final Crm crm = Crm.builder()
            .clock(TestClock.at("2026-01-15T09:00:00Z"))
            .idGenerator(IdGenerator.sequential("t"))
            .directory(new InMemoryDirectory().addUser(User.of(UserId.of("ada"))))
            .build();

    private static ImportSource csv(String text) {
        return ImportSource.csv(new StringReader(text));
    }

    private static final String FILE = """
            Company,Web,Sector,Revenue,Employees,Country,Parent
            Acme Corporation,https://www.acme.example,technolgy,1100.04,2822,United States,
            Bluth Company,bluth.example,Technology,1242.32,3027,United States,Acme Corporation
            """;

    private static ImportMapping mapping() {
        return ImportMapping.create()
                .column("Company", "name")
                .column("Web", "domain")
                .column("Sector", "industry")
                .column("Revenue", "annualRevenue")
                .column("Parent", "parent")
                .alias("industry", "technolgy", "technology")
                .textCase("industry", TextCase.LOWER)
                .scale("annualRevenue", new BigDecimal("1000000"))
                .currency("USD");
    }

    @Test
    void mappedAndCleansedRowsBecomeAccountsWithTheirParents() {
        ImportResult result = crm.imports().accounts(csv(FILE), mapping());

        assertThat(result).extracting(ImportResult::rows, ImportResult::created, ImportResult::rejected)
                .containsExactly(2L, 2L, 0L);
        Account acme = crm.accounts().findByName("acme corporation").get(0);
        Account bluth = crm.accounts().findByName("Bluth Company").get(0);
        assertThat(acme.industry()).isEqualTo("technology");
        assertThat(bluth.industry()).isEqualTo("technology");
        assertThat(acme.domain()).isEqualTo("acme.example");
        assertThat(acme.annualRevenue()).isEqualTo(Money.of("1100040000.00", "USD"));
        assertThat(acme.employees()).isEqualTo(2822);
        assertThat(acme.address().country()).isEqualTo("US");
        assertThat(bluth.parentId()).isEqualTo(acme.id());
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        crm.imports().accounts(csv(FILE), mapping());
        List<CrmEvent> events = new ArrayList<>();
        crm.events().subscribe(events::add);

        ImportResult again = crm.imports().accounts(csv(FILE), mapping());

        assertThat(again).extracting(ImportResult::rows, ImportResult::created, ImportResult::updated,
                ImportResult::unchanged).containsExactly(2L, 0L, 0L, 2L);
        assertThat(crm.accounts().count()).isEqualTo(2);
        assertThat(events).isEmpty();
    }

    @Test
    void aChangedRowUpdatesTheMatchedAccountAndEmitsItsEvent() {
        crm.imports().accounts(csv(FILE), mapping());
        List<CrmEvent> events = new ArrayList<>();
        crm.events().subscribe(events::add);

        ImportResult result = crm.imports().accounts(csv("""
                Company,Employees
                ACME  corporation,3000
                """), mapping());

        assertThat(result).extracting(ImportResult::updated, ImportResult::created).containsExactly(1L, 0L);
        assertThat(crm.accounts().findByName("Acme Corporation").get(0).employees()).isEqualTo(3000);
        assertThat(events).singleElement().isInstanceOfSatisfying(AccountUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("employees"));
    }

    @Test
    void emptyCellsNeverOverwriteStoredValues() {
        crm.imports().accounts(csv(FILE), mapping());

        crm.imports().accounts(csv("Company,Web,Sector\nAcme Corporation,,\n"), mapping());

        Account acme = crm.accounts().findByName("Acme Corporation").get(0);
        assertThat(acme.domain()).isEqualTo("acme.example");
        assertThat(acme.industry()).isEqualTo("technology");
    }

    @Test
    void aSubsidiaryListedBeforeItsGroupWaitsForIt() {
        ImportResult result = crm.imports().accounts(csv("""
                Company,Parent
                Cheers,Massive Dynamic
                Massive Dynamic,
                """), mapping());

        assertThat(result.created()).isEqualTo(2);
        assertThat(crm.accounts().findByName("Cheers").get(0).parentId())
                .isEqualTo(crm.accounts().findByName("Massive Dynamic").get(0).id());
    }

    @Test
    void aParentNeitherStoredNorInTheFileRejectsTheRowAndStoresNothingOfIt() {
        List<CrmEvent> events = new ArrayList<>();
        crm.events().subscribe(events::add);

        ImportResult result = crm.imports().accounts(csv("""
                Company,Parent
                Cheers,Nowhere Inc
                Hooli,
                """), mapping());

        assertThat(result).extracting(ImportResult::created, ImportResult::rejected).containsExactly(1L, 1L);
        assertThat(result.rejects()).containsExactly(
                new Reject(2, "Parent", "Nowhere Inc", "names an account that is neither stored nor in the file"));
        assertThat(crm.accounts().findByName("Cheers")).isEmpty();
        assertThat(events).hasSize(1).allMatch(e -> e instanceof AccountCreated);
    }

    @Test
    void aBadValueRejectsItsRowWithLineColumnValueAndReasonAndTheRestIsImported() {
        ImportResult result = crm.imports().accounts(csv("""
                Company,Employees,Web
                Good One,10,good.example
                Bad Count,ten,bad.example
                Bad Domain,5,not a domain
                ,7,nameless.example
                Good Two,20,
                """), mapping());

        assertThat(result).extracting(ImportResult::rows, ImportResult::created, ImportResult::rejected)
                .containsExactly(5L, 2L, 3L);
        assertThat(result.rejects()).containsExactly(
                new Reject(3, "Employees", "ten", "is not a number"),
                new Reject(4, "Web", "not a domain", "is not a valid domain name"),
                new Reject(5, "Company", null, "is required"));
        assertThat(crm.accounts().count()).isEqualTo(2);
    }

    @Test
    void accountsMatchByDomainWhenAsked() {
        crm.accounts().create(NewAccount.named("Acme").domain("acme.example"));

        ImportResult result = crm.imports().accounts(csv("Company,Web\nAcme Holding,https://acme.example/\n"),
                mapping().matchBy(MatchKey.DOMAIN));

        assertThat(result.updated()).isEqualTo(1);
        assertThat(crm.accounts().findByDomain("acme.example")).singleElement()
                .extracting(Account::name).isEqualTo("Acme Holding");
    }

    @Test
    void accountsMatchByExternalIdAcrossRenames() {
        ImportMapping byErpNumber = mapping().column("ERP", "externalId").matchBy(MatchKey.EXTERNAL_ID);
        crm.imports().accounts(csv("ERP,Company\nK-100,Acme\n"), byErpNumber);

        ImportResult renamed = crm.imports().accounts(csv("ERP,Company\nK-100,Acme Group\n"), byErpNumber);

        assertThat(renamed.updated()).isEqualTo(1);
        assertThat(crm.accounts().count()).isEqualTo(1);
        assertThat(crm.accounts().list(PageRequest.first(10)).items()).singleElement()
                .extracting(Account::name).isEqualTo("Acme Group");
    }

    @Test
    void anOwnerMustBeADirectoryUser() {
        ImportResult result = crm.imports().accounts(csv("Company,Owner\nAcme,ada\nHooli,nobody\n"), mapping());

        assertThat(result.created()).isEqualTo(1);
        assertThat(result.rejects()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.column()).isEqualTo("Owner");
        });
        assertThat(crm.accounts().findByName("Acme").get(0).ownerId()).isEqualTo(UserId.of("ada"));
    }

    @Test
    void aMappingThatNamesAFieldAccountsDoNotHaveIsRefusedBeforeReading() {
        assertThatThrownBy(() -> crm.imports().accounts(csv(FILE), mapping().column("x", "shoeSize")))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("mapping"));
        assertThatThrownBy(() -> crm.imports().accounts(csv(FILE), mapping().matchBy(MatchKey.EMAIL)))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("matchBy"));
        assertThat(crm.accounts().count()).isZero();
    }

    @Test
    void aHeaderWithoutTheMatchColumnStopsTheImportBeforeAnyRow() {
        ImportResult result = crm.imports().accounts(csv("Title,Web\nAcme,acme.example\n"), mapping());

        assertThat(result.complete()).isFalse();
        assertThat(result.fileError()).get().extracting(Reject::line, Reject::reason)
                .containsExactly(1L, "the header has no column for the field 'name', by which accounts are matched");
        assertThat(crm.accounts().count()).isZero();
    }

    @Test
    void importedAccountsAreInvisibleToOtherTenants() {
        crm.forTenant(TenantId.of("a")).imports().accounts(csv(FILE), mapping());

        assertThat(crm.forTenant(TenantId.of("a")).accounts().count()).isEqualTo(2);
        assertThat(crm.forTenant(TenantId.of("b")).accounts().findByName("Acme Corporation")).isEmpty();
        ImportResult inB = crm.forTenant(TenantId.of("b")).imports().accounts(csv(FILE), mapping());
        assertThat(inB.created()).isEqualTo(2);
    }

    @Test
    void jsonRowsImportLikeCsvRows() {
        ImportResult result = crm.imports().accounts(ImportSource.json(new StringReader("""
                [
                  {"Company": "Acme", "Employees": 12, "hq": {"country": "DE", "city": "Berlin"}},
                  {"Company": "Hooli", "Employees": "many"}
                ]
                """)), mapping().column("hq.country", "country").column("hq.city", "city"));

        assertThat(result).extracting(ImportResult::created, ImportResult::rejected).containsExactly(1L, 1L);
        assertThat(result.rejects()).containsExactly(new Reject(3, "Employees", "many", "is not a number"));
        Account acme = crm.accounts().findByName("Acme").get(0);
        assertThat(acme.address().city()).isEqualTo("Berlin");
        assertThat(acme.address().country()).isEqualTo("DE");
    }

    @Test
    void valuesAreTrimmedNormalizedToNfcAndTheirSpacesCollapsed() {
        String decomposed = "Zoe\u0308 \t  Industries";   // e + combining diaeresis, a tab and spaces
        ImportResult first = crm.imports().accounts(csv("Company,Sector\n\"  " + decomposed + "  \",  RETAIL \n"),
                mapping());
        ImportResult again = crm.imports().accounts(csv("Company\nzoë industries\n"), mapping());

        assertThat(first.created()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(1);
        Account zoe = crm.accounts().findByName("Zoë Industries").get(0);
        assertThat(zoe.name()).isEqualTo("Zo\u00eb Industries");
        assertThat(zoe.industry()).isEqualTo("retail");
    }
}
