package dev.rapport.crm.governance;

import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.spi.AccessPolicy;
import java.util.HashSet;
import java.util.Set;

/**
 * A simple rule-based {@link AccessPolicy}: per role, fields that are hidden (neither seen nor
 * changed) or read-only. Rights add up across roles: a field is restricted for an actor only if
 * every one of the actor's roles restricts it, and an actor without roles is not restricted.
 *
 * <pre>{@code
 * AccessPolicy policy = RoleFieldPolicy.builder()
 *     .hide("support", "Opportunity", "amount")
 *     .readOnly("support", "Contact", "ownerId")
 *     .build();
 * }</pre>
 */
public final class RoleFieldPolicy implements AccessPolicy {
    private final Set<String> hidden;
    private final Set<String> readOnly;

    private RoleFieldPolicy(Set<String> hidden, Set<String> readOnly) {
        this.hidden = Set.copyOf(hidden);
        this.readOnly = Set.copyOf(readOnly);
    }

    /**
     * A builder of rules.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private static String key(String role, String entityType, String field) {
        return role + "\u0000" + entityType + "\u0000" + field;
    }

    private static boolean restricted(Set<String> rules, Set<String> roles, String entityType, String field) {
        if (roles.isEmpty()) {
            return false;
        }
        for (String role : roles) {
            if (!rules.contains(key(role, entityType, field))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean mayRead(Set<String> roles, String entityType, String field) {
        return !restricted(hidden, roles, entityType, field);
    }

    @Override
    public boolean mayWrite(Set<String> roles, String entityType, String field) {
        return !restrictedByEither(roles, entityType, field);
    }

    /** A role that hides a field also may not change it; mixing both kinds still restricts. */
    private boolean restrictedByEither(Set<String> roles, String entityType, String field) {
        if (roles.isEmpty()) {
            return false;
        }
        for (String role : roles) {
            String k = key(role, entityType, field);
            if (!hidden.contains(k) && !readOnly.contains(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Collects the rules of a {@link RoleFieldPolicy}.
     *
     * <pre>{@code
     * RoleFieldPolicy policy = RoleFieldPolicy.builder().hide("support", "Opportunity", "amount").build();
     * }</pre>
     */
    public static final class Builder {
        private final Set<String> hidden = new HashSet<>();
        private final Set<String> readOnly = new HashSet<>();

        private Builder() {
        }

        /**
         * A role may neither see nor change a field.
         *
         * @param role the role
         * @param entityType the type of record, e.g. {@code "Opportunity"}
         * @param field the field, e.g. {@code "amount"}
         * @return this builder
         * @throws dev.rapport.crm.CrmValidationException naming the parameter if one is blank
         */
        public Builder hide(String role, String entityType, String field) {
            hidden.add(key(Checks.nonBlank(role, "role"), Checks.nonBlank(entityType, "entityType"),
                    Checks.nonBlank(field, "field")));
            return this;
        }

        /**
         * A role may see but not change a field.
         *
         * @param role the role
         * @param entityType the type of record, e.g. {@code "Contact"}
         * @param field the field, e.g. {@code "ownerId"}
         * @return this builder
         * @throws dev.rapport.crm.CrmValidationException naming the parameter if one is blank
         */
        public Builder readOnly(String role, String entityType, String field) {
            readOnly.add(key(Checks.nonBlank(role, "role"), Checks.nonBlank(entityType, "entityType"),
                    Checks.nonBlank(field, "field")));
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the immutable policy
         */
        public RoleFieldPolicy build() {
            return new RoleFieldPolicy(hidden, readOnly);
        }
    }
}
