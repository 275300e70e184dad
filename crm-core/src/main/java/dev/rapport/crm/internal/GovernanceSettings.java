package dev.rapport.crm.internal;

import dev.rapport.crm.Actor;
import dev.rapport.crm.spi.AccessPolicy;
import dev.rapport.crm.spi.AuditSink;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The governance configuration of one CRM, shared by all its tenant views: where the audit trail
 * goes, the access policy, how an actor's roles are found, and the secret that keys the hashes of
 * erased identifiers. Internal: not API.
 */
public final class GovernanceSettings {
    private final AuditSink auditSink;
    private final AccessPolicy accessPolicy;
    private final Function<Actor, Set<String>> roles;
    private final byte[] secret;

    /**
     * Creates the settings.
     *
     * @param auditSink where audit entries go
     * @param accessPolicy the access policy
     * @param roles the roles of an actor
     * @param secret the key of the tombstone hashes, at least 16 bytes
     */
    public GovernanceSettings(AuditSink auditSink, AccessPolicy accessPolicy, Function<Actor, Set<String>> roles,
            byte[] secret) {
        this.auditSink = Objects.requireNonNull(auditSink, "auditSink");
        this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
        this.roles = Objects.requireNonNull(roles, "roles");
        if (secret.length < 16) {
            throw new IllegalArgumentException("the privacy secret needs at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    /**
     * Where audit entries go.
     *
     * @return the sink
     */
    public AuditSink auditSink() {
        return auditSink;
    }

    /**
     * The access policy.
     *
     * @return the policy
     */
    public AccessPolicy accessPolicy() {
        return accessPolicy;
    }

    /**
     * The roles of an actor.
     *
     * @param actor the actor
     * @return the roles, never null
     */
    public Set<String> rolesOf(Actor actor) {
        Set<String> r = roles.apply(actor);
        return r == null ? Set.of() : Set.copyOf(r);
    }

    /**
     * The key of the tombstone hashes.
     *
     * @return a copy of the key
     */
    public byte[] secret() {
        return secret.clone();
    }
}
