package dev.rapport.crm.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.crm.Actor;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.GovernanceSettings;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.internal.WriteInterceptor;
import dev.rapport.crm.memory.InMemoryAuditSink;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.spi.AccessPolicy;
import dev.rapport.crm.spi.StoreTransaction;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Personal data under the GDPR: consent ({@link #consents()}), erasure (Art. 17), export
 * (Art. 15 and 20) and the audit trail of every stored change.
 *
 * <p>Erasure anonymizes the person's contact record (names, addresses, numbers, title, tags and
 * custom fields are removed; the id, account, owner and lifecycle stay so that counts and
 * revenue remain right), removes records that exist only for the person (consent), drops the
 * store's kept events about the person, removes the values from the person's audit entries, and
 * leaves tombstones: keyed one-way hashes of the e-mail addresses and phone numbers. A later
 * create or capture with one of them is refused with {@link ErasedIdentityException} naming the
 * field, unless the host passes explicit new consent with {@link #withReconsent}. Events already
 * published before the erasure cannot be called back; subscribers learn of it through
 * {@link dev.rapport.crm.event.PersonalDataErased}.
 *
 * <pre>{@code
 * ErasureReport report = crm.privacy().erase(ada.id(), "request 2026-118");
 * String json = crm.privacy().export(grace.id());
 * List<AuditEntry> trail = crm.privacy().auditTrail("Contact", grace.id().value());
 * }</pre>
 */
public final class PrivacyService {
    /** The last name an erased contact keeps, since a contact needs a name or an address. */
    public static final String ERASED_NAME = "(erased)";

    private final ServiceContext context;
    private final Guard guard;
    private final ConsentService consents;

    /**
     * Creates the service, and with the first one of a CRM installs the audit, tombstone and
     * access checks on every command. Hosts get it from {@code crm.privacy()}.
     *
     * @param context the service context
     */
    public PrivacyService(ServiceContext context) {
        this.context = context;
        GovernanceSettings settings = context.shared(GovernanceSettings.class, PrivacyService::defaults);
        WriteInterceptor installed = context.shared(WriteInterceptor.class, () -> new Guard(settings));
        this.guard = installed instanceof Guard g ? g : new Guard(settings);
        this.consents = new ConsentService(context);
    }

    /**
     * The settings of a CRM built without governance settings: an in-memory audit trail, access
     * for everyone, no roles, and a random secret for this JVM's lifetime.
     *
     * @return the settings
     */
    static GovernanceSettings defaults() {
        return new GovernanceSettings(new InMemoryAuditSink(), AccessPolicy.allowAll(), actor -> Set.of(),
                randomSecret());
    }

    /**
     * A new random secret for the tombstone hashes.
     *
     * @return 32 random bytes
     */
    public static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /**
     * Consent per purpose and channel.
     *
     * @return the consent service
     */
    public ConsentService consents() {
        return consents;
    }

    /**
     * Erases a contact's personal data everywhere it is held, keeping non-personal aggregates,
     * and leaves tombstones of its e-mail addresses and phone numbers. Erasing an erased contact
     * again is harmless.
     *
     * @param contactId the contact
     * @param reason why (e.g. the request's reference); kept in the audit trail, so it must not
     *     contain personal data; at most 200 characters
     * @return what was erased (run inside a larger command, the audit entries are scrubbed when
     *     that command commits, and the report counts none)
     * @throws CrmNotFoundException if the contact does not exist
     * @throws CrmValidationException naming {@code reason} if it is blank or too long
     */
    public ErasureReport erase(ContactId contactId, String reason) {
        Checks.notNull(contactId, "contactId");
        return run(reason, contactId, (uow, erasure) -> erasure.contact(uow.tx().contacts().find(contactId)
                .orElseThrow(() -> new CrmNotFoundException("Contact", contactId.value()))));
    }

    /**
     * Erases the personal data of a person known as a lead, like {@link #erase(ContactId, String)}:
     * the lead, the contact it was converted into, and everything of that contact.
     *
     * @param leadId the lead
     * @param reason why (e.g. the request's reference); kept in the audit trail, so it must not
     *     contain personal data; at most 200 characters
     * @return what was erased
     * @throws CrmNotFoundException if the lead does not exist
     * @throws CrmValidationException naming {@code reason} if it is blank or too long
     */
    public ErasureReport erase(LeadId leadId, String reason) {
        Checks.notNull(leadId, "leadId");
        return run(reason, leadId, (uow, erasure) -> erasure.lead(uow.tx().leads().find(leadId)
                .orElseThrow(() -> new CrmNotFoundException("Lead", leadId.value()))));
    }

    private ErasureReport run(String reason, EntityId subject, BiConsumer<UnitOfWork, Erasure> start) {
        String why = Checks.maxLength(Checks.nonBlank(reason, "reason"), 200, "reason");
        Guard.Buffer[] audit = new Guard.Buffer[1];
        ErasureReport report = context.write(uow -> {
            Guard.Erasing outer = uow.attribute(Guard.Erasing.class).orElse(null);
            uow.attribute(Guard.Erasing.class, new Guard.Erasing(why));
            try {
                Erasure erasure = new Erasure(uow, guard.tombstones());
                start.accept(uow, erasure);
                audit[0] = uow.attribute(Guard.Buffer.class).orElseThrow();
                audit[0].scrub.addAll(erasure.subjects());
                return erasure.finish(subject);
            } finally {
                uow.attribute(Guard.Erasing.class, outer);
            }
        });
        return report.withAuditEntriesScrubbed(audit[0].scrubbed);
    }

    /**
     * Runs commands with the person's explicit new consent, so identifiers of an erased person
     * may be used again: the tombstones they meet are removed (and that is audited) instead of
     * refusing the command.
     *
     * <pre>{@code
     * Contact back = crm.privacy().withReconsent("signed up again, form 2026-12-01",
     *         () -> crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example")));
     * }</pre>
     *
     * @param evidence what the new consent rests on, without personal data
     * @param work the commands, run as one atomic command
     * @param <T> the result type
     * @return the work's result
     * @throws CrmValidationException naming {@code evidence} if it is blank
     */
    public <T> T withReconsent(String evidence, Supplier<T> work) {
        String ev = Checks.nonBlank(evidence, "evidence");
        Checks.notNull(work, "work");
        return context.write(uow -> {
            Guard.Reconsent outer = uow.attribute(Guard.Reconsent.class).orElse(null);
            uow.attribute(Guard.Reconsent.class, new Guard.Reconsent(ev));
            try {
                return work.get();
            } finally {
                uow.attribute(Guard.Reconsent.class, outer);
            }
        });
    }

    /**
     * Everything held on a person, as one JSON document: the contact, its consent record with
     * history, the opportunities the person has a role on, the leads with the person's e-mail
     * addresses, the person's tickets, tasks and activities (with those of the tickets), and the
     * audit trail of the contact, consent, leads and tickets.
     * Fields the current actor's roles may not see are left out and listed under
     * {@code "redacted"}. The export itself is audited.
     *
     * @param contactId the contact
     * @return the JSON document
     * @throws CrmNotFoundException if the contact does not exist
     */
    public String export(ContactId contactId) {
        Checks.notNull(contactId, "contactId");
        Actor actor = context.actor();
        Set<String> roles = guard.settings().rolesOf(actor);
        AccessPolicy policy = guard.settings().accessPolicy();
        List<String> redacted = new ArrayList<>();
        ObjectNode doc = context.store().read(context.tenant(), tx -> {
            Contact contact = tx.contacts().find(contactId)
                    .orElseThrow(() -> new CrmNotFoundException("Contact", contactId.value()));
            ObjectNode root = ExportJson.object();
            root.put("format", "rapport-personal-data");
            root.put("formatVersion", 1);
            root.put("tenant", context.tenant().value());
            root.put("exportedAt", context.clock().instant().toString());
            root.set("contact", ExportJson.aggregate(contact, (t, f) -> policy.mayRead(roles, t, f), redacted));
            Optional<Consent> consent = tx.consents().find(ConsentId.of(contactId.value()));
            root.set("consent", consent.<com.fasterxml.jackson.databind.JsonNode>map(
                    c -> ExportJson.aggregate(c, (t, f) -> policy.mayRead(roles, t, f), redacted))
                    .orElse(ExportJson.object().nullNode()));
            ArrayNode deals = ExportJson.array();
            List<AuditSubject> subjects = new ArrayList<>();
            subjects.add(new AuditSubject("Contact", contactId.value()));
            consent.ifPresent(c -> subjects.add(new AuditSubject("Consent", c.id().value())));
            for (Opportunity o : tx.opportunities().findByContact(contactId)) {
                deals.add(ExportJson.aggregate(o, (t, f) -> policy.mayRead(roles, t, f), redacted));
            }
            root.set("opportunities", deals);
            ArrayNode leads = ExportJson.array();
            Set<LeadId> seen = new java.util.HashSet<>();
            for (dev.rapport.crm.party.EmailAddress email : contact.emails()) {
                for (Lead lead : tx.leads().findByEmail(email)) {
                    if (seen.add(lead.id())) {
                        leads.add(ExportJson.aggregate(lead, (t, f) -> policy.mayRead(roles, t, f), redacted));
                        subjects.add(new AuditSubject("Lead", lead.id().value()));
                    }
                }
            }
            root.set("leads", leads);
            ArrayNode tickets = ExportJson.array();
            ArrayNode tasks = ExportJson.array();
            ArrayNode activities = ExportJson.array();
            List<dev.rapport.crm.EntityId> links = new ArrayList<>();
            links.add(contactId);
            for (dev.rapport.crm.service.Ticket ticket : tx.tickets().findByContact(contactId)) {
                tickets.add(ExportJson.aggregate(ticket, (t, f) -> policy.mayRead(roles, t, f), redacted));
                subjects.add(new AuditSubject("Ticket", ticket.id().value()));
                links.add(ticket.id());
            }
            Set<String> seenRecords = new java.util.HashSet<>();
            for (dev.rapport.crm.EntityId link : links) {
                for (dev.rapport.crm.activity.Task task : tx.tasks().findByLink(link)) {
                    if (seenRecords.add(task.id().value())) {
                        tasks.add(ExportJson.aggregate(task, (t, f) -> policy.mayRead(roles, t, f), redacted));
                    }
                }
                dev.rapport.crm.PageRequest page = dev.rapport.crm.PageRequest.first(200);
                while (true) {
                    dev.rapport.crm.Page<dev.rapport.crm.activity.Activity> found = tx.activities().timeline(link, page);
                    for (dev.rapport.crm.activity.Activity activity : found.items()) {
                        if (seenRecords.add(activity.id().value())) {
                            activities.add(ExportJson.aggregate(activity, (t, f) -> policy.mayRead(roles, t, f),
                                    redacted));
                        }
                    }
                    if (!found.hasNext()) {
                        break;
                    }
                    page = found.nextRequest();
                }
            }
            root.set("tickets", tickets);
            root.set("tasks", tasks);
            root.set("activities", activities);
            ArrayNode trail = ExportJson.array();
            for (AuditSubject s : subjects) {
                for (AuditEntry e : guard.settings().auditSink().entries(context.tenant(), s.entityType(),
                        s.entityId())) {
                    trail.add(ExportJson.value(e));
                }
            }
            root.set("auditTrail", trail);
            return root;
        });
        ArrayNode hidden = doc.putArray("redacted");
        redacted.forEach(hidden::add);
        guard.settings().auditSink().record(List.of(Guard.entry(context, actor, AuditAction.EXPORT, "Contact",
                contactId.value(), null)));
        try {
            return ExportJson.MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the export", e);
        }
    }

    /**
     * The audit trail of one record, oldest first.
     *
     * @param entityType the record's type, e.g. {@code "Contact"}
     * @param entityId the record's id
     * @return the entries
     */
    public List<AuditEntry> auditTrail(String entityType, String entityId) {
        String type = Checks.nonBlank(entityType, "entityType");
        String id = Checks.nonBlank(entityId, "entityId");
        return guard.settings().auditSink().entries(context.tenant(), type, id);
    }
}
