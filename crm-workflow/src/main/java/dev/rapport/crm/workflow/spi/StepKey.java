package dev.rapport.crm.workflow.spi;

import dev.rapport.crm.TenantId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Names one step of one run of a rule in an {@link IdempotencyLedger}: the tenant, the rule and
 * its version, the trigger that started the run (an event id, a timer's trigger), the subject
 * (an entity as {@code Type:value}, or none) and the step's index. Ids only, never personal data.
 * Immutable; its hash is computed once.
 *
 * <p>A ledger that needs one text key (a database's primary key) uses {@link #value()}.
 *
 * <pre>{@code
 * StepKey key = StepKey.of(TenantId.of("acme"), "welcome", 3, "event-7", "ContactId:c-42", 0);
 * String primaryKey = key.value();   // "acme|welcome|3|event-7|ContactId:c-42|0"
 * }</pre>
 */
public final class StepKey {
    private final TenantId tenant;
    private final String ruleId;
    private final int ruleVersion;
    private final String triggerId;
    private final @Nullable String subject;
    private final int step;
    private final int hash;

    private StepKey(TenantId tenant, String ruleId, int ruleVersion, String triggerId, @Nullable String subject,
            int step) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
        this.triggerId = Objects.requireNonNull(triggerId, "triggerId");
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative: " + step);
        }
        this.ruleVersion = ruleVersion;
        this.subject = subject;
        this.step = step;
        long h = KeyHash.with(tenant.hashCode(), ruleId.hashCode());
        h = KeyHash.with(h, ruleVersion);
        h = KeyHash.with(h, triggerId.hashCode());
        h = KeyHash.with(h, Objects.hashCode(subject));
        this.hash = KeyHash.finish(KeyHash.with(h, step));
    }

    /**
     * The key of a step.
     *
     * @param tenant the tenant
     * @param ruleId the rule's id
     * @param ruleVersion the rule's version
     * @param triggerId the trigger that started the run
     * @param subject the entity as {@code Type:value}, or null for a run without one
     * @param step the step's index in the rule's actions, from 0
     * @return the key
     * @throws NullPointerException naming the argument that is null
     * @throws IllegalArgumentException if the step is negative
     */
    public static StepKey of(TenantId tenant, String ruleId, int ruleVersion, String triggerId,
            @Nullable String subject, int step) {
        return new StepKey(tenant, ruleId, ruleVersion, triggerId, subject, step);
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
     * The rule's version.
     *
     * @return the version
     */
    public int ruleVersion() {
        return ruleVersion;
    }

    /**
     * The trigger that started the run.
     *
     * @return the trigger id
     */
    public String triggerId() {
        return triggerId;
    }

    /**
     * The subject of the run.
     *
     * @return the entity as {@code Type:value}, or null for a run without one
     */
    public @Nullable String subject() {
        return subject;
    }

    /**
     * The step's index.
     *
     * @return the index in the rule's actions, from 0
     */
    public int step() {
        return step;
    }

    /**
     * The key as one text, {@code tenant|rule|version|trigger|subject|step} (the subject
     * {@code null} for a run without one): what a ledger keyed by text stores, and the
     * idempotency key an action is given.
     *
     * @return the text key
     */
    public String value() {
        return tenant.value() + "|" + ruleId + "|" + ruleVersion + "|" + triggerId + "|" + subject + "|" + step;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepKey k && hash == k.hash && step == k.step && ruleVersion == k.ruleVersion
                && ruleId.equals(k.ruleId) && triggerId.equals(k.triggerId) && Objects.equals(subject, k.subject)
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
