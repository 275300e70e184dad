package dev.rapport.crm.examples;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.activity.TaskId;
import dev.rapport.crm.io.ExternalKeyId;
import dev.rapport.crm.jpa.JpaCrmStore;
import dev.rapport.crm.spi.CrmStore;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The database an example runs on, through the JPA adapter with Hibernate ORM: an H2 file under
 * {@code target/} by default, or any PostgreSQL (or H2) database given by its JDBC URL.
 *
 * <p>The adapter never creates tables; like a host with Flyway, this class runs the adapter's
 * migration scripts ({@code db/migration/<database>/V<n>__*.sql} in the adapter's jar) that the
 * database has not run yet, and remembers them in a table of its own.
 *
 * <pre>{@code
 * try (ExampleDatabase db = ExampleDatabase.open("jdbc:postgresql://127.0.0.1:5432/crm?user=postgres")) {
 *     Crm crm = Crm.builder().store(db.store()).build();
 * }
 * }</pre>
 */
final class ExampleDatabase implements AutoCloseable {
    /** The system property with the JDBC URL of the database to run on. */
    static final String URL_PROPERTY = "rapport.jdbc.url";
    /** The persistence unit of {@code META-INF/persistence.xml}. */
    static final String UNIT = "rapport-examples";
    private static final String HISTORY = "rapport_examples_schema_history";

    static {
        // Hibernate logs through JBoss Logging: send it to SLF4J, whose simple logger shows warnings only.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    private final String url;
    private final EntityManagerFactory factory;
    private final CrmStore store;

    private ExampleDatabase(String url, EntityManagerFactory factory) {
        this.url = url;
        this.factory = factory;
        // The examples are the only node on their database: pipelines and field schemas, read by
        // nearly every command, can be cached in this JVM.
        this.store = JpaCrmStore.owning(factory).cache(1_000, Duration.ofMinutes(5)).build();
    }

    /**
     * The URL of a fresh H2 database in a file: the file is deleted first, so every run starts empty.
     *
     * @param directory where the file goes, e.g. {@code target/}
     * @param name the file's name without extension
     * @return the JDBC URL
     */
    static String freshH2File(Path directory, String name) {
        Path base = directory.toAbsolutePath().normalize().resolve(name);
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(Path.of(base + ".mv.db"));
            Files.deleteIfExists(Path.of(base + ".trace.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "jdbc:h2:file:" + base.toString().replace('\\', '/');
    }

    /**
     * Opens a database: runs the adapter's migration scripts it lacks, then opens the persistence unit on it.
     *
     * @param url a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL (user and password as URL parameters)
     * @return the open database
     */
    static ExampleDatabase open(String url) {
        migrate(url);
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(UNIT,
                Map.of("jakarta.persistence.jdbc.url", url));
        return new ExampleDatabase(url, factory);
    }

    /** The store on this database. */
    CrmStore store() {
        return store;
    }

    /**
     * What the demo needs that the store on this database does not keep: the JPA adapter refuses
     * the aggregates it does not map yet, and this asks it for each.
     */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        TenantId probe = TenantId.of("probe");
        if (refuses(() -> store.read(probe, tx -> tx.externalKeys().find(ExternalKeyId.of("probe", "probe"))))) {
            missing.add("import keys");
        }
        if (refuses(() -> store.read(probe, tx -> tx.tasks().find(TaskId.of("probe"))))) {
            missing.add("tasks");
        }
        return missing;
    }

    private static boolean refuses(Runnable read) {
        try {
            read.run();
            return false;
        } catch (UnsupportedOperationException notMapped) {
            return true;
        }
    }

    /** The entity manager factory of this database. */
    EntityManagerFactory factory() {
        return factory;
    }

    /** The kind of database ("H2" or "PostgreSQL") and where it is, without user or password. */
    String description() {
        String where = url.replaceAll("[?;].*$", "");
        return (isPostgres(url) ? "PostgreSQL " : "H2 ") + where.replaceFirst("^jdbc:(h2:|postgresql:)", "");
    }

    @Override
    public void close() {
        factory.close();
    }

    private static boolean isPostgres(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    static String folder(String url) {
        if (isPostgres(url)) {
            return "postgresql";
        }
        if (url.startsWith("jdbc:h2:")) {
            return "h2";
        }
        throw new IllegalArgumentException("the examples run on H2 or PostgreSQL, not on " + url.replaceAll("[?;].*$", ""));
    }

    /** Runs the scripts of the database's folder that have not been run on it, in version order. */
    static void migrate(String url) {
        String folder = folder(url);
        try (Connection connection = DriverManager.getConnection(url); Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + HISTORY + " (script VARCHAR(200) PRIMARY KEY)");
            for (Script script : scripts(folder)) {
                try (PreparedStatement done = connection.prepareStatement(
                        "SELECT 1 FROM " + HISTORY + " WHERE script = ?")) {
                    done.setString(1, script.name());
                    try (ResultSet rs = done.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                for (String statement : statements(script.sql())) {
                    st.execute(statement);
                }
                try (PreparedStatement record = connection.prepareStatement(
                        "INSERT INTO " + HISTORY + " (script) VALUES (?)")) {
                    record.setString(1, script.name());
                    record.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the database at " + url.replaceAll("[?;].*$", "")
                    + ": " + e.getMessage(), e);
        }
    }

    record Script(int version, String name, String sql) {
    }

    /** The adapter's scripts for a database, read from its jar (or its classes folder), by version. */
    static List<Script> scripts(String folder) {
        String location = "db/migration/" + folder;
        URL url = Objects.requireNonNull(JpaCrmStore.class.getClassLoader().getResource(location), location);
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(jar.getPath(location));
                }
            }
            return read(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Script> read(Path directory) throws IOException {
        List<Script> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.matches("V\\d+__.*\\.sql")) {
                    int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
                    scripts.add(new Script(version, name, Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        scripts.sort(Comparator.comparingInt(Script::version));
        return scripts;
    }

    /** The statements of a script: comment lines dropped, split at semicolons that end a line. */
    static List<String> statements(String sql) {
        StringBuilder text = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                text.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : text.toString().split(";\\s*\n")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }
}
