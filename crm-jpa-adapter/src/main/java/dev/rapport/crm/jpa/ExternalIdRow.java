package dev.rapport.crm.jpa;

import dev.rapport.crm.party.ExternalId;
import dev.rapport.crm.party.ExternalIds;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;

/** One id of a contact or account in another system: a row of its own, so records are found by it. */
@Access(AccessType.FIELD)
@Embeddable
class ExternalIdRow {
    @Column(name = "system_name", length = 100, nullable = false)
    String system = "";

    @Column(name = "external_id", length = 200, nullable = false)
    String id = "";

    protected ExternalIdRow() {
    }

    static List<ExternalIdRow> of(ExternalIds ids) {
        List<ExternalIdRow> rows = new ArrayList<>(ids.ids().size());
        for (ExternalId id : ids.ids()) {
            ExternalIdRow row = new ExternalIdRow();
            row.system = id.system();
            row.id = id.id();
            rows.add(row);
        }
        return rows;
    }

    static ExternalIds toDomain(List<ExternalIdRow> rows) {
        List<ExternalId> ids = new ArrayList<>(rows.size());
        for (ExternalIdRow row : rows) {
            ids.add(new ExternalId(row.system, row.id));
        }
        return new ExternalIds(ids);
    }

    static boolean same(ExternalIdRow a, ExternalIdRow b) {
        return a.system.equals(b.system) && a.id.equals(b.id);
    }
}
