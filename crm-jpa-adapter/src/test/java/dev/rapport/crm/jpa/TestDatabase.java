package dev.rapport.crm.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A database the tests run on: H2 in memory always; PostgreSQL and MariaDB when their JDBC URL is
 * given as a system property (the Maven profile {@code databases} sets both). Before first use the
 * adapter's tables are dropped and created again from the migration script of the database, so
 * every run tests the script as shipped. An unreachable database fails the tests that use it.
 */
enum TestDatabase {
    H2("h2", "jdbc:h2:mem:rapport-test;DB_CLOSE_DELAY=-1"),
    POSTGRESQL("postgresql", System.getProperty("rapport.it.postgres.url")),
    MARIADB("mariadb", System.getProperty("rapport.it.mariadb.url"));

    /** The system property that enables the PostgreSQL suites. */
    static final String POSTGRES_URL = "rapport.it.postgres.url";
    /** The system property that enables the MariaDB suites. */
    static final String MARIADB_URL = "rapport.it.mariadb.url";

    /** Child tables first, so that the drops respect the foreign keys. */
    static final List<String> TABLES = List.of("rapport_contact_email", "rapport_contact_external_id",
            "rapport_contact_match_key", "rapport_account_contact_role", "rapport_account_external_id",
            "rapport_account_match_key", "rapport_opportunity_contact_role", "rapport_contact", "rapport_account",
            "rapport_pipeline", "rapport_opportunity", "rapport_lead", "rapport_subscription",
            "rapport_custom_field_schema", "rapport_outbox", "rapport_activity", "rapport_task", "rapport_ticket",
            "rapport_campaign", "rapport_campaign_member", "rapport_consent", "rapport_tombstone",
            "rapport_merge_record", "rapport_external_key", "rapport_timer", "rapport_workflow_step",
            "rapport_workflow_enrollment", "rapport_workflow_edge", "rapport_workflow_segment_member");

    /** The migration scripts of every database, in the order they run. */
    static final List<String> SCRIPTS = List.of("V1__rapport_core.sql", "V2__rapport_engagement.sql",
            "V3__rapport_timers.sql", "V4__rapport_enrollments.sql", "V5__rapport_segments.sql");

    enum Provider {
        HIBERNATE("rapport-hibernate"),
        ECLIPSELINK("rapport-eclipselink");

        final String unit;

        Provider(String unit) {
            this.unit = unit;
        }
    }

    /** Every enabled database with every provider: H2 always, the others when their URL is set. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> enabledStores() {
        List<org.junit.jupiter.params.provider.Arguments> stores = new ArrayList<>();
        for (TestDatabase database : values()) {
            if (!database.url.isEmpty()) {
                for (Provider provider : Provider.values()) {
                    stores.add(org.junit.jupiter.params.provider.Arguments.of(database, provider));
                }
            }
        }
        return stores.stream();
    }

    private final String folder;
    private final String url;
    private final Map<Provider, EntityManagerFactory> factories = new EnumMap<>(Provider.class);
    private boolean created;

    TestDatabase(String folder, String url) {
        this.folder = folder;
        this.url = url == null ? "" : url;
    }

    String url() {
        if (url.isEmpty()) {
            throw new IllegalStateException(name() + " is not configured: set the system property for its URL");
        }
        return url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    /** The statements of the database's migration scripts, in order. */
    List<String> script() {
        List<String> statements = new ArrayList<>();
        for (String script : SCRIPTS) {
            statements.addAll(script(script));
        }
        return statements;
    }

    /** The statements of one of the database's migration scripts. */
    List<String> script(String name) {
        String path = "/db/migration/" + folder + "/" + name;
        try (InputStream in = Objects.requireNonNull(TestDatabase.class.getResourceAsStream(path), path)) {
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.strip().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            List<String> statements = new ArrayList<>();
            for (String statement : sql.toString().split(";\\s*\n")) {
                if (!statement.isBlank()) {
                    statements.add(statement.strip());
                }
            }
            return statements;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops the adapter's tables and runs the migration script on a connection. */
    void recreate(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String table : TABLES) {
                st.execute("DROP TABLE IF EXISTS " + table + (this == POSTGRESQL ? " CASCADE" : ""));
            }
            for (String statement : script()) {
                st.execute(statement);
            }
        }
    }

    /**
     * Where the tenant's rows still hold one of the values (compared ignoring case): every character
     * column of every table of the adapter is searched, found through the JDBC metadata so that no
     * table or column can be left out. Each place is given as {@code table.column}.
     */
    List<String> placesHolding(String tenant, List<String> values) {
        List<String> places = new ArrayList<>();
        try (Connection connection = connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(connection.getCatalog(), null, "%", null)) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                    if (name.toLowerCase(Locale.ROOT).startsWith("rapport_") && type.contains("TABLE")
                            && !type.contains("SYSTEM")) {
                        tables.add(name);
                    }
                }
            }
            if (tables.size() < TABLES.size()) {
                throw new IllegalStateException("found only the tables " + tables + " of " + TABLES);
            }
            for (String table : tables) {
                List<String> text = new ArrayList<>();
                boolean tenanted = false;
                try (ResultSet rs = meta.getColumns(connection.getCatalog(), null, table, "%")) {
                    while (rs.next()) {
                        String column = rs.getString("COLUMN_NAME");
                        tenanted |= column.equalsIgnoreCase("tenant_id");
                        if (TEXT_TYPES.contains(rs.getInt("DATA_TYPE"))) {
                            text.add(column);
                        }
                    }
                }
                for (String column : text) {
                    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM " + table + " WHERE "
                            + (tenanted ? "tenant_id = ? AND " : "") + "(");
                    for (int i = 0; i < values.size(); i++) {
                        sql.append(i == 0 ? "" : " OR ").append("LOWER(").append(column).append(") LIKE ?");
                    }
                    sql.append(')');
                    try (PreparedStatement st = connection.prepareStatement(sql.toString())) {
                        int p = 1;
                        if (tenanted) {
                            st.setString(p++, tenant);
                        }
                        for (String value : values) {
                            st.setString(p++, "%" + value.toLowerCase(Locale.ROOT) + "%");
                        }
                        try (ResultSet rs = st.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                places.add(table.toLowerCase(Locale.ROOT) + "." + column.toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(name() + " cannot be searched", e);
        }
        return places;
    }

    private static final java.util.Set<Integer> TEXT_TYPES = java.util.Set.of(Types.CHAR, Types.VARCHAR,
            Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);

    /** An entity manager factory of the provider on this database, with the tables created once per run. */
    synchronized EntityManagerFactory factory(Provider provider) {
        if (!created) {
            try (Connection connection = connect()) {
                recreate(connection);
            } catch (SQLException e) {
                throw new IllegalStateException(name() + " cannot be reached or prepared", e);
            }
            created = true;
        }
        return factories.computeIfAbsent(provider, p -> factory(p, urlFor(p)));
    }

    /**
     * The URL a provider connects with. EclipseLink 4.0 reads H2 identity values with
     * {@code CALL IDENTITY()}, which H2 2.x offers only in its LEGACY mode.
     */
    String urlFor(Provider provider) {
        return this == H2 && provider == Provider.ECLIPSELINK ? url() + ";MODE=LEGACY" : url();
    }

    static EntityManagerFactory factory(Provider provider, String url) {
        return Persistence.createEntityManagerFactory(provider.unit, Map.of("jakarta.persistence.jdbc.url", url));
    }
}
