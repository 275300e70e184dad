package dev.rapport.crm.jpa;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The databases the adapter has SQL scripts for. The few statements Jakarta Persistence cannot
 * express portably (claiming rows with locks that skip the rows another node holds, inserting a row
 * unless it exists) are written per database; everything else is the standard API.
 *
 * <pre>{@code
 * JpaTimerStore timers = JpaTimerStore.owning(emf).database(DatabaseKind.POSTGRESQL).build();
 * DatabaseKind kind = DatabaseKind.fromJdbcUrl("jdbc:mariadb://db:3306/crm").orElseThrow();
 * }</pre>
 */
public enum DatabaseKind {
    /** H2 2.x. */
    H2,
    /** PostgreSQL 12 or later. */
    POSTGRESQL,
    /** MariaDB 10.6 or later. */
    MARIADB;

    /**
     * The database a JDBC URL names.
     *
     * @param url a JDBC URL such as {@code jdbc:postgresql://host/db}
     * @return the database, or empty if it is none of these
     */
    public static Optional<DatabaseKind> fromJdbcUrl(String url) {
        String u = Objects.requireNonNull(url, "url").toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return Optional.of(H2);
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRESQL);
        }
        if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
            return Optional.of(MARIADB);
        }
        return Optional.empty();
    }

    /** The database named by the standard JDBC URL property of a persistence unit, if it has one. */
    static Optional<DatabaseKind> fromProperties(Map<String, Object> properties) {
        for (String key : new String[] {"jakarta.persistence.jdbc.url", "javax.persistence.jdbc.url"}) {
            @Nullable Object url = properties.get(key);
            if (url instanceof String s) {
                return fromJdbcUrl(s);
            }
        }
        return Optional.empty();
    }
}
