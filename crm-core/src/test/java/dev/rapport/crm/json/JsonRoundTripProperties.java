package dev.rapport.crm.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.crm.Aggregate;
import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.service.NewTicket;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.field.FieldDefinition;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.lead.ConvertLead;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.property.ForAll;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.Property;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.NewSubscription;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.sales.LineItem;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.ProductId;
import dev.rapport.crm.spi.IdGenerator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Every aggregate and every event that the services produce, after any sequence of commands with
 * generated values, is written to JSON and read back equal.
 */
class JsonRoundTripProperties {
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    enum Kind { ACCOUNT, CONTACT, LEAD, OPPORTUNITY, WIN, LOSE, MOVE, CONVERT, DISQUALIFY, LIFECYCLE, SUBSCRIBE, CHANGE_PLAN, CANCEL, ACTIVITY, TASK, TICKET, RESOLVE }

    /** One generated command: its kind, values to use, and which earlier record it applies to. */
    record Step(Kind kind, String text, String email, int number, Money money, LocalDate date, int pick) {
    }

    static Gen<String> texts() {
        return Gen.oneOf(Gen.asciiStrings(1, 20), Gen.unicodeStrings(1, 12),
                Gen.elements("Acme GmbH", "Zoë Ångström", "  spaced  ", "東京", "O'Brien", "=1+2"));
    }

    static Gen<Money> money() {
        return Gen.oneOf(
                Gen.bigDecimals(BigDecimal.ZERO, new BigDecimal("1000000.00"), 2).map(a -> Money.of(a, "EUR")),
                Gen.bigDecimals(BigDecimal.ZERO, new BigDecimal("1000000"), 0).map(a -> Money.of(a, "JPY")));
    }

    static Gen<Step> steps() {
        Gen<String> emails = Gen.zip(Gen.asciiStrings(1, 8).map(s -> s.replaceAll("[^A-Za-z0-9]", "x")),
                Gen.elements("acme.example", "fleet.example", "ex.org"), (local, domain) -> local + "@" + domain);
        return Gen.enums(Kind.class).flatMap(kind -> texts().flatMap(text -> emails.flatMap(email ->
                Gen.integers(0, 5000).flatMap(number -> money().flatMap(amount ->
                        Gen.dates(LocalDate.of(2026, 1, 15), LocalDate.of(2030, 12, 31)).flatMap(date ->
                                Gen.integers(0, 20).map(pick ->
                                        new Step(kind, text, email, number, amount, date, pick))))))));
    }

    static Gen<List<Step>> scenarios() {
        return Gen.lists(steps(), 1, 25);
    }

    private static <T> T pick(List<T> items, int index) {
        return items.get(index % items.size());
    }

    @Property(tries = 60)
    void everyAggregateAndEventReadsBackEqual(@ForAll("scenarios") List<Step> scenario) throws Exception {
        TestClock clock = TestClock.at("2026-01-15T09:00:00Z");
        Crm crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential("t")).build();
        List<CrmEvent> events = new ArrayList<>();
        crm.events().subscribe(events::add);
        crm.customFields().define(EntityType.ACCOUNT, FieldDefinition.of("seats", FieldType.NUMBER).range(0, 10_000));
        crm.customFields().define(EntityType.ACCOUNT, FieldDefinition.of("since", FieldType.DATE));
        crm.customFields().define(EntityType.ACCOUNT, FieldDefinition.of("ratio", FieldType.DECIMAL));
        crm.customFields().define(EntityType.ACCOUNT, FieldDefinition.of("vip", FieldType.BOOLEAN));
        crm.customFields().define(EntityType.ACCOUNT, FieldDefinition.of("tier", FieldType.ENUM).options("gold", "silver")
                .label("Tier"));
        List<Account> accounts = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<Lead> leads = new ArrayList<>();
        List<Opportunity> deals = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        List<Aggregate<?>> engagement = new ArrayList<>();
        for (Step step : scenario) {
            clock.advance(Duration.ofMinutes(7));
            try {
                apply(crm, step, accounts, contacts, leads, deals, subscriptions, engagement);
            } catch (CrmException refused) {
                // a generated value the model refuses: nothing stored, nothing to round-trip
            }
        }

