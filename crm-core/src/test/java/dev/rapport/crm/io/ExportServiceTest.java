package dev.rapport.crm.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportServiceTest {
    private final Crm crm = Crm.builder()
            .clock(TestClock.at("2026-01-15T09:00:00Z"))
            .idGenerator(IdGenerator.sequential("t"))
            .build();

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreEscaped() {
        assertThat(ExportService.formulaSafe("=HYPERLINK(\"http://evil.example\")")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
        assertThat(ExportService.formulaSafe("+1+2")).isEqualTo("'+1+2");
        assertThat(ExportService.formulaSafe("-2+3")).isEqualTo("'-2+3");
        assertThat(ExportService.formulaSafe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ExportService.formulaSafe("\tx")).isEqualTo("'\tx");
        assertThat(ExportService.formulaSafe("-12.50")).isEqualTo("-12.50");
        assertThat(ExportService.formulaSafe("Acme")).isEqualTo("Acme");
    }

    @Test
    void accountsExportToCsvWithFormulaCellsEscaped() {
        crm.accounts().create(NewAccount.named("=cmd|' /C calc'!A0").industry("@risk").tag("vip"));
        crm.accounts().create(NewAccount.named("Acme, Inc.").domain("acme.example"));
        StringWriter out = new StringWriter();

        long written = crm.exports().accounts(out, ExportFormat.CSV);

        assertThat(written).isEqualTo(2);
        assertThat(out.toString().lines()).containsExactly(
                "id,name,domain,industry,employees,annualRevenue,currency,parent,owner,street,city,postalCode,region,country,tags",
                "t-account-1,\"'=cmd|' /C calc'!A0\",,\"'@risk\",,,,,,,,,,,vip",
                "t-account-3,\"Acme, Inc.\",acme.example,,,,,,,,,,,,");
    }

    @Test
    void anExportedCsvImportsBackUnchanged() {
        crm.accounts().create(NewAccount.named("Acme").domain("acme.example").industry("retail"));
        StringWriter out = new StringWriter();
        crm.exports().accounts(out, ExportFormat.CSV);

        ImportResult result = crm.imports().accounts(ImportSource.csv(new StringReader(out.toString())),
                ImportMapping.create().column("id", "externalId"));

        assertThat(result).extracting(ImportResult::unchanged, ImportResult::created).containsExactly(1L, 0L);
    }

    @Test
    void contactsExportToJsonThatReadsBackEqual() throws Exception {
        crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));
        crm.contacts().create(NewContact.named("Grace", "Hopper"));
        StringWriter out = new StringWriter();

        long written = crm.exports().contacts(out, ExportFormat.JSON);

        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        List<dev.rapport.crm.party.Contact> read = mapper.readValue(out.toString(), new TypeReference<>() { });
        assertThat(written).isEqualTo(2);
        assertThat(read).containsExactlyElementsOf(crm.contacts().list(dev.rapport.crm.PageRequest.first(10)).items());
    }

    @Test
    void accountsExportAcrossPages() {
        for (int i = 0; i < 1203; i++) {
            crm.accounts().create(NewAccount.named("Company " + i));
        }
        StringWriter out = new StringWriter();

        long written = crm.exports().accounts(out, ExportFormat.JSON);

        assertThat(written).isEqualTo(1203);
        assertThat(out.toString()).startsWith("[").endsWith("]");
        assertThat(out.toString().split("\"tenantId\"")).hasSize(1204);
    }

    @Test
    void leadsAndOpportunitiesExportToCsv() {
        crm.leads().capture(dev.rapport.crm.lead.NewLead.from(dev.rapport.crm.lead.LeadSource.WEB_FORM)
                .email("grace@fleet.example").company("+Fleet"));
        crm.opportunities().create(dev.rapport.crm.sales.NewOpportunity.named("@deal")
                .amount(dev.rapport.crm.revenue.Money.of("10.00", "EUR")));
        StringWriter leads = new StringWriter();
        StringWriter deals = new StringWriter();

        assertThat(crm.exports().leads(leads, ExportFormat.CSV)).isEqualTo(1);
        assertThat(crm.exports().opportunities(deals, ExportFormat.CSV)).isEqualTo(1);

        assertThat(leads.toString().lines().skip(1)).singleElement().asString()
                .contains("grace@fleet.example", "'+Fleet", "WEB_FORM");
        assertThat(deals.toString().lines().skip(1)).singleElement().asString()
                .contains("'@deal", "10.00,EUR", "prospecting", "OPEN");
    }
}
