package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An account. Domain, name key, parent and owner are indexed columns; contact roles, ids in other
 * systems and duplicate-detection keys are rows of their own.
 */
@Access(AccessType.FIELD)
@Entity(name = "RapportAccount")
@Table(name = "rapport_account")
@IdClass(AggregateKey.class)
@Cacheable(false)
class AccountEntity extends AggregateEntity {
    @Column(name = "name", length = 200, nullable = false)
    String name = "";

    @Column(name = "name_key", length = 200, nullable = false)
    String nameKey = "";

    @Column(name = "domain", length = 253)
    @Nullable String domain;

    @Column(name = "industry", length = 100)
    @Nullable String industry;

    @Column(name = "employees")
    @Nullable Integer employees;

    @Column(name = "annual_revenue", precision = 19, scale = 4)
    @Nullable BigDecimal annualRevenue;

    @Column(name = "annual_revenue_currency", length = 3)
    @Nullable String annualRevenueCurrency;

    @Column(name = "parent_id", length = 128)
    @Nullable String parentId;

    @Column(name = "owner_id", length = 128)
    @Nullable String ownerId;

    @Embedded
    @Nullable AddressColumns address;

    @ElementCollection
    @CollectionTable(name = "rapport_account_contact_role", joinColumns = {
        @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
        @JoinColumn(name = "account_id", referencedColumnName = "id")})
    @OrderColumn(name = "list_position")
    List<ContactRoleRow> contactRoles = new ArrayList<>();

    @Column(name = "tags", length = Columns.TEXT, nullable = false)
    String tags = "[]";

    @Column(name = "custom_fields", length = Columns.TEXT, nullable = false)
    String customFields = "{}";

    @ElementCollection
    @CollectionTable(name = "rapport_account_external_id", joinColumns = {
        @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
        @JoinColumn(name = "account_id", referencedColumnName = "id")})
    @OrderColumn(name = "list_position")
    List<ExternalIdRow> externalIds = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "rapport_account_match_key", joinColumns = {
        @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
        @JoinColumn(name = "account_id", referencedColumnName = "id")})
    @OrderColumn(name = "list_position")
    List<MatchKeyRow> matchKeys = new ArrayList<>();

    protected AccountEntity() {
    }
}