        for (CrmEvent event : events) {
            assertThat(MAPPER.readValue(MAPPER.writeValueAsString(event), CrmEvent.class)).isEqualTo(event);
        }
        List<Aggregate<?>> stored = new ArrayList<>();
        stored.addAll(crm.accounts().list(PageRequest.first(100)).items());
        stored.addAll(crm.contacts().list(PageRequest.first(100)).items());
        stored.addAll(crm.leads().list(PageRequest.first(100)).items());
        stored.addAll(crm.opportunities().list(PageRequest.first(100)).items());
        stored.addAll(crm.pipelines().list());
        stored.addAll(crm.subscriptions().list(PageRequest.first(100)).items());
        crm.customFields().schema(EntityType.ACCOUNT).ifPresent(stored::add);
        for (Aggregate<?> logged : engagement) {
            stored.add(logged instanceof Activity a ? crm.activities().get(a.id())
                    : logged instanceof Task t ? crm.tasks().get(t.id())
                    : crm.tickets().get(((Ticket) logged).id()));
        }
        for (Aggregate<?> aggregate : stored) {
            assertThat(roundTrip(aggregate)).isEqualTo(aggregate);
        }
    }

    private static Object roundTrip(Object value) throws JsonProcessingException {
        return MAPPER.readValue(MAPPER.writeValueAsString(value), value.getClass());
    }

    private static void apply(Crm crm, Step step, List<Account> accounts, List<Contact> contacts, List<Lead> leads,
            List<Opportunity> deals, List<Subscription> subscriptions, List<Aggregate<?>> engagement) {
        switch (step.kind()) {
            case ACCOUNT -> {
                NewAccount command = NewAccount.named(step.text()).size(step.number(), step.money())
                        .field("seats", FieldValue.number(step.number()))
                        .field("since", FieldValue.date(step.date()))
                        .field("ratio", FieldValue.decimal(BigDecimal.valueOf(step.number(), 2)))
                        .field("vip", FieldValue.bool(step.pick() % 2 == 0))
                        .tag(step.text());
                if (!accounts.isEmpty() && step.pick() % 3 == 0) {
                    command = command.parent(pick(accounts, step.pick()).id());
                }
                accounts.add(crm.accounts().create(command));
            }
            case CONTACT -> {
                NewContact command = NewContact.named(step.text(), null).email(step.email())
                        .phone("+49 30 " + (100000 + step.number()));
                if (!accounts.isEmpty()) {
                    command = command.account(pick(accounts, step.pick()).id());
                }
                contacts.add(crm.contacts().create(command));
            }
            case LIFECYCLE -> {
                if (!contacts.isEmpty()) {
                    Contact contact = pick(contacts, step.pick());
                    LifecycleStage stage = LifecycleStage.values()[step.number() % LifecycleStage.values().length];
                    crm.contacts().overrideLifecycle(contact.id(), stage, step.text());
                }
            }
            case LEAD -> leads.add(crm.leads().capture(NewLead.from(LeadSource.values()[step.pick()
                    % LeadSource.values().length]).name(null, step.text()).email(step.email()).company(step.text())
                    .score(step.number())));
            case CONVERT -> {
                if (!leads.isEmpty()) {
                    crm.leads().convert(pick(leads, step.pick()).id(),
                            ConvertLead.withOpportunity(step.text(), step.money()));
                }
            }
            case DISQUALIFY -> {
                if (!leads.isEmpty()) {
                    crm.leads().disqualify(pick(leads, step.pick()).id(), step.text());
                }
            }
            case OPPORTUNITY -> {
                NewOpportunity command = NewOpportunity.named(step.text()).closeDate(step.date())
                        .lineItem(LineItem.of(ProductId.of("p-" + step.pick()), 1 + step.number() % 7, step.money()));
                if (!accounts.isEmpty()) {
                    command = command.account(pick(accounts, step.pick()).id());
                }
                deals.add(crm.opportunities().create(command));
            }
            case MOVE -> {
                if (!deals.isEmpty()) {
                    crm.opportunities().moveToStage(pick(deals, step.pick()).id(),
                            List.of("qualification", "proposal", "negotiation").get(step.number() % 3));
                }
            }
            case SUBSCRIBE -> {
                if (!accounts.isEmpty()) {
                    subscriptions.add(crm.subscriptions().start(NewSubscription.of(pick(accounts, step.pick()).id(),
                            step.text(), step.money()).startingOn(step.date())));
                }
            }
            case CHANGE_PLAN -> {
                if (!subscriptions.isEmpty()) {
                    crm.subscriptions().changePlan(pick(subscriptions, step.pick()).id(), step.text(), step.money());
                }
            }
            case CANCEL -> {
                if (!subscriptions.isEmpty()) {
                    crm.subscriptions().cancel(pick(subscriptions, step.pick()).id(), step.text());
                }
            }
            case ACTIVITY -> {
                if (!accounts.isEmpty()) {
                    NewActivity command = NewActivity.of(ActivityType.values()[step.number() % 8],
                            Channel.values()[step.pick() % Channel.values().length])
                            .byCustomer().subject(step.text()).duration(Duration.ofSeconds(step.number()))
                            .account(pick(accounts, step.pick()).id());
                    if (!contacts.isEmpty()) {
                        command = command.contact(pick(contacts, step.number()).id());
                    }
                    engagement.add(crm.activities().log(command));
                }
            }
            case TASK -> {
                if (!accounts.isEmpty()) {
                    engagement.add(crm.tasks().create(NewTask.titled(step.text()).dueOn(step.date())
                            .account(pick(accounts, step.pick()).id())));
                }
            }
            case TICKET -> {
                if (!accounts.isEmpty()) {
                    engagement.add(crm.tickets().open(NewTicket.forAccount(pick(accounts, step.pick()).id(),
                            step.text())));
                }
            }
            case RESOLVE -> {
                List<Ticket> tickets = engagement.stream().filter(a -> a instanceof Ticket).map(a -> (Ticket) a)
                        .toList();
                if (!tickets.isEmpty()) {
                    crm.tickets().resolve(pick(tickets, step.pick()).id());
                }
            }
            case WIN -> {
                if (!deals.isEmpty()) {
                    crm.opportunities().closeWon(pick(deals, step.pick()).id(), step.text());
                }
            }
            case LOSE -> {
                if (!deals.isEmpty()) {
                    crm.opportunities().closeLost(pick(deals, step.pick()).id(), step.text());
                }
            }
        }
    }
}
