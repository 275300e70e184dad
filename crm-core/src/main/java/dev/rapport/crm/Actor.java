package dev.rapport.crm;

import dev.rapport.crm.internal.Checks;

/**
 * Who performs a change: a user of the host, an integration, a workflow rule, or the system.
 * Events and audit entries carry the actor.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().actor(() -> Actor.user(currentUserId())).build();
 * }</pre>
 *
 * @param kind what kind of actor
 * @param id the actor's id within its kind (the host's user id, a rule id, ...)
 */
public record Actor(Kind kind, String id) {
    /** The system itself, for changes no user asked for. */
    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "system");

    /** Kinds of actor. */
    public enum Kind {
        /** A person using the host application. */
        USER,
        /** Another system feeding the CRM (an import, a shop, an ERP). */
        INTEGRATION,
        /** A workflow rule. */
        RULE,
        /** Rapport itself. */
        SYSTEM
    }

    /**
     * Validates the actor.
     *
     * @param kind what kind of actor
     * @param id the actor's id within its kind (the host's user id, a rule id, ...)
     * @throws CrmValidationException if kind is missing or the id is blank
     */
    public Actor {
        Checks.notNull(kind, "actor.kind");
        id = Checks.nonBlank(id, "actor.id");
    }

    /**
     * A user of the host application.
     *
     * @param userId the host's user id
     * @return the actor
     */
    public static Actor user(String userId) {
        return new Actor(Kind.USER, userId);
    }

    /**
     * An integration.
     *
     * @param name the integration's name, e.g. {@code "shop"}
     * @return the actor
     */
    public static Actor integration(String name) {
        return new Actor(Kind.INTEGRATION, name);
    }

    /**
     * A workflow rule.
     *
     * @param ruleId the rule id
     * @return the actor
     */
    public static Actor rule(String ruleId) {
        return new Actor(Kind.RULE, ruleId);
    }
}
