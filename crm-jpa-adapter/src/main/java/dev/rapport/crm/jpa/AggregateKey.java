package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/** The primary key of every aggregate table: the tenant and the aggregate's id. */
@Access(AccessType.FIELD)
class AggregateKey implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    String tenantId = "";
    String id = "";

    protected AggregateKey() {
    }

    AggregateKey(String tenantId, String id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AggregateKey k && tenantId.equals(k.tenantId) && id.equals(k.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, id);
    }
}
