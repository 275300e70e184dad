package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.ActivityId;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.Team;
import dev.rapport.crm.directory.TeamId;
import dev.rapport.crm.directory.Territory;
import dev.rapport.crm.directory.TerritoryId;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.ActivityLogged;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.LeadCaptured;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.party.PostalAddress;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.NewSubscription;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.spi.IdGenerator;
import dev.rapport.crm.workflow.spi.Message;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed scenarios, end to end on a CRM with a directory of sales reps and agents. */
class ScenariosTest {
    private final TestClock clock = TestClock.at("2026-11-02T10:00:00Z");
    private final TeamId sales = TeamId.of("sales");
    private final TeamId support = TeamId.of("support");
    private final InMemoryDirectory directory = new InMemoryDirectory()
            .addTeam(Team.of(sales, "Sales").withMembers(List.of(UserId.of("rep1"), UserId.of("rep2"))))
            .addTeam(Team.of(support, "Support").withMembers(List.of(UserId.of("agent1"), UserId.of("agent2"))))
            .addUser(User.of(UserId.of("rep1")).withTeams(Set.of(sales)))
            .addUser(User.of(UserId.of("rep2")).withTeams(Set.of(sales)))
            .addUser(User.of(UserId.of("agent1")).withTeams(Set.of(support)).withSkills("billing"))
            .addUser(User.of(UserId.of("agent2")).withTeams(Set.of(support)).withSkills("integrations"))
            .addUser(User.of(UserId.of("dach")))
            .addTerritory(Territory.of(TerritoryId.of("dach"), "DACH").withCountries("DE", "AT", "CH")
                    .withOwners(UserId.of("dach")));
    private final Crm crm = Crm.builder().clock(clock).directory(directory).idGenerator(IdGenerator.sequential("s"))
            .build();
    private final List<Message> sent = new ArrayList<>();

    private WorkflowEngine engine(RuleSet rules) {
        return WorkflowEngine.builder(crm).rules(rules).messageSender(sent::add).build();
    }

