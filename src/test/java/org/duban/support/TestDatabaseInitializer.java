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
 * PostgreSQL database with a random name that is dropped when the test JVM ends.
 * Registered for all contexts through {@code META-INF/spring.factories}.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String SERVER = System.getenv().getOrDefault("DUBAN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("DUBAN_TEST_PG_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("DUBAN_TEST_PG_PASSWORD", "");
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabaseInitializer::dropAll, "drop-test-databases"));
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
        Map<String, Object> properties = onPostgres()
                ? Map.of("spring.datasource.url", SERVER + createPostgresDatabase("duban_test_" + suffix),
                        "spring.datasource.username", USER, "spring.datasource.password", PASSWORD,
                        // the context cache keeps many applications alive at once; idle ones must hand their
                        // connections back, or the server's 100 run out
                        "spring.datasource.hikari.minimum-idle", "0", "spring.datasource.hikari.idle-timeout", "10000")
                : Map.of("spring.datasource.url", "jdbc:h2:mem:duban_" + suffix + ";DB_CLOSE_DELAY=-1",
                        "spring.datasource.username", "sa", "spring.datasource.password", "");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("duban-test-database", properties));
    }

    /** The server's JDBC URL with the database name appended, e.g. {@code jdbc:postgresql://127.0.0.1:5432/} + name. */
    public static String postgresUrl(String database) {
        return SERVER + database;
    }

    /** A connection to the server's maintenance database, for creating, dropping and locking out test databases. */
    public static Connection postgresAdmin() throws SQLException {
        return DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
    }

    /** A new empty PostgreSQL database, dropped when the test JVM ends. */
    public static String newPostgresDatabase(String prefix) {
        return createPostgresDatabase(prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    public static String postgresUser() {
        return USER;
    }

    public static String postgresPassword() {
        return PASSWORD;
    }

    private static String createPostgresDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            CREATED.add(name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + SERVER + ": " + e.getMessage(), e);
        }
    }

    private static void dropAll() {
        if (CREATED.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String name : CREATED) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases " + CREATED + ": " + e.getMessage());
        }
    }
}
