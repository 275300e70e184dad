package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.examples.rules.OnboardingRules;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.io.ExportFormat;
import dev.rapport.crm.io.ImportMapping;
import dev.rapport.crm.io.ImportResult;
import dev.rapport.crm.io.ImportSource;
import dev.rapport.crm.jpa.JpaCrmStore;
import dev.rapport.crm.jpa.JpaOutbox;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import dev.rapport.crm.sales.ForecastCategory;
import dev.rapport.crm.sales.NewPipeline;
import dev.rapport.crm.sales.Stage;
import dev.rapport.crm.sales.StageRequirement;
import dev.rapport.crm.spi.CrmStore;
import dev.rapport.crm.testkit.CrmGen;
import dev.rapport.crm.testkit.RuleHarness;
import dev.rapport.crm.workflow.ActionTypes;
import dev.rapport.crm.workflow.Actions;
import dev.rapport.crm.workflow.Conditions;
import dev.rapport.crm.workflow.EntityKind;
import dev.rapport.crm.workflow.JsonRules;
import dev.rapport.crm.workflow.Operator;
import dev.rapport.crm.workflow.Rule;
import dev.rapport.crm.workflow.RuleSet;
import dev.rapport.crm.workflow.Schema;
import dev.rapport.crm.workflow.Triggers;
import dev.rapport.crm.workflow.WorkflowEngine;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java samples of docs/io.md, docs/workflows.md and docs/persistence.md, each a tagged region
 * exactly as the guide shows it (DocSamplesTest checks the guides against these regions), with
 * what it needs around it, run.
 */
class GuideSamplesTest {
    @TempDir
    Path dir;

    // ---------------------------------------------------------------- docs/io.md

    @Test
    void importAndExportAccounts() throws IOException {
        Crm crm = Crm.builder().build();
        Path path = dir.resolve("accounts.csv");
        Files.writeString(path, "Company,industry\nAcme GmbH,technolgy\nFleet Ltd,logistics\n", StandardCharsets.UTF_8);
        // tag::io-10[]
        ImportResult result = crm.imports().accounts(
                ImportSource.csv(Files.newInputStream(path)),           // UTF-8; a byte-order mark is skipped
                ImportMapping.create()
                        .column("Company", "name")                      // file column -> field
                        .alias("industry", "technolgy", "technology")   // a known misspelling
                        .currency("USD"));
        System.out.println(result.created() + " new, " + result.updated() + " changed, "
                + result.unchanged() + " unchanged, " + result.rejected() + " rejected");
        // end::io-10[]
        assertThat(result.created()).isEqualTo(2);
        assertThat(crm.accounts().count()).isEqualTo(2);

        path = dir.resolve("export.csv");
        // tag::io-89[]
        try (Writer out = Files.newBufferedWriter(path)) {
            crm.exports().accounts(out, ExportFormat.CSV);     // or ExportFormat.JSON
        }
        // end::io-89[]
        assertThat(Files.readString(path, StandardCharsets.UTF_8)).contains("Acme GmbH", "technology");
    }

    // ---------------------------------------------------------------- docs/workflows.md

    /** The host's mailer in the workflow guide's sample. */
    static final class Mailer {
        final List<String> sent = new ArrayList<>();

        void send(String template, EntityId recipient) {
            sent.add(template + " " + recipient.value());
        }
    }

    @Test
    void aRuleInJava() {
        InMemoryDirectory directory = new InMemoryDirectory();
        directory.addUser(User.of(UserId.of("alice")));
        directory.addUser(User.of(UserId.of("bob")));
        Crm crm = Crm.builder().directory(directory).build();
        Mailer mailer = new Mailer();
        // tag::workflows-72[]
        Rule welcome = Rule.named("welcome-web-contacts").version(1)
            .when(Triggers.event(ContactCreated.class))
            .ifCondition(Conditions.all(
                Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "web-form"),
                Conditions.contact("has an e-mail", c -> c.primaryEmail().isPresent())))
            .then(Actions.assignOwnerRoundRobin(List.of(UserId.of("alice"), UserId.of("bob"))),
                  Actions.sendMessage("welcome"),
                  Actions.waitFor(Duration.ofDays(2)),
                  Actions.addTag("welcomed"))
            .priority(10)
            .build();

