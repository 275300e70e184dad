package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.OpportunityId;
import jakarta.persistence.EntityManagerFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several application nodes on one database, as separate JVMs ({@link ReliabilityNode} started with
 * this test's class path): no update is lost, a node killed mid-run and restarted leaves every
 * event's actions done exactly once, and two nodes sharing due timers fire each exactly once. On H2
 * in a file opened in mixed mode (this JVM serves it to the nodes), and on PostgreSQL and MariaDB
 * when they are enabled.
 */
class MultiNodeReliabilityTest {
    /** A database the nodes share: its JDBC URL, and the test's own connection to it. */
    record Target(TestDatabase database, String url) {
        @Override
        public String toString() {
            return database.name();
        }
    }

    /** One H2 file per run of this class, under target/. */
    private static final String H2_URL = "jdbc:h2:file:" + Path.of("target", "reliability",
            UUID.randomUUID().toString(), "rapport").toAbsolutePath() + ";AUTO_SERVER=TRUE";

    /** This JVM's entity manager factory on each target, made once (a provider boots slowly). */
    private static final Map<String, EntityManagerFactory> FACTORIES = new ConcurrentHashMap<>();

    @AfterAll
    static void closeFactories() {
        FACTORIES.values().forEach(EntityManagerFactory::close);
    }

    static Stream<Target> targets() {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target(TestDatabase.H2, H2_URL));
        if (!System.getProperty(TestDatabase.POSTGRES_URL, "").isEmpty()) {
            targets.add(new Target(TestDatabase.POSTGRESQL, TestDatabase.POSTGRESQL.url()));
        }
        if (!System.getProperty(TestDatabase.MARIADB_URL, "").isEmpty()) {
            targets.add(new Target(TestDatabase.MARIADB, TestDatabase.MARIADB.url()));
        }
        return targets.stream();
    }

    /**
     * Opens the test's connection (on H2 the first, so this JVM serves the file to the nodes),
     * creates the adapter's tables from the scripts, and the table the nodes' actions write to.
     */
    private static Connection prepare(Target target) throws SQLException {
        Connection connection = DriverManager.getConnection(target.url());
        target.database().recreate(connection);
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + ReliabilityNode.EFFECT_TABLE);
            st.execute("CREATE TABLE " + ReliabilityNode.EFFECT_TABLE + " (step_key VARCHAR(700) NOT NULL,"
                    + " node VARCHAR(16) NOT NULL)");
        }
        return connection;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static TenantId freshTenant() {
        return TenantId.of("node-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @ParameterizedTest
    @MethodSource("targets")
    void twoThreadsAndTwoJvmsIncrementingTheSameOpportunitiesLoseNoUpdate(Target target) throws Exception {
        TenantId tenant = freshTenant();
        try (Connection connection = prepare(target)) {
            EntityManagerFactory emf = FACTORIES.computeIfAbsent(target.url(),
                    url -> TestDatabase.factory(TestDatabase.Provider.HIBERNATE, url));
            Crm crm = Crm.builder().store(JpaCrmStore.owning(emf).build()).tenant(tenant).build();
            List<OpportunityId> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(crm.opportunities().create(NewOpportunity.named("Deal " + i)
                        .amount(Money.of("0", "EUR"))).id());
            }
            String idList = String.join(",", ids.stream().map(OpportunityId::value).toList());
            int threads = 2;
            int increments = 60;
            try (Node n1 = Node.start("opportunities", target.url(), "n1", tenant.value(), "" + threads,
                    "" + increments, idList);
                    Node n2 = Node.start("opportunities", target.url(), "n2", tenant.value(), "" + threads,
                            "" + increments, idList)) {
                n1.await("READY");
                n2.await("READY");
                n1.go();
                n2.go();
                int conflicts = ReliabilityNode.increment(crm, ids, threads, increments);
                conflicts += n1.awaitCount("DONE conflicts=");
                conflicts += n2.awaitCount("DONE conflicts=");

                // Six writers, 60 increments each, spread evenly: 72 on each opportunity.
                for (OpportunityId id : ids) {
                    Opportunity o = crm.opportunities().get(id);
                    assertThat(o.amount()).isEqualTo(Money.of("72", "EUR"));
                    assertThat(o.version()).isEqualTo(1 + 72);
                }
                assertThat(count(connection, "SELECT SUM(amount) FROM rapport_opportunity WHERE tenant_id = '"
                        + tenant.value() + "'")).isEqualTo(6L * increments);
                // The writers did race: some updates were refused as stale and retried.
                assertThat(conflicts).isPositive();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void twoJvmsSharingTenThousandDueTimersFireEachExactlyOnce(Target target) throws Exception {
        int count = 10_000;
        try (Connection connection = prepare(target)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rapport_timer (id, tenant_id,"
                    + " due_at, due_at_nanos, kind, rule_id, rule_version, subject, trigger_id, step, attempt)"
                    + " VALUES (?, 'shared', ?, 0, 'RESUME', 'fire', 1, ?, ?, 0, 0)")) {
                for (int i = 0; i < count; i++) {
                    insert.setString(1, String.format("shared-%05d", i));
                    insert.setTimestamp(2, Timestamp.valueOf(Values.column(
                            ReliabilityNode.START.minusMillis(i % 5_000))));
                    insert.setString(3, "ContactId:c" + i);
                    insert.setString(4, "timer-" + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);

            try (Node n1 = Node.start("timers", target.url(), "n1"); Node n2 = Node.start("timers", target.url(), "n2")) {
                n1.await("READY");
                n2.await("READY");
                n1.go();
                n2.go();
                int fired1 = n1.awaitCount("DONE fired=");
                int fired2 = n2.awaitCount("DONE fired=");

                assertThat(fired1 + fired2).isEqualTo(count);
                assertThat(fired1).as("timers fired by n1").isPositive();
                assertThat(fired2).as("timers fired by n2").isPositive();
                assertThat(count(connection, "SELECT COUNT(*) FROM " + ReliabilityNode.EFFECT_TABLE)).isEqualTo(count);
                assertThat(count(connection, "SELECT COUNT(DISTINCT step_key) FROM " + ReliabilityNode.EFFECT_TABLE))
                        .isEqualTo(count);
                assertThat(count(connection, "SELECT COUNT(*) FROM " + ReliabilityNode.EFFECT_TABLE
                        + " WHERE node = 'n1'")).isEqualTo(fired1);
                assertThat(count(connection, "SELECT COUNT(*) FROM rapport_workflow_step")).isEqualTo(count);
                assertThat(count(connection, "SELECT COUNT(*) FROM rapport_timer")).isZero();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aJvmKilledInTheMiddleOfTenThousandEventsAndRestartedRunsEveryActionExactlyOnce(Target target)
            throws Exception {
        int count = 10_000;
        TenantId tenant = freshTenant();
        String effects = "SELECT COUNT(*) FROM " + ReliabilityNode.EFFECT_TABLE;
        try (Connection connection = prepare(target)) {
            long atKill;
            try (Node first = Node.start("events", target.url(), "n1", tenant.value(), "" + count)) {
                // Killed once a third of the first actions are done, or, on a slow machine, ten
                // seconds after the first one: either way in the middle of the run.
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                long firstSeen = 0;
                for (long done = count(connection, effects); done < count / 3; done = count(connection, effects)) {
                    assertThat(first.process.isAlive()).as("the node is still running; its output:%n%s", first.log())
                            .isTrue();
                    assertThat(System.nanoTime()).as("actions within five minutes").isLessThan(deadline);
                    if (done > 0 && firstSeen == 0) {
                        firstSeen = System.nanoTime();
                    }
                    if (firstSeen != 0 && System.nanoTime() - firstSeen > TimeUnit.SECONDS.toNanos(10)) {
                        break;
                    }
                    Thread.sleep(20);
                }
                first.process.destroyForcibly();
                assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                atKill = count(connection, effects);
                assertThat(first.log()).doesNotContain("DONE");
            }
            // Killed in the middle: some events' actions were done, not all of them.
            assertThat(atKill).isBetween(1L, 2L * count - 1);

            try (Node second = Node.start("events", target.url(), "n2", tenant.value(), "" + count)) {
                second.await("DONE");
                assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(second.process.exitValue()).isZero();
            }

            // Every event: its first action, then after the wait its second, each exactly once.
            assertThat(count(connection, "SELECT COUNT(*) FROM rapport_contact WHERE tenant_id = '" + tenant.value()
                    + "'")).isEqualTo(count);
            assertThat(count(connection, effects)).isEqualTo(2L * count);
            assertThat(count(connection, "SELECT COUNT(DISTINCT step_key) FROM " + ReliabilityNode.EFFECT_TABLE))
                    .isEqualTo(2L * count);
            assertThat(count(connection, "SELECT COUNT(*) FROM rapport_workflow_step WHERE tenant_id = '"
                    + tenant.value() + "'")).isEqualTo(2L * count);
            assertThat(count(connection, "SELECT COUNT(*) FROM rapport_outbox")).isZero();
            assertThat(count(connection, "SELECT COUNT(*) FROM rapport_timer")).isZero();
        }
    }

    /** A node: a child JVM running {@link ReliabilityNode}, its output read as it comes. */
    static final class Node implements AutoCloseable {
        private static final Duration PATIENCE = Duration.ofMinutes(10);   // a guard against a hung node only

        final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Deque<String> tail = new ArrayDeque<>();

        private Node(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                        synchronized (tail) {
                            tail.addLast(line);
                            if (tail.size() > 80) {
                                tail.removeFirst();
                            }
                        }
                    }
                } catch (IOException ended) {
                    // the process is gone
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        static Node start(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                    // Short-lived nodes: quick start over peak speed, on a machine shared with the build.
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), ReliabilityNode.class.getName()));
            command.addAll(List.of(args));
            return new Node(new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        String log() {
            synchronized (tail) {
                return String.join(System.lineSeparator(), tail);
            }
        }

        /** Waits for a line that starts with the prefix and returns it. */
        String await(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line == null && (!process.isAlive() && lines.isEmpty() || System.nanoTime() > deadline)) {
                    throw new AssertionError("no line " + prefix + " from the node; its output:"
                            + System.lineSeparator() + log());
                }
            }
        }

        int awaitCount(String prefix) throws InterruptedException {
            return Integer.parseInt(await(prefix).substring(prefix.length()).strip());
        }

        void go() throws IOException {
            Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            in.write("GO\n");
            in.flush();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
