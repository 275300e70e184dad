package dev.rapport.crm.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Actor;
import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.marketing.Campaign;
import dev.rapport.crm.marketing.CampaignChannel;
import dev.rapport.crm.marketing.NewCampaign;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.service.NewTicket;
import dev.rapport.crm.service.Ticket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Activities, tasks, tickets and campaigns carry custom fields checked against their schema. */
class EngagementCustomFieldsTest {
    private final Crm crm = Crm.builder()
            .directory(new InMemoryDirectory().addUser(User.of(UserId.of("bob"))))
            .actor(() -> Actor.user("bob"))
            .build();
    private final Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));

    private static void refusedOn(String field, Runnable command) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(CrmValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void ticketsCarryValidatedCustomFields() {
        crm.customFields().define(EntityType.TICKET, FieldDefinition.of("severity", FieldType.NUMBER));
        Ticket ticket = crm.tickets().open(NewTicket.about(ada.id(), "Printer on fire")
                .field("severity", FieldValue.number(2)));
        assertThat(ticket.customFields().get("severity")).contains(FieldValue.number(2));
        List<CrmEvent> events = new ArrayList<>();
        crm.events().subscribe(events::add);

        refusedOn("customFields.severity", () -> crm.tickets().open(NewTicket.about(ada.id(), "Bad")
                .field("severity", FieldValue.text("high"))));
        refusedOn("customFields.unknown", () -> crm.tickets().update(ticket.withCustomFields(
                ticket.customFields().with("unknown", FieldValue.bool(true)))));
        assertThat(events).isEmpty();
        assertThat(crm.tickets().get(ticket.id())).isEqualTo(ticket);

        Ticket updated = crm.tickets().update(ticket.withCustomFields(
                ticket.customFields().with("severity", FieldValue.number(1))));
        assertThat(updated.customFields().get("severity")).contains(FieldValue.number(1));
        assertThat(updated.version()).isEqualTo(ticket.version() + 1);
    }

    @Test
    void tasksActivitiesAndCampaignsCarryValidatedCustomFields() {
        crm.customFields().define(EntityType.TASK, FieldDefinition.of("effort", FieldType.NUMBER));
        crm.customFields().define(EntityType.ACTIVITY, FieldDefinition.of("sentiment", FieldType.ENUM)
                .options("positive", "negative"));
        crm.customFields().define(EntityType.CAMPAIGN, FieldDefinition.of("region", FieldType.TEXT));

        Task task = crm.tasks().create(NewTask.titled("Call back").contact(ada.id())
                .field("effort", FieldValue.number(3)));
        Activity call = crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE).contact(ada.id())
                .field("sentiment", FieldValue.choice("positive")));
        Campaign campaign = crm.campaigns().create(NewCampaign.named("Spring", CampaignChannel.EMAIL)
                .budget(Money.of("100.00", "EUR")).field("region", FieldValue.text("DACH")));

        assertThat(task.customFields().get("effort")).contains(FieldValue.number(3));
        assertThat(call.customFields().get("sentiment")).contains(FieldValue.choice("positive"));
        assertThat(campaign.customFields().get("region")).contains(FieldValue.text("DACH"));

        refusedOn("customFields.effort", () -> crm.tasks().create(NewTask.titled("x").contact(ada.id())
                .field("effort", FieldValue.text("lots"))));
        refusedOn("customFields.sentiment", () -> crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.OTHER)
                .contact(ada.id()).field("sentiment", FieldValue.choice("meh"))));
        refusedOn("customFields.region", () -> crm.campaigns().create(NewCampaign.named("Bad", CampaignChannel.EMAIL)
                .budget(Money.of("1.00", "EUR")).field("region", FieldValue.number(1))));

        Activity corrected = crm.activities().correct(call.withCustomFields(
                call.customFields().with("sentiment", FieldValue.choice("negative"))));
        assertThat(corrected.customFields().get("sentiment")).contains(FieldValue.choice("negative"));
        assertThat(crm.tasks().update(task.withCustomFields(CustomFields.empty())).customFields().isEmpty()).isTrue();
        assertThat(crm.campaigns().update(campaign.withCustomFields(CustomFields.empty())).customFields().isEmpty())
                .isTrue();
    }
}
