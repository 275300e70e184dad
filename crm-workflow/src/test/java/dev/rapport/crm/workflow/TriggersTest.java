package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.activity.ActivityId;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.event.ActivityLogged;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggersTest {
    private final Fixture f = new Fixture()
            .define(dev.rapport.crm.field.EntityType.ACCOUNT, "renewal_date", FieldType.DATE);

    @Test
    void aPropertyChangeFiresOnTheEdgeNotTheLevel() {
        Rule rule = Rule.named("became-vip").enrollment(Enrollment.RE_ENROLL)
                .when(Triggers.propertyChange(Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "vip")))
                .then(f.record("vip")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        Contact ada = f.contact("Ada");

        f.tag(ada, "vip");     // false -> true: fires
        f.tag(ada, "more");    // true -> true: no edge
        f.untag(ada, "vip");   // true -> false
        f.tag(ada, "vip");     // false -> true: fires again

        assertThat(f.log).hasSize(2);
        assertThat(f.outcomes(engine, "became-vip")).containsExactly(Trace.Outcome.NO_EDGE, Trace.Outcome.COMPLETED,
                Trace.Outcome.NO_EDGE, Trace.Outcome.NO_EDGE, Trace.Outcome.COMPLETED);
    }

    private ActivityLogged purchase(Contact c) {
        return new ActivityLogged(f.meta(), ActivityId.of("a-" + f.clock.instant()), ActivityType.PURCHASE,
                List.of(c.id()));
    }

    @Test
    void inactivityFiresAfterTheDurationWithoutActivity() {
        Rule rule = Rule.named("win-back").when(Triggers.inactivity(Duration.ofDays(90), ActivityType.PURCHASE))
                .then(Actions.sendMessage("discount-offer")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        Contact ada = f.contact("Ada");

        f.clock.advance(Duration.ofDays(89));
        engine.tick();
        assertThat(f.sent).isEmpty();
        f.clock.advance(Duration.ofDays(1));
        engine.tick();

        assertThat(f.sent).singleElement().satisfies(m -> {
            assertThat(m.template()).isEqualTo("discount-offer");
            assertThat(m.recipient()).isEqualTo(ada.id());
        });
    }

    @Test
    void anActivityOfTheKindRestartsTheInactivityCount() {
        Rule rule = Rule.named("win-back").when(Triggers.inactivity(Duration.ofDays(90), ActivityType.PURCHASE))
                .then(Actions.sendMessage("discount-offer")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        Contact ada = f.contact("Ada");
        f.clock.advance(Duration.ofDays(30));
        engine.handle(purchase(ada));

        f.clock.advance(Duration.ofDays(60));
        engine.tick();
        assertThat(f.sent).isEmpty();
        f.clock.advance(Duration.ofDays(30));
        engine.tick();

        assertThat(f.sent).hasSize(1);
    }

    @Test
    void aDateOffsetFiresTheGivenDaysBeforeTheDate() {
        Schema schema = Schema.standard().withCustomField(EntityKind.ACCOUNT, "renewal_date", FieldType.DATE);
        Rule rule = Rule.named("renewal-alert").on(EntityKind.ACCOUNT).schema(schema)
                .when(Triggers.dateOffset("custom.renewal_date", -30, LocalTime.of(9, 0), ZoneOffset.UTC))
                .then(f.record("renewal")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        Account acme = f.crm.accounts().create(NewAccount.named("Acme")
                .field("renewal_date", FieldValue.date(LocalDate.of(2027, 1, 31))));

        f.clock.set(Instant.parse("2027-01-01T08:59:00Z"));
        engine.tick();
        assertThat(f.log).isEmpty();
        f.clock.set(Instant.parse("2027-01-01T09:00:00Z"));
        engine.tick();

        assertThat(f.log).containsExactly("renewal:" + acme.id().value());
    }

    @Test
    void movingTheDateMovesTheTimer() {
        Schema schema = Schema.standard().withCustomField(EntityKind.ACCOUNT, "renewal_date", FieldType.DATE);
        Rule rule = Rule.named("renewal-alert").on(EntityKind.ACCOUNT).schema(schema)
                .when(Triggers.dateOffset("custom.renewal_date", -30, LocalTime.of(9, 0), ZoneOffset.UTC))
                .then(f.record("renewal")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        Account acme = f.crm.accounts().create(NewAccount.named("Acme")
                .field("renewal_date", FieldValue.date(LocalDate.of(2027, 1, 31))));
        f.crm.accounts().update(acme.withCustomFields(acme.customFields()
                .with("renewal_date", FieldValue.date(LocalDate.of(2027, 3, 31)))));

        f.clock.set(Instant.parse("2027-01-02T00:00:00Z"));
        engine.tick();
        assertThat(f.log).isEmpty();
        f.clock.set(Instant.parse("2027-03-01T09:00:00Z"));
        engine.tick();

        assertThat(f.log).hasSize(1);
        assertThat(engine.pendingTimers()).isZero();
    }

    @Test
    void aScheduleRunsDailyAtTheLocalTimeOfItsZone() {
        Rule rule = Rule.named("digest").when(Triggers.daily(LocalTime.of(9, 0), ZoneId.of("Europe/Berlin")))
                .then(f.record("digest")).build();
        f.clock.set(Instant.parse("2026-11-02T07:00:00Z"));
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();

        f.clock.set(Instant.parse("2026-11-02T07:59:59Z"));
        engine.tick();
        assertThat(f.log).isEmpty();
        f.clock.set(Instant.parse("2026-11-02T08:00:00Z"));   // 09:00 in Berlin (CET)
        engine.tick();
        assertThat(f.log).containsExactly("digest:-");
        f.clock.set(Instant.parse("2026-11-03T08:00:00Z"));
        engine.tick();

        assertThat(f.log).containsExactly("digest:-", "digest:-");
    }
}
