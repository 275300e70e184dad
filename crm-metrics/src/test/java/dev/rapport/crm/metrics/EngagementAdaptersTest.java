package dev.rapport.crm.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.marketing.Campaign;
import dev.rapport.crm.marketing.CampaignChannel;
import dev.rapport.crm.marketing.CampaignId;
import dev.rapport.crm.marketing.NewCampaign;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.service.NewTicket;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.service.TicketPriority;
import dev.rapport.crm.spi.IdGenerator;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The service and marketing metrics over crm-core's own tickets and campaigns. */
class EngagementAdaptersTest {

    private final MutableClock clock = new MutableClock("2026-01-05T09:00:00Z");
    private final Crm crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential("e")).build();
    private static final Conversion EUR = Conversion.strict("EUR");

    @Test
    void ticketsGiveResponseTimesAndSlaAttainmentUnderTheirPolicy() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        // Default policy: HIGH answers within 4 hours and resolves within 24.
        Ticket fast = crm.tickets().open(NewTicket.about(ada.id(), "Fast").priority(TicketPriority.HIGH));
        Ticket slow = crm.tickets().open(NewTicket.about(ada.id(), "Slow").priority(TicketPriority.HIGH));
        clock.advance(Duration.ofMinutes(30));
        crm.tickets().respond(fast.id());
        clock.advance(Duration.ofHours(5));
        crm.tickets().respond(slow.id());
        crm.tickets().resolve(fast.id());

        List<TicketTimes> times = List.of(fast, slow).stream().map(t -> TicketTimes.of(crm.tickets().get(t.id())))
                .collect(Collectors.toList());
        assertThat(times.get(0).firstResponseTarget()).isEqualTo(Duration.ofHours(4));
        Stats frt = ServiceMetrics.firstResponseMinutes().of(times);
        assertThat(frt.mean()).isEqualByComparingTo("180");   // 30 and 330 minutes
        assertThat(frt.median()).isEqualByComparingTo("180");
        Map<TicketPriority, Ratio> sla = ServiceMetrics.slaAttainment(SlaKind.FIRST_RESPONSE, clock.instant())
                .groupedBy(TicketTimes::priority).of(times);
        assertThat(sla.get(TicketPriority.HIGH).value()).isEqualByComparingTo("0.5");
        assertThat(ServiceMetrics.resolutionMinutes().of(times).mean()).isEqualByComparingTo("330");
    }

    @Test
    void campaignsAndAttributionGiveCacPerChannel() {
        Campaign ads = crm.campaigns().create(NewCampaign.named("Search", CampaignChannel.PAID_SEARCH)
                .period(LocalDate.of(2026, 1, 1), null).budget(Money.of("5000.00", "EUR")));
        Campaign fair = crm.campaigns().create(NewCampaign.named("Fair", CampaignChannel.EVENT)
                .period(LocalDate.of(2026, 1, 1), null).budget(Money.of("5000.00", "EUR")));
        crm.campaigns().recordCost(ads.id(), Money.of("3000.00", "EUR"));
        crm.campaigns().recordCost(fair.id(), Money.of("1000.00", "EUR"));
        List<Contact> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Contact c = crm.contacts().create(NewContact.named("Cust", "N" + i));
            customers.add(c);
            crm.campaigns().addMember(i < 3 ? ads.id() : fair.id(), c.id());
            crm.campaigns().touch(i < 3 ? ads.id() : fair.id(), c.id(), null);
        }
        Contact direct = crm.contacts().create(NewContact.named("Walk", "In"));

        Map<CampaignId, Campaign> campaigns = Map.of(ads.id(), crm.campaigns().get(ads.id()),
                fair.id(), crm.campaigns().get(fair.id()));
        List<AcquisitionEntry> entries = new ArrayList<>();
        campaigns.values().forEach(c -> entries.add(MarketingSpend.of(c)));
        for (Contact c : customers) {
            entries.add(NewCustomer.attributed(crm.campaigns().attribution(c.id()), campaigns, TouchModel.FIRST_TOUCH));
        }
        entries.add(NewCustomer.attributed(crm.campaigns().attribution(direct.id()), campaigns, TouchModel.LAST_TOUCH));

        Map<String, MoneyRatio> perChannel = MarketingMetrics.cac(EUR).groupedBy(AcquisitionEntry::channel).of(entries);
        assertThat(perChannel.get("PAID_SEARCH").value()).isEqualTo(Money.of("1000.00", "EUR"));
        assertThat(perChannel.get("EVENT").value()).isEqualTo(Money.of("1000.00", "EUR"));
        assertThat(perChannel.get(NewCustomer.DIRECT).numerator()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(MarketingMetrics.cac(EUR).of(entries).value()).isEqualTo(Money.of("800.00", "EUR"));
        assertThat(catchThrowableOfType(CrmValidationException.class, () -> NewCustomer.attributed(
                crm.campaigns().attribution(customers.get(0).id()), Map.of(), TouchModel.LAST_TOUCH)).field())
                .isEqualTo("campaignId");
    }
}
