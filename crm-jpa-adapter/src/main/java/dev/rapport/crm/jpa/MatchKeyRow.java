package dev.rapport.crm.jpa;

import dev.rapport.crm.identity.MatchKey;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;

/**
 * One blocking key of a contact or account ({@link MatchKey}), derived from it on every write and
 * never read back into the aggregate: the rows exist so duplicate detection finds candidates by key.
 */
@Access(AccessType.FIELD)
@Embeddable
class MatchKeyRow {
    @Column(name = "key_kind", length = 16, nullable = false)
    String kind = "";

    @Column(name = "key_value", length = 254, nullable = false)
    String value = "";

    protected MatchKeyRow() {
    }

    static List<MatchKeyRow> of(List<MatchKey> keys) {
        List<MatchKeyRow> rows = new ArrayList<>(keys.size());
        for (MatchKey key : keys) {
            MatchKeyRow row = new MatchKeyRow();
            row.kind = key.kind().name();
            row.value = key.value();
            rows.add(row);
        }
        return rows;
    }

    static boolean same(MatchKeyRow a, MatchKeyRow b) {
        return a.kind.equals(b.kind) && a.value.equals(b.value);
    }
}