    @Test
    void aWebFormLeadIsAssignedWelcomedAndFollowedUp() {
        Rule rule = Rule.named("web-form-welcome").priority(10).on(EntityKind.LEAD)
                .when(Triggers.event(LeadCaptured.class).filter("from the web form",
                        e -> e.source() == LeadSource.WEB_FORM))
                .then(Actions.assignOwnerRoundRobin(sales), Actions.sendMessage("welcome"),
                        Actions.waitFor(Duration.ofDays(2)), Actions.sendMessage("follow-up"))
                .build();
        WorkflowEngine engine = engine(RuleSet.of(List.of(rule)));

        Lead ada = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).email("ada@fleet.example"));
        Lead bob = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).email("bob@fleet.example"));
        crm.leads().capture(NewLead.from(LeadSource.REFERRAL).email("cid@fleet.example"));
        clock.advance(Duration.ofDays(2));
        engine.tick();

        assertThat(crm.leads().get(ada.id()).ownerId()).isEqualTo(UserId.of("rep1"));
        assertThat(crm.leads().get(bob.id()).ownerId()).isEqualTo(UserId.of("rep2"));
        assertThat(sent).extracting(Message::template, m -> m.recipient().value()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("welcome", ada.id().value()),
                org.assertj.core.groups.Tuple.tuple("welcome", bob.id().value()),
                org.assertj.core.groups.Tuple.tuple("follow-up", ada.id().value()),
                org.assertj.core.groups.Tuple.tuple("follow-up", bob.id().value()));
    }

    @Test
    void aLeadReachingTheThresholdBecomesMarketingQualifiedOnce() {
        RuleSet rules = JsonRules.parser().parse("""
                {"rules": [{"id": "score-web", "entity": "lead", "enrollment": "RE_ENROLL",
                  "trigger": {"event": "LeadUpdated"},
                  "condition": {"field": "tags", "op": "contains", "value": "visited-pricing"},
                  "actions": [{"type": "score", "add": 30, "mqlThreshold": 50}]}]}""");
        WorkflowEngine engine = engine(rules);
        Lead lead = crm.leads().capture(NewLead.from(LeadSource.WEBSITE).email("eve@fleet.example"));
        crm.leads().update(lead.withTags(Set.of("visited-pricing")));                                 // 0 -> 30
        crm.leads().update(crm.leads().get(lead.id()).withTags(Set.of()));                            // not matching
        crm.leads().update(crm.leads().get(lead.id()).withTags(Set.of("visited-pricing")));           // 30 -> 60

        Lead now = crm.leads().get(lead.id());
        assertThat(now.score()).isEqualTo(60);
        assertThat(now.tags()).contains(Actions.MQL_TAG);
        assertThat(engine.traces().stream().filter(t -> t.outcome() == Trace.Outcome.COMPLETED)
                .flatMap(t -> t.steps().stream()).map(StepTrace::detail))
                .containsExactly("score 0 -> 30", "score 30 -> 60, marketing-qualified");
    }

    @Test
    void aContactsScoreDecaysAndCrossingTheThresholdPromotesIt() {
        crm.customFields().define(dev.rapport.crm.field.EntityType.CONTACT,
                dev.rapport.crm.field.FieldDefinition.of(Actions.CONTACT_SCORE_FIELD,
                        dev.rapport.crm.field.FieldType.NUMBER));
        Rule add = Rule.named("engaged").when(Triggers.event(ContactCreated.class))
                .then(Actions.addScore(80, 50), Actions.decayScore(25)).build();
        engine(RuleSet.of(List.of(add)));

        Contact ada = crm.contacts().create(NewContact.named("Ada", "B"));

        Contact now = crm.contacts().get(ada.id());
        assertThat(now.lifecycleStage()).isEqualTo(LifecycleStage.MARKETING_QUALIFIED);
        assertThat(now.customFields().get(Actions.CONTACT_SCORE_FIELD))
                .contains(dev.rapport.crm.field.FieldValue.number(60));
    }

    @Test
    void aCustomerWithoutAPurchaseFor90DaysGetsADiscountOffer() {
        RuleSet rules = JsonRules.parser().parse("""
                {"rules": [{"id": "win-back",
                  "trigger": {"inactivity": {"days": 90, "activities": ["PURCHASE"]}},
                  "condition": {"field": "lifecycleStage", "op": "in", "value": ["CUSTOMER", "EVANGELIST"]},
                  "suppress": {"field": "tags", "op": "contains", "value": "no-offers"},
                  "actions": [{"type": "sendMessage", "template": "discount-offer", "parameters": {"percent": "10"}},
                              {"type": "addTag", "tag": "offer-sent"}]}]}""");
        WorkflowEngine engine = engine(rules);
        Contact loyal = crm.contacts().create(NewContact.named("Loyal", "Buyer").lifecycleStage(LifecycleStage.CUSTOMER));
        Contact lapsed = crm.contacts().create(NewContact.named("Lapsed", "Buyer")
                .lifecycleStage(LifecycleStage.CUSTOMER));
        crm.contacts().create(NewContact.named("Never", "Bought"));
        crm.contacts().create(NewContact.named("Opted", "Out").lifecycleStage(LifecycleStage.CUSTOMER).tag("no-offers"));

        clock.advance(Duration.ofDays(60));
        engine.handle(new ActivityLogged(new dev.rapport.crm.event.EventMeta(dev.rapport.crm.event.EventId.of("p1"),
                crm.tenant(), clock.instant(), dev.rapport.crm.Actor.SYSTEM), ActivityId.of("order-1"),
                ActivityType.PURCHASE, List.of(loyal.id())));
        clock.advance(Duration.ofDays(30));
        engine.tick();

        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.template()).isEqualTo("discount-offer");
            assertThat(m.recipient()).isEqualTo(lapsed.id());
            assertThat(m.parameters()).containsEntry("percent", "10");
        });
        assertThat(crm.contacts().get(lapsed.id()).tags()).contains("offer-sent");
    }

    @Test
    void aRenewalAlertGoesOut30DaysBeforeTheRenewalDate() {
        Rule rule = Rule.named("renewal-alert").on(EntityKind.SUBSCRIPTION)
                .when(Triggers.dateOffset("renewalDate", -30, java.time.LocalTime.of(9, 0), java.time.ZoneOffset.UTC))
                .ifCondition(Conditions.field(EntityKind.SUBSCRIPTION, "status", Operator.EQ, "ACTIVE"))
                .then(Actions.sendMessage("renewal-reminder")).build();
        WorkflowEngine engine = engine(RuleSet.of(List.of(rule)));
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Subscription sub = crm.subscriptions().start(NewSubscription.of(acme.id(), "pro", Money.of("99.00", "EUR"))
                .startingOn(LocalDate.of(2026, 11, 1)).renewingOn(LocalDate.of(2027, 2, 1)));

        clock.set(Instant.parse("2027-01-02T08:00:00Z"));
        engine.tick();
        assertThat(sent).isEmpty();
        clock.set(Instant.parse("2027-01-02T09:00:00Z"));
        engine.tick();

        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.template()).isEqualTo("renewal-reminder");
            assertThat(m.recipient()).isEqualTo(sub.id());
        });
    }

    @Test
    void aReEnrollingRenewalAlertGoesOutAgainForTheNextRenewal() {
        Rule rule = Rule.named("renewal-alert").on(EntityKind.SUBSCRIPTION).enrollment(Enrollment.RE_ENROLL)
                .when(Triggers.dateOffset("renewalDate", -30, java.time.LocalTime.of(9, 0), java.time.ZoneOffset.UTC))
                .then(Actions.sendMessage("renewal-reminder")).build();
        WorkflowEngine engine = engine(RuleSet.of(List.of(rule)));
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Subscription sub = crm.subscriptions().start(NewSubscription.of(acme.id(), "pro", Money.of("99.00", "EUR"))
                .startingOn(LocalDate.of(2026, 11, 1)).renewingOn(LocalDate.of(2027, 2, 1)));
        clock.set(Instant.parse("2027-01-02T09:00:00Z"));
        engine.tick();

        clock.set(Instant.parse("2027-02-01T10:00:00Z"));
        crm.subscriptions().renew(sub.id(), LocalDate.of(2028, 2, 1));
        clock.set(Instant.parse("2028-01-02T09:00:00Z"));
        engine.tick();

        assertThat(sent).extracting(Message::template).containsExactly("renewal-reminder", "renewal-reminder");
    }

    @Test
    void workIsRoutedBySkillToTheLeastLoadedAgent() {
        Rule rule = Rule.named("route-billing").on(EntityKind.ACCOUNT)
                .when(Triggers.event(dev.rapport.crm.event.AccountCreated.class))
                .ifCondition(Conditions.field(EntityKind.ACCOUNT, "tags", Operator.CONTAINS, "billing-issue"))
                .then(Actions.assignOwnerLeastLoaded(support, Set.of("billing"))).build();
        engine(RuleSet.of(List.of(rule)));

        Account acme = crm.accounts().create(NewAccount.named("Acme").tag("billing-issue"));

        assertThat(crm.accounts().get(acme.id()).ownerId()).isEqualTo(UserId.of("agent1"));
    }

    @Test
    void leastLoadedPicksTheMemberWithFewerOpenDeals() {
        crm.opportunities().create(NewOpportunity.named("Busy deal").owner(UserId.of("rep1")));
        Rule rule = Rule.named("least").on(EntityKind.ACCOUNT)
                .when(Triggers.event(dev.rapport.crm.event.AccountCreated.class))
                .then(Actions.assignOwnerLeastLoaded(sales, Set.of())).build();
        engine(RuleSet.of(List.of(rule)));

        Account acme = crm.accounts().create(NewAccount.named("Acme"));

        assertThat(crm.accounts().get(acme.id()).ownerId()).isEqualTo(UserId.of("rep2"));
    }

    @Test
    void aContactIsAssignedToTheOwnerOfItsAccountsTerritory() {
        RuleSet rules = JsonRules.parser().parse("""
                {"rules": [{"id": "territory", "trigger": {"event": "ContactCreated"},
                            "actions": [{"type": "assignOwner", "strategy": "territory"}]}]}""");
        engine(rules);
        Account berlin = crm.accounts().create(NewAccount.named("Berlin GmbH").address(PostalAddress.country("DE")));

        Contact ada = crm.contacts().create(NewContact.named("Ada", "B").account(berlin.id()));

        assertThat(crm.contacts().get(ada.id()).ownerId()).isEqualTo(UserId.of("dach"));
    }
}
