package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A subscription; MRR, contract value and renewal date are columns, its change history JSON text. */
@Access(AccessType.FIELD)
@Entity(name = "RapportSubscription")
@Table(name = "rapport_subscription")
@IdClass(AggregateKey.class)
@Cacheable(false)
class SubscriptionEntity extends AggregateEntity {
    @Column(name = "account_id", length = 128, nullable = false)
    String accountId = "";

    @Column(name = "contact_id", length = 128)
    @Nullable String contactId;

    @Column(name = "plan", length = 200, nullable = false)
    String plan = "";

    @Column(name = "mrr", precision = 19, scale = 4, nullable = false)
    BigDecimal mrr = BigDecimal.ZERO;

    @Column(name = "currency", length = 3, nullable = false)
    String currency = "";

    @Column(name = "billing_period", length = 16, nullable = false)
    String billingPeriod = "";

    @Column(name = "contract_value", precision = 19, scale = 4)
    @Nullable BigDecimal contractValue;

    @Column(name = "start_date", nullable = false)
    LocalDate startDate = LocalDate.MIN;

    @Column(name = "renewal_date", nullable = false)
    LocalDate renewalDate = LocalDate.MIN;

    @Column(name = "end_date")
    @Nullable LocalDate endDate;

    @Column(name = "status", length = 16, nullable = false)
    String status = "";

    @Column(name = "cancellation_reason", length = 500)
    @Nullable String cancellationReason;

    @Column(name = "history", length = Columns.TEXT, nullable = false)
    String history = "[]";

    @Column(name = "custom_fields", length = Columns.TEXT, nullable = false)
    String customFields = "{}";

    protected SubscriptionEntity() {
    }
}
