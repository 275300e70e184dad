package dev.rapport.crm.jpa;

import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoleType;
import dev.rapport.crm.party.ContactRoles;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;

/** One contact role on an account or opportunity: a row of its own, so roles can be searched by contact. */
@Access(AccessType.FIELD)
@Embeddable
class ContactRoleRow {
    @Column(name = "contact_id", length = 128, nullable = false)
    String contactId = "";

    @Column(name = "role_type", length = 32, nullable = false)
    String roleType = "";

    @Column(name = "is_primary", nullable = false)
    boolean primary;

    protected ContactRoleRow() {
    }

    static List<ContactRoleRow> of(ContactRoles roles) {
        List<ContactRoleRow> rows = new ArrayList<>(roles.roles().size());
        for (ContactRole role : roles.roles()) {
            ContactRoleRow row = new ContactRoleRow();
            row.contactId = role.contactId().value();
            row.roleType = role.type().name();
            row.primary = role.primary();
            rows.add(row);
        }
        return rows;
    }

    static ContactRoles toDomain(List<ContactRoleRow> rows) {
        List<ContactRole> roles = new ArrayList<>(rows.size());
        for (ContactRoleRow row : rows) {
            roles.add(new ContactRole(ContactId.of(row.contactId), ContactRoleType.valueOf(row.roleType), row.primary));
        }
        return new ContactRoles(roles);
    }
}
