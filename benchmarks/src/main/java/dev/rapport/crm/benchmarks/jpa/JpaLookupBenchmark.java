package dev.rapport.crm.benchmarks.jpa;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.jpa.JpaCrmStore;
import dev.rapport.crm.party.Contact;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The look-up of a contact by e-mail address through the JPA adapter (Hibernate ORM), among
 * {@code contacts} contacts of one tenant, as a whole command: a read transaction, the indexed query
 * and the mapping. Sample-time mode reports the percentiles (target from the adapter's issue: under
 * 2 ms at the 99th percentile among 1,000,000 contacts on PostgreSQL). The tables are recreated from
 * the adapter's script and filled with a JDBC batch before measuring.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar JpaLookup -f 1 -wi 2 -i 5 -w 2s -r 2s -t 1
 * java -jar benchmarks/target/benchmarks.jar JpaLookup -f 1 -p contacts=1000000 \
 *     -p url='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JpaLookupBenchmark {
    private static final List<String> TABLES = List.of("rapport_contact_email", "rapport_contact_external_id",
            "rapport_contact_match_key", "rapport_account_contact_role", "rapport_account_external_id",
            "rapport_account_match_key", "rapport_opportunity_contact_role", "rapport_contact", "rapport_account",
            "rapport_pipeline", "rapport_opportunity", "rapport_lead", "rapport_subscription",
            "rapport_custom_field_schema", "rapport_outbox", "rapport_activity", "rapport_task", "rapport_ticket",
            "rapport_campaign", "rapport_campaign_member", "rapport_consent", "rapport_tombstone",
            "rapport_merge_record", "rapport_external_key");
    private static final List<String> SCRIPTS = List.of("V1__rapport_core.sql", "V2__rapport_engagement.sql");
    private static final TenantId TENANT = TenantId.of("bench");

    /** The JDBC URL of the database, with its credentials. */
    @Param({"jdbc:h2:mem:rapport-bench;DB_CLOSE_DELAY=-1"})
    public String url;

    /** How many contacts the tenant has. */
    @Param({"100000"})
    public int contacts;

    private EntityManagerFactory factory;
    private Crm crm;
    private SplittableRandom random;

    /** Recreates the tables, inserts the contacts and builds the CRM on the adapter. */
    @Setup
    public void setUp() throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(url)) {
            recreate(connection);
            fill(connection);
        }
        factory = Persistence.createEntityManagerFactory("rapport-benchmarks",
                Map.of("jakarta.persistence.jdbc.url", url));
        crm = Crm.builder().store(JpaCrmStore.owning(factory).build()).tenant(TENANT).build();
        random = new SplittableRandom(42);
        if (crm.contacts().findByEmail(email(contacts - 1)).isEmpty()) {
            throw new IllegalStateException("the benchmark data was not loaded");
        }
    }

    /** Closes the entity manager factory. */
    @TearDown
    public void tearDown() {
        factory.close();
    }

    /**
     * Finds one contact by one of the tenant's addresses, chosen at random.
     *
     * @return the contact
     */
    @Benchmark
    public Optional<Contact> findByEmail() {
        return crm.contacts().findByEmail(email(random.nextInt(contacts)));
    }

    private static String email(int i) {
        return "person" + i + "@bench.example";
    }

    private static String dialect(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        if (url.startsWith("jdbc:mariadb:")) {
            return "mariadb";
        }
        return "h2";
    }

    private void recreate(Connection connection) throws SQLException, IOException {
        StringBuilder sql = new StringBuilder();
        for (String name : SCRIPTS) {
            String path = "/db/migration/" + dialect(url) + "/" + name;
            String script;
            try (InputStream in = Objects.requireNonNull(JpaLookupBenchmark.class.getResourceAsStream(path), path)) {
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

    private void fill(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 11, 22, 10, 0));
        try (PreparedStatement contact = connection.prepareStatement("INSERT INTO rapport_contact (tenant_id, id,"
                + " version, created_at, created_at_nanos, updated_at, updated_at_nanos, first_name, phones,"
                + " lifecycle_stage, lifecycle_history, tags, custom_fields)"
                + " VALUES (?, ?, 1, ?, 0, ?, 0, ?, '[]', 'LEAD', '[]', '[]', '{}')");
                PreparedStatement email = connection.prepareStatement("INSERT INTO rapport_contact_email"
                        + " (tenant_id, contact_id, list_position, email) VALUES (?, ?, 0, ?)")) {
            for (int i = 0; i < contacts; i++) {
                String id = "c-" + i;
                contact.setString(1, TENANT.value());
                contact.setString(2, id);
                contact.setTimestamp(3, now);
                contact.setTimestamp(4, now);
                contact.setString(5, "Person " + i);
                contact.addBatch();
                email.setString(1, TENANT.value());
                email.setString(2, id);
                email.setString(3, email(i));
                email.addBatch();
                if (i % 5_000 == 4_999) {
                    contact.executeBatch();
                    email.executeBatch();
                    connection.commit();
                }
            }
            contact.executeBatch();
            email.executeBatch();
            connection.commit();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            try (Statement st = connection.createStatement()) {
                st.execute("ANALYZE rapport_contact");
                st.execute("ANALYZE rapport_contact_email");
            }
            connection.commit();
        }
    }
}
