package dev.rapport.crm.workflow;

import dev.rapport.crm.Actor;
import dev.rapport.crm.Crm;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.EventId;
import dev.rapport.crm.event.EventMeta;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import dev.rapport.crm.workflow.spi.ActionStep;
import dev.rapport.crm.workflow.spi.Message;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A CRM on a test clock, with users, a recording message sender and helpers. */
final class Fixture {
    final TestClock clock = TestClock.at("2026-11-02T10:00:00Z");
    final Crm crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential("t"))
            .directory(new InMemoryDirectory().addUser(User.of(UserId.of("alice"))).addUser(User.of(UserId.of("bob"))))
            .build();
    final List<Message> sent = new CopyOnWriteArrayList<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    private final AtomicLong eventSeq = new AtomicLong();

    /** Defines a custom field in the default tenant's schema. */
    Fixture define(dev.rapport.crm.field.EntityType type, String key, dev.rapport.crm.field.FieldType fieldType) {
        crm.customFields().define(type, dev.rapport.crm.field.FieldDefinition.of(key, fieldType));
        return this;
    }

    WorkflowEngine.Builder engine() {
        return WorkflowEngine.builder(crm).messageSender(sent::add);
    }

    Contact contact(String first) {
        return crm.contacts().create(NewContact.named(first, "Tester"));
    }

    Contact tag(Contact c, String tag) {
        Contact now = crm.contacts().get(c.id());
        java.util.Set<String> tags = new java.util.TreeSet<>(now.tags());
        tags.add(tag);
        return crm.contacts().update(now.withTags(tags));
    }

    Contact untag(Contact c, String tag) {
        Contact now = crm.contacts().get(c.id());
        java.util.Set<String> tags = new java.util.TreeSet<>(now.tags());
        tags.remove(tag);
        return crm.contacts().update(now.withTags(tags));
    }

    /** An action that appends "label:subject" to the log. */
    Action record(String label) {
        return Actions.of("record " + label, context -> {
            log.add(label + ":" + context.subject().map(EntityId::value).orElse("-"));
            return "recorded";
        });
    }

    /** A step that records, failing its first {@code failures} runs. */
    ActionStep flaky(String label, int failures) {
        AtomicLong runs = new AtomicLong();
        return context -> {
            log.add(label + "-attempt");
            if (runs.incrementAndGet() <= failures) {
                throw new IllegalStateException("down");
            }
            return "ok";
        };
    }

    EventMeta meta() {
        return new EventMeta(EventId.of("x" + eventSeq.incrementAndGet()), crm.tenant(), clock.instant(), Actor.SYSTEM);
    }

    List<Trace.Outcome> outcomes(WorkflowEngine engine, String ruleId) {
        return engine.traces().stream().filter(t -> t.ruleId().equals(ruleId)).map(Trace::outcome).toList();
    }
}
