package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An activity of the timeline. Each of its links (contact, account, opportunity, ticket) is an
 * indexed column, so a timeline is one index range in time order; the purchase is columns, custom
 * fields JSON text. The time it occurred is kept exactly like the row's own times.
 */
@Access(AccessType.FIELD)
@Entity(name = "RapportActivity")
@Table(name = "rapport_activity")
@IdClass(AggregateKey.class)
@Cacheable(false)
class ActivityEntity extends AggregateEntity {
    @Column(name = "activity_type", length = 32, nullable = false)
    String type = "";

    @Column(name = "channel", length = 32, nullable = false)
    String channel = "";

    @Column(name = "direction", length = 16, nullable = false)
    String direction = "";

    @Column(name = "occurred_at", nullable = false)
    LocalDateTime occurredAt = LocalDateTime.MIN;

    @Column(name = "occurred_at_nanos", nullable = false)
    int occurredAtNanos;

    @Column(name = "actor_kind", length = 16, nullable = false)
    String actorKind = "";

    @Column(name = "actor_user_id", length = 128)
    @Nullable String actorUserId;

    @Column(name = "subject", length = 500)
    @Nullable String subject;

    @Column(name = "body", length = Columns.TEXT)
    @Nullable String body;

    @Column(name = "duration_seconds")
    @Nullable Long durationSeconds;

    @Column(name = "duration_nanos")
    @Nullable Integer durationNanos;

    @Embedded
    @Nullable LinkColumns links;

    @Column(name = "purchase_order_id", length = 200)
    @Nullable String purchaseOrderId;

    @Column(name = "purchase_total", precision = 19, scale = 4)
    @Nullable BigDecimal purchaseTotal;

    @Column(name = "purchase_currency", length = 3)
    @Nullable String purchaseCurrency;

    @Column(name = "custom_fields", length = Columns.TEXT, nullable = false)
    String customFields = "{}";

    protected ActivityEntity() {
    }
}
