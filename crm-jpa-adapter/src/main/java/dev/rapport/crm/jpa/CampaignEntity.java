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

/** A marketing campaign; budget and cost are decimal columns in one currency, custom fields JSON text. */
@Access(AccessType.FIELD)
@Entity(name = "RapportCampaign")
@Table(name = "rapport_campaign")
@IdClass(AggregateKey.class)
@Cacheable(false)
class CampaignEntity extends AggregateEntity {
    @Column(name = "name", length = 200, nullable = false)
    String name = "";

    @Column(name = "channel", length = 32, nullable = false)
    String channel = "";

    @Column(name = "status", length = 16, nullable = false)
    String status = "";

    @Column(name = "start_date", nullable = false)
    LocalDate startDate = LocalDate.MIN;

    @Column(name = "end_date")
    @Nullable LocalDate endDate;

    @Column(name = "budget", precision = 19, scale = 4, nullable = false)
    BigDecimal budget = BigDecimal.ZERO;

    @Column(name = "actual_cost", precision = 19, scale = 4, nullable = false)
    BigDecimal actualCost = BigDecimal.ZERO;

    @Column(name = "currency", length = 3, nullable = false)
    String currency = "";

    @Column(name = "custom_fields", length = Columns.TEXT, nullable = false)
    String customFields = "{}";

    protected CampaignEntity() {
    }
}
