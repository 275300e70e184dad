package dev.rapport.crm.benchmarks.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/** The benchmarks' database: the adapter's tables dropped and created again from its script. */
final class BenchDatabase {
    /** The adapter's tables of the core and engagement scripts. */
    static final List<String> TABLES = List.of("rapport_contact_email", "rapport_contact_external_id",
            "rapport_contact_match_key", "rapport_account_contact_role", "rapport_account_external_id",
            "rapport_account_match_key", "rapport_opportunity_contact_role", "rapport_contact", "rapport_account",
            "rapport_pipeline", "rapport_opportunity", "rapport_lead", "rapport_subscription",
            "rapport_custom_field_schema", "rapport_outbox", "rapport_activity", "rapport_task", "rapport_ticket",
            "rapport_campaign", "rapport_campaign_member", "rapport_consent", "rapport_tombstone",
            "rapport_merge_record", "rapport_external_key");
    private static final List<String> SCRIPTS = List.of("V1__rapport_core.sql", "V2__rapport_engagement.sql");

    private BenchDatabase() {
    }

    /** The folder of the database's migration scripts. */
    static String dialect(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        if (url.startsWith("jdbc:mariadb:")) {
            return "mariadb";
        }
        return "h2";
    }

    /** Drops the adapter's tables and runs the migration script. */
    static void recreate(Connection connection, String url) throws SQLException, IOException {
        StringBuilder sql = new StringBuilder();
        for (String name : SCRIPTS) {
            String path = "/db/migration/" + dialect(url) + "/" + name;
            String script;
            try (InputStream in = Objects.requireNonNull(BenchDatabase.class.getResourceAsStream(path), path)) {
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String line : script.split("\n")) {
                if (!line.strip().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
        }
        try (Statement st = connection.createStatement()) {
            for (String table : TABLES) {
                st.execute("DROP TABLE IF EXISTS " + table + (url.startsWith("jdbc:postgresql:") ? " CASCADE" : ""));
            }
            for (String statement : sql.toString().split(";\\s*\n")) {
                if (!statement.isBlank()) {
                    st.execute(statement.strip());
                }
            }
        }
    }

    /**
     * Gives PostgreSQL statistics of the new, empty contact tables that describe a table of the
     * tenant's rows, as autovacuum would within a minute of an import's start: 1,000 contacts of
     * the tenant, with an address and a match key each, are written, analyzed and deleted. Without
     * such statistics the cached plan of the foreign-key check of every e-mail and match-key row
     * finds the contact through the owner index by tenant alone (to the planner it costs the same
     * as the primary key) and so reads every contact the import has written so far: the import
     * slows down with every row, on either side of a comparison, until autovacuum happens to
     * analyze the table.
     */
    static void primeStatistics(Connection connection, String url, String tenant) throws SQLException {
        if (!url.startsWith("jdbc:postgresql:")) {
            return;
        }
        String rows = series(url, 1000);
        try (Statement st = connection.createStatement()) {
            st.execute("INSERT INTO rapport_contact (tenant_id, id, version, created_at, created_at_nanos, updated_at,"
                    + " updated_at_nanos, first_name, phones, lifecycle_stage, lifecycle_history, tags, custom_fields)"
                    + " SELECT '" + tenant + "', 'seed-' || g, 1, TIMESTAMP '2026-11-22 10:00:00', 0,"
                    + " TIMESTAMP '2026-11-22 10:00:00', 0, 'Seed', '[]', 'LEAD', '[]', '[]', '{}' FROM " + rows);
            st.execute("INSERT INTO rapport_contact_email (tenant_id, contact_id, list_position, email)"
                    + " SELECT '" + tenant + "', 'seed-' || g, 0, 'seed' || g || '@bench.example' FROM " + rows);
            st.execute("INSERT INTO rapport_contact_match_key (tenant_id, contact_id, list_position, key_kind,"
                    + " key_value) SELECT '" + tenant + "', 'seed-' || g, 0, 'EMAIL_DOMAIN', 'bench.example' FROM "
                    + rows);
            analyze(connection, url, "rapport_contact", "rapport_contact_email", "rapport_contact_match_key");
            st.execute("DELETE FROM rapport_contact WHERE tenant_id = '" + tenant + "'");
        }
    }

    /** Updates the planner's statistics where the database keeps them. */
    static void analyze(Connection connection, String url, String... tables) throws SQLException {
        if (url.startsWith("jdbc:postgresql:")) {
            try (Statement st = connection.createStatement()) {
                for (String table : tables) {
                    st.execute("ANALYZE " + table);
                }
            }
        }
    }

    /** A FROM clause of {@code n} rows with one integer column {@code g}, from 0, for bulk INSERT ... SELECT. */
    static String series(String url, int n) {
        return url.startsWith("jdbc:postgresql:") ? "generate_series(0, " + (n - 1) + ") AS r(g)"
                : "(SELECT X AS g FROM SYSTEM_RANGE(0, " + (n - 1) + ")) r";
    }
}