        WorkflowEngine engine = WorkflowEngine.builder(crm)
            .rules(RuleSet.of(List.of(welcome)))
            .messageSender(message -> mailer.send(message.template(), message.recipient()))
            .build();
        // end::workflows-72[]
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example").tag("web-form"));
        assertThat(mailer.sent).containsExactly("welcome " + ada.id().value());
        assertThat(crm.contacts().get(ada.id()).ownerId()).isEqualTo(UserId.of("alice"));
        engine.close();
    }

    @Test
    void jsonRulesWithACustomField() {
        String json = """
                {"rules": [{"id": "renewal-alert", "entity": "account",
                  "trigger": {"dateOffset": {"field": "custom.renewal_date", "days": -30, "at": "09:00", "zone": "UTC"}},
                  "actions": [{"type": "addTag", "tag": "renewal-due"}]}]}
                """;
        // tag::workflows-126[]
        RuleSet rules = JsonRules.parser()
            .schema(Schema.standard().withCustomField(EntityKind.ACCOUNT, "renewal_date", FieldType.DATE))
            .actionTypes(ActionTypes.installed())
            .parse(json);
        // end::workflows-126[]
        assertThat(rules.rules()).extracting(Rule::id).containsExactly("renewal-alert");
    }

    @Test
    void propertyTestingRulesWithTheHarness() {
        RuleSet rules = OnboardingRules.rules();
        // tag::workflows-322[]
        PropertyCheck.forAll(Gen.lists(CrmGen.newContacts(), 0, 8)).check(commands -> {
            RuleHarness run = RuleHarness.with(rules);
            commands.forEach(run.crm().contacts()::create);
            run.advance(Duration.ofDays(3));
            assertThat(run.deadLetters()).isEmpty();
        });
        // end::workflows-322[]
    }

    // ---------------------------------------------------------------- docs/persistence.md

    /** The tables of the unit "crm" (test resources), from the adapter's scripts. */
    private static void guideDatabase() {
        ExampleDatabase.migrate("jdbc:h2:mem:rapport-guides;DB_CLOSE_DELAY=-1");
    }

    /** The host's message broker in the outbox sample. */
    static final class Broker {
        final List<String> types = new ArrayList<>();

        void send(String type, String payload) {
            assertThat(payload).startsWith("{");
            types.add(type);
        }
    }

    @Test
    void plainJavaOwningItsTransactions() {
        guideDatabase();
        // tag::persistence-75[]
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("crm");
        Crm crm = Crm.builder()
            .store(JpaCrmStore.owning(emf).build())
            .build();

        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));
        // end::persistence-75[]
        assertThat(crm.contacts().findByEmail("ada@acme.example")).contains(ada);

        Broker broker = new Broker();
        // tag::persistence-147[]
        JpaOutbox outbox = JpaOutbox.on(emf);
        int delivered = outbox.deliver(100, entry -> broker.send(entry.eventType(), entry.payload()));
        // end::persistence-147[]
        assertThat(delivered).isPositive();
        assertThat(broker.types).anyMatch(type -> type.endsWith("ContactCreated"));

        crm.contacts().create(NewContact.named("Grace", "Hopper"));
        List<CrmEvent> relayed = new ArrayList<>();
        Consumer<CrmEvent> workflow = relayed::add;
        // tag::persistence-162[]
        outbox.deliver(100, entry -> workflow.accept(entry.event()));
        // end::persistence-162[]
        assertThat(relayed).singleElement().isInstanceOf(ContactCreated.class);
        emf.close();
    }

    @Test
    void aCachedStore() {
        guideDatabase();
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("crm");
        Logger log = LoggerFactory.getLogger(GuideSamplesTest.class);
        // tag::persistence-174[]
        JpaCrmStore store = JpaCrmStore.owning(emf).cache(10_000, Duration.ofMinutes(5)).build();
        store.cacheStats().ifPresent(stats -> log.info("CRM cache hit rate {}", stats.hitRate()));
        // end::persistence-174[]
        assertThat(store.cacheStats()).isPresent();
        emf.close();
    }

    @Test
    void aRegisteredStageRequirement() {
        guideDatabase();
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("crm");
        // tag::persistence-195[]
        StageRequirement budget = StageRequirement.of("budget", "a budget is required", o -> o.amount() != null);
        CrmStore store = JpaCrmStore.owning(emf).stageRequirement(budget).build();
        // end::persistence-195[]
        Crm crm = Crm.builder().store(store).build();
        assertThat(crm.pipelines().create(NewPipeline.named("Budgeted")
                .stage(Stage.open("open", "Open", BigDecimal.ONE,
                        ForecastCategory.PIPELINE).requiring(budget))
                .stage(Stage.won("won", "Won"))
                .stage(Stage.lost("lost", "Lost"))).requireStage("open").requirements())
                .containsExactly(budget);
        emf.close();
    }

    /**
     * The guide's framework sample: Spring's annotations and the host's order types stand in here
     * as local declarations, so the sample's use of Rapport and JPA is compiled as written.
     */
    @SuppressWarnings("unused")
    static class SpringSample {
        @interface Configuration {
        }

        @interface Bean {
        }

        @interface Service {
        }

        @interface Transactional {
        }

        record Order(ContactId contactId) {
        }

        interface Orders {
            void save(Order order);
        }

        Orders orders;
        Crm crm;

        // tag::persistence-94[]
        @Configuration
        class CrmConfiguration {
            @PersistenceContext
            private EntityManager entityManager;        // the shared proxy: always the current transaction's

            @Bean
            Crm crm() {
                return Crm.builder().store(JpaCrmStore.joining(() -> entityManager).build()).build();
            }
        }

        @Service
        class Checkout {
            @Transactional                              // one transaction: the order and the CRM change
            void placeOrder(Order order) {
                orders.save(order);
                crm.contacts().promoteLifecycle(order.contactId(), LifecycleStage.CUSTOMER);
            }
        }
        // end::persistence-94[]
    }
}
