package dev.rapport.crm.benchmarks.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.jpa.JpaCrmStore;
import dev.rapport.crm.party.Contact;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The import benchmark compares like with like: the adapter and the JDBC baseline write the same rows. */
class JpaImportBenchmarkTest {
    private static final int CONTACTS = 2_500;
    private static final int CHUNK = 1_000;

    @Test
    void theAdapterAndTheJdbcBaselineLeaveIdenticalTables() throws Exception {
        List<Contact> rows = JpaImportBenchmark.contacts(CONTACTS);

        String adapterUrl = "jdbc:h2:mem:import-adapter;DB_CLOSE_DELAY=-1";
        Map<String, List<String>> adapter;
        try (Connection connection = DriverManager.getConnection(adapterUrl)) {
            BenchDatabase.recreate(connection, adapterUrl);
            EntityManagerFactory factory = Persistence.createEntityManagerFactory("rapport-benchmarks",
                    Map.of("jakarta.persistence.jdbc.url", adapterUrl));
            try {
                JpaImportBenchmark.importAll(JpaCrmStore.owning(factory).build(), rows, CHUNK);
            } finally {
                factory.close();
            }
            adapter = contents(connection);
        }

        String jdbcUrl = "jdbc:h2:mem:import-jdbc;DB_CLOSE_DELAY=-1";
        Map<String, List<String>> jdbc;
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            BenchDatabase.recreate(connection, jdbcUrl);
            JdbcContactImport.insert(connection, rows, CHUNK);
            jdbc = contents(connection);
        }

        assertThat(adapter.get("rapport_contact")).hasSize(CONTACTS);
        assertThat(adapter.get("rapport_contact_email")).hasSize(CONTACTS);
        assertThat(adapter.get("rapport_contact_match_key")).hasSize(2 * CONTACTS);
        assertThat(jdbc).isEqualTo(adapter);
    }

    /** Every row of every table, as text, sorted. */
    private static Map<String, List<String>> contents(Connection connection) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Statement st = connection.createStatement()) {
            for (String table : BenchDatabase.TABLES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            row.append(meta.getColumnName(c)).append('=').append(rs.getString(c)).append(';');
                        }
                        rows.add(row.toString());
                    }
                }
                Collections.sort(rows);
                out.put(table, rows);
            }
        }
        return out;
    }
}
