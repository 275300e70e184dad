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
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A contact. Its e-mail addresses, its ids in other systems and its duplicate-detection keys are
 * rows of their own (each look-up is indexed); phones, lifecycle history, tags and custom fields
 * are JSON text read and written whole.
 */
@Access(AccessType.FIELD)
@Entity(name = "RapportContact")
@Table(name = "rapport_contact")
@IdClass(AggregateKey.class)
@Cacheable(false)
class ContactEntity extends AggregateEntity {
    @Column(name = "first_name", length = 100)
    @Nullable String firstName;

    @Column(name = "last_name", length = 100)
    @Nullable String lastName;

    @ElementCollection
    @CollectionTable(name = "rapport_contact_email", joinColumns = {
        @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
        @JoinColumn(name = "contact_id", referencedColumnName = "id")})
    @OrderColumn(name = "list_position")
    @Column(name = "email", length = 254, nullable = false)
    List<String> emails = new ArrayList<>();

    @Column(name = "phones", length = Columns.TEXT, nullable = false)
    String phones = "[]";

    @Column(name = "title", length = 100)
    @Nullable String title;

    @Column(name = "account_id", length = 128)
    @Nullable String accountId;

    @Column(name = "owner_id", length = 128)
    @Nullable String ownerId;

    @Embedded
    @Nullable AddressColumns address;

    @Column(name = "lifecycle_stage", length = 32, nullable = false)
    String lifecycleStage = "";

    @Column(name = "lifecycle_history", length = Columns.TEXT, nullable = false)
    String lifecycleHistory = "[]";

    @Column(name = "journey_stage", length = 32)
    @Nullable String journeyStage;

    @Column(name = "tags", length = Columns.TEXT, nullable = false)
    String tags = "[]";

    @Column(name = "custom_fields", length = Columns.TEXT, nullable = false)
    String customFields = "{}";

    @ElementCollection
    @CollectionTable(name = "rapport_contact_external_id", joinColumns = {
        @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
        @JoinColumn(name = "contact_id", referencedColumnName = "id")})
    @OrderColumn(name = "list_position")
    List<ExternalIdRow> externalIds = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "rapport_contact_match_key", joinColumns = {
        @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
        @JoinColumn(name = "contact_id", referencedColumnName = "id")})
    @OrderColumn(name = "list_position")
    List<MatchKeyRow> matchKeys = new ArrayList<>();

    protected ContactEntity() {
    }
}
