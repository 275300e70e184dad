package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.Team;
import dev.rapport.crm.directory.TeamId;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.TicketOpened;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.service.NewTicket;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.spi.IdGenerator;
import dev.rapport.crm.workflow.spi.Message;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed scenarios that need tasks and tickets, end to end. */
class EngagementScenariosTest {
    private final TestClock clock = TestClock.at("2026-11-02T10:00:00Z");
    private final TeamId sales = TeamId.of("sales");
    private final TeamId support = TeamId.of("support");
    private final InMemoryDirectory directory = new InMemoryDirectory()
            .addTeam(Team.of(sales, "Sales").withMembers(List.of(UserId.of("rep1"), UserId.of("rep2"))))
            .addTeam(Team.of(support, "Support").withMembers(List.of(UserId.of("agent1"), UserId.of("agent2"),
                    UserId.of("agent3"))))
            .addUser(User.of(UserId.of("rep1")).withTeams(Set.of(sales)))
            .addUser(User.of(UserId.of("rep2")).withTeams(Set.of(sales)))
            .addUser(User.of(UserId.of("agent1")).withTeams(Set.of(support)).withSkills("billing"))
            .addUser(User.of(UserId.of("agent2")).withTeams(Set.of(support)).withSkills("billing"))
            .addUser(User.of(UserId.of("agent3")).withTeams(Set.of(support)).withSkills("integrations"));
    private final Crm crm = Crm.builder().clock(clock).directory(directory).idGenerator(IdGenerator.sequential("e"))
            .build();
    private final List<Message> sent = new ArrayList<>();

    private WorkflowEngine engine(RuleSet rules) {
        return WorkflowEngine.builder(crm).rules(rules).messageSender(sent::add).build();
    }

    @Test
    void aWebFormLeadIsAssignedWelcomedAndGetsAFollowUpTask() {
        RuleSet rules = JsonRules.parser().parse("""
                {"rules": [{"id": "web-form-lead", "entity": "lead", "priority": 10,
                  "trigger": {"event": "LeadCaptured"},
                  "condition": {"field": "source", "op": "=", "value": "WEB_FORM"},
                  "actions": [{"type": "assignOwner", "strategy": "roundRobin", "team": "sales"},
                              {"type": "sendMessage", "template": "welcome"},
                              {"type": "createTask", "title": "Call the new lead", "dueInDays": 2}]}]}""");
        engine(rules);

        Lead lead = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).email("grace@fleet.example"));

        Lead now = crm.leads().get(lead.id());
        assertThat(now.ownerId()).isEqualTo(UserId.of("rep1"));
        assertThat(sent).extracting(Message::template).containsExactly("welcome");
        List<Task> tasks = crm.tasks().openTasks(UserId.of("rep1"));
        assertThat(tasks).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Call the new lead");
            assertThat(t.dueOn()).isEqualTo(LocalDate.of(2026, 11, 4));
        });
    }

    @Test
    void billingTicketsGoToTheLeastLoadedBillingAgent() {
        Rule billing = Rule.named("route-billing").on(EntityKind.TICKET).priority(10)
                .when(Triggers.event(TicketOpened.class))
                .ifCondition(Conditions.field(EntityKind.TICKET, "subject", Operator.CONTAINS, "invoice"))
                .then(Actions.assignOwnerLeastLoaded(support, Set.of("billing")),
                        Actions.createTask("Answer the billing question", 1))
                .build();
        Rule other = Rule.named("route-rest").on(EntityKind.TICKET)
                .when(Triggers.event(TicketOpened.class))
                .ifCondition(Conditions.not(Conditions.field(EntityKind.TICKET, "subject", Operator.CONTAINS,
                        "invoice")))
                .then(Actions.assignOwnerLeastLoaded(support, Set.of("integrations"))).build();
        engine(RuleSet.of(List.of(billing, other)));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "B"));

        Ticket first = crm.tickets().open(NewTicket.about(ada.id(), "Wrong invoice total"));
        Ticket second = crm.tickets().open(NewTicket.about(ada.id(), "Second invoice question"));
        Ticket api = crm.tickets().open(NewTicket.about(ada.id(), "API returns 500"));

        assertThat(crm.tickets().get(first.id()).assigneeId()).isEqualTo(UserId.of("agent1"));
        assertThat(crm.tickets().get(second.id()).assigneeId()).isEqualTo(UserId.of("agent2"));
        assertThat(crm.tickets().get(api.id()).assigneeId()).isEqualTo(UserId.of("agent3"));
        assertThat(crm.tasks().tasksOf(first.id())).singleElement()
                .satisfies(t -> assertThat(t.assigneeId()).isEqualTo(UserId.of("agent1")));
    }

    @Test
    void aLoggedPurchaseRestartsTheNinetyDaysBeforeADiscountOffer() {
        Rule rule = Rule.named("win-back").enrollment(Enrollment.RE_ENROLL)
                .when(Triggers.inactivity(Duration.ofDays(90), ActivityType.PURCHASE))
                .then(Actions.sendMessage("discount-offer")).build();
        WorkflowEngine engine = engine(RuleSet.of(List.of(rule)));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "B"));
        clock.advance(Duration.ofDays(60));
        crm.activities().log(NewActivity.of(ActivityType.PURCHASE, Channel.WEB).byCustomer().contact(ada.id()));

        clock.advance(Duration.ofDays(30));
        engine.tick();
        assertThat(sent).isEmpty();
        clock.advance(Duration.ofDays(60));
        engine.tick();

        assertThat(sent).singleElement().satisfies(m -> assertThat(m.recipient()).isEqualTo(ada.id()));
    }
}
