package dev.rapport.crm.workflow.spi;

import dev.rapport.crm.TenantId;
import java.util.Objects;

/**
 * Names one enrollment in an {@link EnrollmentStore}: the tenant, the rule and what is enrolled,
 * an entity as {@code Type:value} or, for a rule without a subject, its trigger as
 * {@code trigger:id}. Entity ids only, never personal data. Immutable; its hash is computed once,
 * so a key made once for an event is cheap to look up several times.
 *
 * <p>A store that needs one text key (a database's primary key) uses {@link #value()}; a store in
 * memory may group a subject's enrollments by {@link #tenant()} and {@link #subject()}.
 *
 * <pre>{@code
 * EnrollmentKey key = EnrollmentKey.of(TenantId.of("acme"), "welcome", "ContactId:c-42");
 * String primaryKey = key.value();   // "acme|welcome|ContactId:c-42"
 * }</pre>
 */
public final class EnrollmentKey {
    private final TenantId tenant;
    private final String ruleId;
    private final String subject;
    private final int hash;

    private EnrollmentKey(TenantId tenant, String ruleId, String subject) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.hash = KeyHash.finish(KeyHash.with(KeyHash.with(tenant.hashCode(), ruleId.hashCode()), subject.hashCode()));
    }

    /**
     * The key of a rule's enrollment of a subject.
     *
     * @param tenant the tenant
     * @param ruleId the rule's id
     * @param subject the entity as {@code Type:value}, or {@code trigger:id} for a rule without one
     * @return the key
     * @throws NullPointerException naming the argument that is null
     */
    public static EnrollmentKey of(TenantId tenant, String ruleId, String subject) {
        return new EnrollmentKey(tenant, ruleId, subject);
    }

    /**
     * The tenant.
     *
     * @return the tenant
     */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * The rule's id.
     *
     * @return the rule id
     */
    public String ruleId() {
        return ruleId;
    }

    /**
     * What is enrolled: an entity as {@code Type:value}, or {@code trigger:id}.
     *
     * @return the subject
     */
    public String subject() {
        return subject;
    }

    /**
     * The key as one text, {@code tenant|rule|subject}: what a store keyed by text stores.
     *
     * @return the text key
     */
    public String value() {
        return tenant.value() + "|" + ruleId + "|" + subject;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnrollmentKey k && hash == k.hash && ruleId.equals(k.ruleId) && subject.equals(k.subject)
                && tenant.equals(k.tenant);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return value();
    }
}
