package dev.rapport.crm.benchmarks.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.jpa.JpaCrmStore;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.ExternalIds;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Importing {@code contacts} contacts, each with one e-mail address, in transactions of
 * {@code chunk} rows: through the JPA adapter (Hibernate ORM) against a plain JDBC batch insert of
 * the same rows into the same tables — the contact, its address and its two duplicate-detection
 * keys ({@link JdbcContactImport}; a test checks that both leave identical tables). On PostgreSQL
 * the new tables get statistics first ({@link BenchDatabase#primeStatistics}), so that neither side
 * measures foreign-key checks planned for a table the planner knows nothing about. The target: the adapter at least half as fast. The
 * tables are recreated before every iteration, so each one imports into empty tables.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar JpaImport -f 1 -wi 1 -i 3
 * java -jar benchmarks/target/benchmarks.jar JpaImport -f 1 -wi 1 -i 3 \
 *     -p url='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JpaImportBenchmark {
    private static final TenantId TENANT = TenantId.of("bench");
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    /** The JDBC URL of the database, with its credentials. */
    @Param({"jdbc:h2:mem:rapport-import;DB_CLOSE_DELAY=-1"})
    public String url;

    /** How many contacts one run imports. */
    @Param({"100000"})
    public int contacts;

    /** How many contacts one transaction writes. */
    @Param({"1000"})
    public int chunk;

    private EntityManagerFactory factory;
    private JpaCrmStore store;
    private List<Contact> rows;

    /** Builds the contacts once and the persistence unit. */
    @Setup(Level.Trial)
    public void setUpTrial() {
        rows = contacts(contacts);
        factory = Persistence.createEntityManagerFactory("rapport-benchmarks",
                Map.of("jakarta.persistence.jdbc.url", url));
        store = JpaCrmStore.owning(factory).build();
    }

    /** Empty tables before each import. */
    @Setup(Level.Iteration)
    public void setUpIteration() throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(url)) {
            BenchDatabase.recreate(connection, url);
            BenchDatabase.primeStatistics(connection, url, TENANT.value());
        }
    }

    /** Closes the persistence unit. */
    @TearDown(Level.Trial)
    public void tearDown() {
        factory.close();
    }

    /**
     * Imports through the adapter's store port, one unit of work per chunk.
     *
     * @return the contacts imported
     */
    @Benchmark
    public int adapter() {
        importAll(store, rows, chunk);
        return contacts;
    }

    /**
     * Imports the same rows with JDBC batches, one transaction per chunk: the contact, its e-mail
     * address and its duplicate-detection keys, as the adapter writes them (a test checks that
     * both leave the same table contents).
     *
     * @return the contacts imported
     * @throws SQLException if the database refuses
     */
    @Benchmark
    public int jdbcBatch() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            JdbcContactImport.insert(connection, rows, chunk);
        }
        return contacts;
    }

    /** The benchmark's contacts: one e-mail address each, nothing else but a first name. */
    static List<Contact> contacts(int n) {
        List<Contact> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Contact(dev.rapport.crm.party.ContactId.of("c-" + i), TENANT, 1, "Person " + i, null,
                    List.of(new EmailAddress("person" + i + "@bench.example")), List.of(), null, null, null, null,
                    LifecycleStage.LEAD, List.of(), null, Set.of(), CustomFields.empty(), ExternalIds.none(), NOW,
                    NOW));
        }
        return out;
    }

    /**
     * Imports through the adapter's store port, {@code chunk} contacts per unit of work.
     *
     * @param store the store
     * @param rows contacts of the benchmark's tenant
     * @param chunk contacts per unit of work
     */
    static void importAll(JpaCrmStore store, List<Contact> rows, int chunk) {
        for (int from = 0; from < rows.size(); from += chunk) {
            List<Contact> part = rows.subList(from, Math.min(rows.size(), from + chunk));
            store.write(TENANT, tx -> {
                part.forEach(tx.contacts()::insert);
                return null;
            });
        }
    }
}
