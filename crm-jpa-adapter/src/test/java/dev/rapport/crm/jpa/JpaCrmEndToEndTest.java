package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.PersonalDataErased;
import dev.rapport.crm.governance.ConsentChannel;
import dev.rapport.crm.governance.ConsentPurpose;
import dev.rapport.crm.governance.ErasureReport;
import dev.rapport.crm.governance.PrivacyService;
import dev.rapport.crm.identity.MergeRecord;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.marketing.Campaign;
import dev.rapport.crm.marketing.CampaignChannel;
import dev.rapport.crm.marketing.NewCampaign;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.service.NewTicket;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.spi.CrmStore;
import dev.rapport.crm.spi.IdGenerator;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole {@link Crm} on the JPA store, with each provider on H2 (and on PostgreSQL and MariaDB
 * when enabled): identity merge, engagement and GDPR erasure, checked in the database's own rows,
 * including the outbox, and in the host's transaction.
 */
class JpaCrmEndToEndTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123456789Z");
    private static final UserId SAM = UserId.of("sam");

    private final TenantId tenant = TenantId.of("e2e-" + UUID.randomUUID().toString().substring(0, 13));

    private Crm crm(CrmStore store) {
        return crm(store, "e");
    }

    private Crm crm(CrmStore store, String idPrefix) {
        return Crm.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).idGenerator(IdGenerator.sequential(idPrefix))
                .directory(new InMemoryDirectory().addUser(User.of(SAM))).store(store).tenant(tenant)
                .privacySecret("a secret of the installation".getBytes(StandardCharsets.UTF_8)).build();
    }

    /** The events of the tenant's outbox rows, in order. */
    private List<CrmEvent> outbox(TestDatabase database) throws Exception {
        List<CrmEvent> events = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement st = connection.prepareStatement("SELECT event_type, payload FROM rapport_outbox"
                        + " WHERE tenant_id = ? ORDER BY seq")) {
            st.setString(1, tenant.value());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    events.add(EventCodec.decode(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return events;
    }

    private static boolean concerns(CrmEvent event, Set<? extends EntityId> ids) {
        return event.subjects().stream().anyMatch(ids::contains);
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void aMergeAndThenAnErasureRunThroughTheCrmAndLeaveNoPersonalDataInAnyTable(TestDatabase database,
            TestDatabase.Provider provider) throws Exception {
        Crm crm = crm(JpaCrmStore.owning(database.factory(provider)).build());
        Contact ada = crm.contacts().create(NewContact.named("Augusta", "Kingsford").email("augusta@engine.example")
                .phone("+44 20 7946 0101").title("Countess").externalId("erp", "AK-1"));
        Contact twin = crm.contacts().create(NewContact.named("Augusta", "Kingsford")
                .email("augusta+news@engine.example").title("Analyst"));
        Activity call = crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE).byUser(SAM)
                .contact(twin.id()).subject("Kingsford called").body("about the engine"));
        Ticket ticket = crm.tickets().open(NewTicket.about(twin.id(), "Kingsford cannot log in"));
        crm.tasks().create(NewTask.titled("Call Kingsford").contact(twin.id()).assignee(SAM));
        Campaign launch = crm.campaigns().create(NewCampaign.named("Launch", CampaignChannel.EMAIL)
                .budget(Money.of("100.00", "EUR")));
        crm.campaigns().addMember(launch.id(), twin.id());
        crm.privacy().consents().grant(twin.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "Kingsford fair");
        crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).name("Augusta", "Kingsford")
                .email("augusta@engine.example").company("Kingsford Analytics"));

        MergeRecord merge = crm.duplicates().mergeContacts(ada.id(), twin.id());

        assertThat(merge.relinked()).contains(call.id(), ticket.id());
        assertThat(crm.duplicates().mergesInto(ada.id())).containsExactly(merge);
        assertThat(crm.activities().timeline(ada.id(), PageRequest.first(10)).items()).extracting(Activity::id)
                .containsExactly(call.id());
        assertThat(crm.tickets().byContact(ada.id())).extracting(Ticket::id).containsExactly(ticket.id());
        assertThat(crm.campaigns().members(launch.id(), PageRequest.first(10)).items())
                .singleElement().satisfies(m -> assertThat(m.memberId()).isEqualTo(ada.id()));
        assertThat(crm.privacy().consents().find(ada.id())).isPresent();
        List<String> personal = List.of("Augusta", "Kingsford", "engine.example", "7946", "Countess", "Analyst",
                "AK-1");
        assertThat(database.placesHolding(tenant.value(), personal)).contains("rapport_contact.first_name",
                "rapport_contact_email.email", "rapport_contact_match_key.key_value",
                "rapport_contact_external_id.external_id", "rapport_activity.subject", "rapport_ticket.subject",
                "rapport_task.title", "rapport_consent.history", "rapport_lead.email");

        ErasureReport report = crm.privacy().erase(ada.id(), "request 2026-118");

        assertThat(database.placesHolding(tenant.value(), personal)).isEmpty();
        assertThat(report.eventsDropped()).isPositive();
        assertThat(crm.contacts().get(ada.id()).lastName()).isEqualTo(PrivacyService.ERASED_NAME);
        assertThat(crm.tickets().get(ticket.id()).contactId()).isEqualTo(ada.id());
        List<CrmEvent> kept = outbox(database);
        PersonalDataErased erased = (PersonalDataErased) kept.get(kept.size() - 1);
        Set<EntityId> erasedIds = new HashSet<>(erased.erased());
        assertThat(erasedIds).contains(ada.id(), call.id(), ticket.id());
        assertThat(kept.subList(0, kept.size() - 1)).noneMatch(e -> concerns(e, erasedIds));
    }

    @ParameterizedTest
    @MethodSource("dev.rapport.crm.jpa.TestDatabase#enabledStores")
    void anErasureInTheHostsTransactionIsUndoneWithItAndKeptWhenItCommits(TestDatabase database,
            TestDatabase.Provider provider) throws Exception {
        Crm owning = crm(JpaCrmStore.owning(database.factory(provider)).build());
        Contact ada = owning.contacts().create(NewContact.named("Augusta", "Kingsford").email("ak@engine.example"));
        owning.activities().log(NewActivity.of(ActivityType.NOTE, Channel.EMAIL).byUser(SAM).contact(ada.id())
                .body("Kingsford prefers e-mail"));
        EntityManager em = database.factory(provider).createEntityManager();
        try {
            Crm joined = crm(JpaCrmStore.joining(() -> em).build(), "host");
            em.getTransaction().begin();
            joined.privacy().erase(ada.id(), "request 1");
            em.getTransaction().rollback();

            assertThat(owning.contacts().get(ada.id()).lastName()).isEqualTo("Kingsford");
            assertThat(database.placesHolding(tenant.value(), List.of("Kingsford", "ak@engine.example")))
                    .contains("rapport_contact.last_name", "rapport_contact_email.email", "rapport_activity.body");

            em.clear();
            em.getTransaction().begin();
            joined.privacy().erase(ada.id(), "request 2");
            em.getTransaction().commit();

            assertThat(owning.contacts().get(ada.id()).lastName()).isEqualTo(PrivacyService.ERASED_NAME);
            assertThat(database.placesHolding(tenant.value(), List.of("Kingsford", "ak@engine.example"))).isEmpty();
        } finally {
            em.close();
        }
    }
}
