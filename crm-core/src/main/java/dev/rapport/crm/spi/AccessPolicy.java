package dev.rapport.crm.spi;

import java.util.Set;

/**
 * Role- and field-level access: which fields of which type of record the holder of some roles
 * may see and change. Writes to a field that may not be changed are refused with
 * {@link dev.rapport.crm.CrmAccessDeniedException} and audited; reads through the services and
 * exports come back with fields that may not be seen left empty (redacted).
 *
 * <p>The actor's roles come from the roles function given to the builder. Field names are the
 * record components of the domain types (e.g. {@code "amount"} of {@code "Opportunity"}). The
 * default allows everything; {@link dev.rapport.crm.governance.RoleFieldPolicy} is a simple
 * rule-based implementation.
 *
 * <pre>{@code
 * AccessPolicy policy = RoleFieldPolicy.builder()
 *     .hide("support", "Opportunity", "amount")
 *     .build();
 * Crm crm = Crm.builder().accessPolicy(policy).roles(actor -> directory.rolesOf(actor)).build();
 * }</pre>
 */
public interface AccessPolicy {
    /**
     * Whether a field may be seen.
     *
     * @param roles the actor's roles
     * @param entityType the type of record, e.g. {@code "Opportunity"}
     * @param field the field, e.g. {@code "amount"}
     * @return true if it may
     */
    boolean mayRead(Set<String> roles, String entityType, String field);

    /**
     * Whether a field may be changed (set on create, or changed on update).
     *
     * @param roles the actor's roles
     * @param entityType the type of record, e.g. {@code "Opportunity"}
     * @param field the field, e.g. {@code "amount"}
     * @return true if it may
     */
    boolean mayWrite(Set<String> roles, String entityType, String field);

    /**
     * The default policy: everything may be seen and changed.
     *
     * @return the policy
     */
    static AccessPolicy allowAll() {
        return AllowAll.INSTANCE;
    }

    /** The policy that allows everything; a singleton, so the CRM can skip redaction cheaply. */
    enum AllowAll implements AccessPolicy {
        /** The instance. */
        INSTANCE;

        @Override
        public boolean mayRead(Set<String> roles, String entityType, String field) {
            return true;
        }

        @Override
        public boolean mayWrite(Set<String> roles, String entityType, String field) {
            return true;
        }
    }
}
