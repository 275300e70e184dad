package dev.rapport.crm.jpa;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

/**
 * The database a workflow store runs on, for the statements that differ between databases: the
 * one its builder named, or else the one the persistence unit's JDBC URL names, read once.
 */
final class StoreDatabase {
    private final @Nullable DatabaseKind configured;
    private final String builderMethod;
    private volatile @Nullable DatabaseKind detected;

    /**
     * @param configured the database the builder named, or null to read it from the persistence unit
     * @param builderMethod the builder method that names it, for the error when neither says
     */
    StoreDatabase(@Nullable DatabaseKind configured, String builderMethod) {
        this.configured = configured;
        this.builderMethod = builderMethod;
    }

    DatabaseKind of(EntityManager em) {
        if (configured != null) {
            return configured;
        }
        DatabaseKind d = detected;
        if (d == null) {
            d = DatabaseKind.fromProperties(em.getEntityManagerFactory().getProperties())
                    .orElseThrow(() -> new IllegalStateException("cannot tell the database from the persistence"
                            + " unit: name it with " + builderMethod));
            detected = d;
        }
        return d;
    }
}
