package dev.rapport.crm.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.LifecycleChanged;
import dev.rapport.crm.lifecycle.JourneyStage;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.spi.IdGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactServiceTest {
    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private final InMemoryDirectory directory = new InMemoryDirectory()
            .addUser(User.of(UserId.of("alice")))
            .addUser(new User(UserId.of("gone"), false));
    private final Crm crm = Crm.builder().clock(clock).directory(directory)
            .idGenerator(IdGenerator.sequential("t")).build();
    private final List<CrmEvent> events = new ArrayList<>();

    {
        crm.events().subscribe(events::add);
    }

    @Test
    void createStoresVersionOneAndPublishesContactCreated() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        events.clear();

        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example")
                .account(acme.id()).owner(UserId.of("alice")));

        assertThat(ada.version()).isEqualTo(1);
        assertThat(ada.lifecycleStage()).isEqualTo(LifecycleStage.LEAD);
        assertThat(crm.contacts().get(ada.id())).isEqualTo(ada);
        assertThat(events).singleElement().isInstanceOfSatisfying(ContactCreated.class, e -> {
            assertThat(e.contactId()).isEqualTo(ada.id());
            assertThat(e.accountId()).isEqualTo(acme.id());
            assertThat(e.meta().occurredAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void aContactNeedsANameOrAnEmail() {
        assertThatThrownBy(() -> crm.contacts().create(NewContact.named(" ", null)))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(crm.contacts().count()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void anEmailUsedByAnotherContactIsRefusedAndNothingIsStored() {
        crm.contacts().create(NewContact.withEmail("ada@acme.example"));
        events.clear();

        assertThatThrownBy(() -> crm.contacts().create(NewContact.named("Eve", "Copy").email(" ADA@acme.example")))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(crm.contacts().count()).isEqualTo(1);
        assertThat(events).isEmpty();
    }

    @Test
    void ownersMustBeActiveUsersOfTheDirectory() {
        assertThatThrownBy(() -> crm.contacts().create(NewContact.named("A", "B").owner(UserId.of("nobody"))))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("ownerId"));
        assertThatThrownBy(() -> crm.contacts().create(NewContact.named("A", "B").owner(UserId.of("gone"))))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.reason()).contains("active"));
    }

    @Test
    void updateStoresTheNextVersionAndNamesTheChangedFields() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        clock.advance(Duration.ofMinutes(5));
        events.clear();

        Contact updated = crm.contacts().update(ada.withTitle("Analyst").withOwner(UserId.of("alice")));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        assertThat(updated.createdAt()).isEqualTo(ada.createdAt());
        assertThat(events).singleElement().isInstanceOfSatisfying(ContactUpdated.class,
                e -> assertThat(e.changedFields()).containsExactlyInAnyOrder("title", "ownerId"));
    }

    @Test
    void anUpdateThatChangesNothingStoresNothing() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        events.clear();
        assertThat(crm.contacts().update(ada)).isEqualTo(ada);
        assertThat(events).isEmpty();
    }

    @Test
    void theLifecycleCannotBeChangedThroughUpdate() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Contact forged = ada.advanceLifecycle(LifecycleStage.CUSTOMER, clock.instant(), dev.rapport.crm.Actor.SYSTEM);
        assertThatThrownBy(() -> crm.contacts().update(forged))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lifecycleStage"));
        assertThat(crm.contacts().get(ada.id()).lifecycleStage()).isEqualTo(LifecycleStage.LEAD);
    }

    @Test
    void theLifecycleMovesForwardAndRecordsEachMove() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        events.clear();

        crm.contacts().advanceLifecycle(ada.id(), LifecycleStage.MARKETING_QUALIFIED);
        Contact customer = crm.contacts().advanceLifecycle(ada.id(), LifecycleStage.CUSTOMER);

        assertThat(customer.lifecycleStage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(customer.lifecycleHistory()).extracting(t -> t.to())
                .containsExactly(LifecycleStage.LEAD, LifecycleStage.MARKETING_QUALIFIED, LifecycleStage.CUSTOMER);
        assertThat(events).hasSize(2).allMatch(e -> e instanceof LifecycleChanged);
    }

    @Test
    void aBackwardMoveWithoutOverrideIsRefusedAndChangesNothing() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").lifecycleStage(LifecycleStage.CUSTOMER));
        events.clear();

        assertThatThrownBy(() -> crm.contacts().advanceLifecycle(ada.id(), LifecycleStage.LEAD))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lifecycleStage"));
        assertThat(crm.contacts().get(ada.id())).isEqualTo(ada);
        assertThat(events).isEmpty();
    }

    @Test
    void anOverrideMovesBackwardAndRecordsItsReason() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").lifecycleStage(LifecycleStage.CUSTOMER));
        events.clear();

        Contact back = crm.contacts().overrideLifecycle(ada.id(), LifecycleStage.LEAD, "refunded and churned");

        assertThat(back.lifecycleStage()).isEqualTo(LifecycleStage.LEAD);
        assertThat(back.lifecycleHistory().get(back.lifecycleHistory().size() - 1)).satisfies(t -> {
            assertThat(t.override()).isTrue();
            assertThat(t.reason()).isEqualTo("refunded and churned");
        });
        assertThat(events).singleElement().isInstanceOfSatisfying(LifecycleChanged.class, e -> {
            assertThat(e.override()).isTrue();
            assertThat(e.reason()).isEqualTo("refunded and churned");
        });
    }

    @Test
    void anOverrideNeedsAReason() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        assertThatThrownBy(() -> crm.contacts().overrideLifecycle(ada.id(), LifecycleStage.SUBSCRIBER, "  "))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @Test
    void promoteNeverMovesBackward() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").lifecycleStage(LifecycleStage.EVANGELIST));
        assertThat(crm.contacts().promoteLifecycle(ada.id(), LifecycleStage.CUSTOMER)).isEqualTo(ada);
        Contact lead = crm.contacts().create(NewContact.named("Bob", "B"));
        assertThat(crm.contacts().promoteLifecycle(lead.id(), LifecycleStage.OPPORTUNITY).lifecycleStage())
                .isEqualTo(LifecycleStage.OPPORTUNITY);
    }

    @Test
    void theJourneyStageMovesInAnyDirection() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        crm.contacts().setJourneyStage(ada.id(), JourneyStage.ADVOCACY);
        assertThat(crm.contacts().setJourneyStage(ada.id(), JourneyStage.ADOPTION).journeyStage())
                .isEqualTo(JourneyStage.ADOPTION);
    }

    @Test
    void lookUpsUseTheCurrentIndexedValues() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example")
                .account(acme.id()));
        Contact moved = crm.contacts().update(ada.withEmails(List.of(EmailAddress.of("ada@new.example")))
                .withAccount(null).withOwner(UserId.of("alice")));

        assertThat(crm.contacts().findByEmail("ada@acme.example")).isEmpty();
        assertThat(crm.contacts().findByEmail("Ada@New.example")).contains(moved);
        assertThat(crm.contacts().findByAccount(acme.id())).isEmpty();
        assertThat(crm.contacts().findByOwner(UserId.of("alice"))).containsExactly(moved);
    }

    @Test
    void anUnknownContactIsNotFound() {
        assertThatThrownBy(() -> crm.contacts().advanceLifecycle(ContactId.of("nope"), LifecycleStage.CUSTOMER))
                .isInstanceOf(CrmNotFoundException.class)
                .hasMessageContaining("Contact nope");
    }

    @Test
    void aListHoldingNullIsRefusedNamingTheFieldWhateverListItIs() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));
        EmailAddress mail = ada.emails().get(0);
        // Stream.toList() makes an immutable list that may hold null, of any length.
        for (List<EmailAddress> emails : List.of(java.util.stream.Stream.of((EmailAddress) null).toList(),
                java.util.stream.Stream.of(mail, null).toList(), java.util.stream.Stream.of(mail, new EmailAddress("grace@acme.example"), null).toList(),
                java.util.Arrays.asList(mail, null))) {
            assertThatThrownBy(() -> ada.withEmails(emails)).isInstanceOfSatisfying(CrmValidationException.class,
                    e -> assertThat(e.field()).isEqualTo("emails"));
        }
        assertThat(ada.withEmails(List.of(mail)).emails()).containsExactly(mail);
        assertThat(crm.contacts().get(ada.id()).emails()).containsExactly(mail);
    }
}
