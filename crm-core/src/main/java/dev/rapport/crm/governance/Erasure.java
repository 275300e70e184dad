package dev.rapport.crm.governance;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.event.PersonalDataErased;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One erasure in progress, inside one command: it follows the person from record to record (a
 * contact's leads by e-mail address, a converted lead's contact, the contact's consent, tickets,
 * tasks and timeline of activities, a ticket's tasks and activities), anonymizes or removes each once,
 * tombstones each identifier, and at the end drops the kept events of every record it erased.
 */
final class Erasure {
    private final UnitOfWork uow;
    private final StoreTransaction tx;
    private final Tombstones hashes;
    private final Set<EntityId> erased = new LinkedHashSet<>();
    private final List<String> records = new ArrayList<>();
    private final List<AuditSubject> subjects = new ArrayList<>();
    private int tombstones;

    Erasure(UnitOfWork uow, Tombstones hashes) {
        this.uow = uow;
        this.tx = uow.tx();
        this.hashes = hashes;
    }

    void contact(Contact contact) {
        if (erased.contains(contact.id())) {
            return;
        }
        tombstone(contact);
        tx.contacts().update(PersonalData.anonymous(contact, uow.now()));
        done(contact);
        ConsentId consentId = ConsentId.of(contact.id().value());
        Optional<Consent> consent = tx.consents().find(consentId);
        if (consent.isPresent()) {
            tx.consents().delete(consentId);
            done(consent.get());
        }
        for (EmailAddress email : contact.emails()) {
            for (Lead lead : tx.leads().findByEmail(email)) {
                lead(lead);
            }
        }
        for (Ticket ticket : tx.tickets().findByContact(contact.id())) {
            ticket(ticket);
        }
        for (Task task : tx.tasks().findByLink(contact.id())) {
            task(task);
        }
        timeline(contact.id());
        merged(contact.id());
    }

    /**
     * The contacts merged into this one: they are gone from the store, but their audit entries
     * and kept events still hold the person's values.
     */
    private void merged(EntityId survivor) {
        for (dev.rapport.crm.identity.MergeRecord merge : tx.mergeRecords().findBySurvivor(survivor)) {
            EntityId loser = merge.loserId();
            if (erased.add(loser)) {
                String type = loser.getClass().getSimpleName().replaceFirst("Id$", "");
                records.add(type + " " + loser.value() + " (merged)");
                subjects.add(new AuditSubject(type, loser.value()));
                merged(loser);
            }
        }
    }

    private void ticket(Ticket ticket) {
        if (erased.contains(ticket.id())) {
            return;
        }
        tx.tickets().update(PersonalData.anonymous(ticket, uow.now()));
        done(ticket);
        for (Task task : tx.tasks().findByLink(ticket.id())) {
            task(task);
        }
        timeline(ticket.id());
    }

    private void task(Task task) {
        if (erased.contains(task.id())) {
            return;
        }
        tx.tasks().update(PersonalData.anonymous(task, uow.now()));
        done(task);
    }

    /** The activities linked to a record (the person's timeline, or a ticket's), page by page. */
    private void timeline(EntityId link) {
        PageRequest page = PageRequest.first(200);
        while (true) {
            Page<Activity> activities = tx.activities().timeline(link, page);
            for (Activity activity : activities.items()) {
                if (!erased.contains(activity.id())) {
                    if (activity.subject() != null || activity.body() != null) {
                        tx.activities().update(PersonalData.anonymous(activity, uow.now()));
                    }
                    done(activity);
                }
            }
            if (!activities.hasNext()) {
                return;
            }
            page = activities.nextRequest();
        }
    }

    void lead(Lead lead) {
        if (erased.contains(lead.id())) {
            return;
        }
        tombstone(lead);
        tx.leads().update(PersonalData.anonymous(lead, uow.now()));
        done(lead);
        if (lead.conversion() != null) {
            tx.contacts().find(lead.conversion().contactId()).ifPresent(this::contact);
        }
    }

    private void tombstone(Aggregate<?> record) {
        for (PersonalData.Identifier id : PersonalData.identifiers(record)) {
            TombstoneId key = hashes.id(id.kind(), id.value());
            if (tx.tombstones().find(key).isEmpty()) {
                tx.tombstones().insert(new Tombstone(key, uow.tenant(), 1, id.kind(), uow.now(), uow.now()));
                tombstones++;
            }
        }
    }

    private void done(Aggregate<?> record) {
        String type = Values.type(record);
        erased.add(record.id());
        records.add(type + " " + record.id().value());
        subjects.add(new AuditSubject(type, record.id().value()));
    }

    /** Drops the kept events of everything erased and announces the erasure. */
    ErasureReport finish(EntityId subject) {
        int dropped = tx.forgetEvents(erased);
        uow.emit(new PersonalDataErased(uow.meta(), List.copyOf(erased)));
        return new ErasureReport(subject, uow.now(), records, tombstones, dropped, 0);
    }

    List<AuditSubject> subjects() {
        return subjects;
    }
}
