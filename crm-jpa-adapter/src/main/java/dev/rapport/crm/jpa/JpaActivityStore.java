package dev.rapport.crm.jpa;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityActor;
import dev.rapport.crm.activity.ActivityId;
import dev.rapport.crm.activity.ActivityStore;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.activity.Purchase;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.revenue.Money;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Activities on {@link ActivityEntity}, with the mapper between the two. */
final class JpaActivityStore extends JpaAggregateStore<ActivityId, Activity, ActivityEntity> implements ActivityStore {
    JpaActivityStore(JpaStoreTransaction tx) {
        super(tx, ActivityEntity.class, "Activity", "RapportActivity");
    }

    @Override
    ActivityEntity newEntity() {
        return new ActivityEntity();
    }

    @Override
    void copy(Activity a, ActivityEntity e) {
        e.type = a.type().name();
        e.channel = a.channel().name();
        e.direction = a.direction().name();
        e.occurredAt = Values.column(a.occurredAt());
        e.occurredAtNanos = Values.nanos(a.occurredAt());
        e.actorKind = a.actor().kind().name();
        e.actorUserId = a.actor().userId() == null ? null : a.actor().userId().value();
        e.subject = a.subject();
        e.body = a.body();
        Duration duration = a.duration();
        e.durationSeconds = duration == null ? null : duration.getSeconds();
        e.durationNanos = duration == null ? null : duration.getNano();
        e.links = LinkColumns.of(a.links());
        Purchase purchase = a.purchase();
        e.purchaseOrderId = purchase == null ? null : purchase.orderId();
        e.purchaseTotal = purchase == null ? null : purchase.total().amount();
        e.purchaseCurrency = purchase == null ? null : purchase.total().currencyCode();
        e.customFields = Values.customFields(a.customFields());
        e.times(a.createdAt(), a.updatedAt());
    }

    @Override
    Activity toDomain(ActivityEntity e) {
        ActivityActor actor = e.actorUserId == null ? new ActivityActor(ActivityActor.Kind.valueOf(e.actorKind), null)
                : new ActivityActor(ActivityActor.Kind.valueOf(e.actorKind), UserId.of(e.actorUserId));
        Duration duration = e.durationSeconds == null ? null
                : Duration.ofSeconds(e.durationSeconds, e.durationNanos == null ? 0 : e.durationNanos);
        Money total = Values.money(e.purchaseTotal, e.purchaseCurrency);
        Purchase purchase = e.purchaseOrderId == null || total == null ? null : new Purchase(e.purchaseOrderId, total);
        return new Activity(ActivityId.of(e.id), TenantId.of(e.tenantId), e.version, ActivityType.valueOf(e.type),
                Channel.valueOf(e.channel), Direction.valueOf(e.direction),
                Values.instant(e.occurredAt, e.occurredAtNanos), actor, e.subject, e.body, duration,
                LinkColumns.toDomain(e.links), purchase, e.created(), e.updated(), Values.customFields(e.customFields));
    }

    /** One page from the index of the link's column, newest first; ties in time by id, descending. */
    @Override
    public Page<Activity> timeline(EntityId link, PageRequest request) {
        @Nullable String column = LinkColumns.path(link);
        if (column == null) {
            return new Page<>(List.of(), request, 0);
        }
        List<ActivityEntity> rows = em().createQuery("select e from RapportActivity e where e.tenantId = :tenant and "
                + column + " = :link order by e.occurredAt desc, e.occurredAtNanos desc, e.id desc",
                ActivityEntity.class)
                .setParameter("tenant", tenant())
                .setParameter("link", link.value())
                .setFirstResult(request.offset())
                .setMaxResults(request.limit())
                .getResultList();
        long total = em().createQuery("select count(e) from RapportActivity e where e.tenantId = :tenant and "
                + column + " = :link", Long.class)
                .setParameter("tenant", tenant())
                .setParameter("link", link.value())
                .getSingleResult();
        return new Page<>(rows.stream().map(this::toDomain).toList(), request, total);
    }
}
