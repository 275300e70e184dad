package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.service.SlaPolicy;
import dev.rapport.crm.service.SlaTargets;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.service.TicketId;
import dev.rapport.crm.service.TicketPriority;
import dev.rapport.crm.service.TicketStatus;
import dev.rapport.crm.service.TicketStore;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Tickets on {@link TicketEntity}, with the mapper between the two. */
final class JpaTicketStore extends JpaAggregateStore<TicketId, Ticket, TicketEntity> implements TicketStore {
    private static final List<String> ACTIVE = List.of(TicketStatus.NEW.name(), TicketStatus.OPEN.name(),
            TicketStatus.PENDING.name());

    JpaTicketStore(JpaStoreTransaction tx) {
        super(tx, TicketEntity.class, "Ticket", "RapportTicket");
    }

    @Override
    TicketEntity newEntity() {
        return new TicketEntity();
    }

    @Override
    void copy(Ticket t, TicketEntity e) {
        e.subject = t.subject();
        e.description = t.description();
        e.contactId = t.contactId() == null ? null : t.contactId().value();
        e.accountId = t.accountId() == null ? null : t.accountId().value();
        e.priority = t.priority().name();
        e.status = t.status().name();
        e.assigneeId = t.assigneeId() == null ? null : t.assigneeId().value();
        e.channel = t.channel().name();
        e.slaPolicy = slaPolicy(t.slaPolicy());
        e.firstResponseAt = Values.columnOrNull(t.firstResponseAt());
        e.firstResponseAtNanos = Values.nanos(t.firstResponseAt());
        e.resolvedAt = Values.columnOrNull(t.resolvedAt());
        e.resolvedAtNanos = Values.nanos(t.resolvedAt());
        e.closedAt = Values.columnOrNull(t.closedAt());
        e.closedAtNanos = Values.nanos(t.closedAt());
        e.customFields = Values.customFields(t.customFields());
        e.times(t.createdAt(), t.updatedAt());
    }

    @Override
    Ticket toDomain(TicketEntity e) {
        return new Ticket(TicketId.of(e.id), TenantId.of(e.tenantId), e.version, e.subject, e.description,
                e.contactId == null ? null : ContactId.of(e.contactId),
                e.accountId == null ? null : AccountId.of(e.accountId), TicketPriority.valueOf(e.priority),
                TicketStatus.valueOf(e.status), e.assigneeId == null ? null : UserId.of(e.assigneeId),
                Channel.valueOf(e.channel), slaPolicy(e.slaPolicy), e.created(), e.updated(),
                Values.instantOrNull(e.firstResponseAt, e.firstResponseAtNanos),
                Values.instantOrNull(e.resolvedAt, e.resolvedAtNanos), Values.instantOrNull(e.closedAt, e.closedAtNanos),
                Values.customFields(e.customFields));
    }

    /** The policy as JSON text: per priority, its targets as ISO-8601 durations. */
    private static String slaPolicy(SlaPolicy policy) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        policy.targets().forEach((priority, targets) -> {
            Map<String, @Nullable Object> t = new LinkedHashMap<>();
            t.put("firstResponse", targets.firstResponse().toString());
            t.put("resolution", targets.resolution().toString());
            out.put(priority.name(), t);
        });
        return Json.write(out);
    }

    private static SlaPolicy slaPolicy(String json) {
        Map<TicketPriority, SlaTargets> targets = new EnumMap<>(TicketPriority.class);
        Json.object(Json.read(json)).forEach((priority, value) -> {
            Map<String, @Nullable Object> t = Json.object(value);
            targets.put(TicketPriority.valueOf(priority), new SlaTargets(Duration.parse(Values.str(t.get("firstResponse"))),
                    Duration.parse(Values.str(t.get("resolution")))));
        });
        return new SlaPolicy(targets);
    }

    @Override
    public List<Ticket> findActiveByAssignee(UserId assigneeId) {
        return map(where("e.assigneeId = :assignee and e.status in :active")
                .setParameter("assignee", assigneeId.value())
                .setParameter("active", ACTIVE)
                .getResultList());
    }

    @Override
    public List<Ticket> findByContact(ContactId contactId) {
        return map(where("e.contactId = :contact").setParameter("contact", contactId.value()).getResultList());
    }

    @Override
    public List<Ticket> findByAccount(AccountId accountId) {
        return map(where("e.accountId = :account").setParameter("account", accountId.value()).getResultList());
    }

    @Override
    public List<Ticket> findByStatus(TicketStatus status) {
        return map(where("e.status = :status").setParameter("status", status.name()).getResultList());
    }
}
