package dev.rapport.crm.party;

import dev.rapport.crm.internal.Checks;

/**
 * A contact's role on an account or an opportunity; at most one role per record is primary.
 *
 * <pre>{@code
 * ContactRoles roles = ContactRoles.none()
 *         .with(ContactRole.primary(ada.id(), ContactRoleType.DECISION_MAKER))
 *         .with(ContactRole.of(bob.id(), ContactRoleType.INFLUENCER));
 * }</pre>
 *
 * @param contactId the contact
 * @param type the role
 * @param primary whether this is the primary contact of the record
 */
public record ContactRole(ContactId contactId, ContactRoleType type, boolean primary) {
    /**
     * Validates the role.
     *
     * @param contactId the contact
     * @param type the role
     * @param primary whether this is the primary contact of the record
     * @throws dev.rapport.crm.CrmValidationException if a part is missing
     */
    public ContactRole {
        Checks.notNull(contactId, "contactRole.contactId");
        Checks.notNull(type, "contactRole.type");
    }

    /**
     * A non-primary role.
     *
     * @param contactId the contact
     * @param type the role
     * @return the role
     */
    public static ContactRole of(ContactId contactId, ContactRoleType type) {
        return new ContactRole(contactId, type, false);
    }

    /**
     * The primary role.
     *
     * @param contactId the contact
     * @param type the role
     * @return the role
     */
    public static ContactRole primary(ContactId contactId, ContactRoleType type) {
        return new ContactRole(contactId, type, true);
    }
}
