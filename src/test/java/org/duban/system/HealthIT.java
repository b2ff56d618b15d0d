package org.duban.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.duban.support.Http;
import org.duban.support.TestDatabaseInitializer;
import org.h2.tools.Server;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a load balancer and an orchestrator read: with the SMTP server stopped the node stays UP and
 * ready (mail waits in the outbox); with its database stopped it is DOWN and not ready, but alive.
 * The database is really stopped: on H2 the TCP server of the file database the application talks to
 * is shut down, on
 * PostgreSQL the test database refuses connections and its sessions are terminated. Both come back
 * afterwards, so the context closes cleanly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mail.host=127.0.0.1", "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.datasource.hikari.connection-timeout=1500"})
@Tag("database")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HealthIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static Server h2;
    /** A file database, so that it survives its server's stop (an in-memory one is closed with it). */
    private static Path h2Directory;
    private static int h2Port;
    private static final String H2_NAME = "health_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws SQLException, IOException {
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        if (!TestDatabaseInitializer.onPostgres()) {
            h2Directory = Files.createTempDirectory("duban-health");
            h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", h2Directory.toString()).start();
            h2Port = h2.getPort();
            registry.add(TestDatabaseInitializer.OWN_DATABASE, () -> "true");
            registry.add("spring.datasource.url",
                    () -> "jdbc:h2:tcp://127.0.0.1:" + h2Port + "/" + H2_NAME);
            registry.add("spring.datasource.username", () -> "sa");
            registry.add("spring.datasource.password", () -> "");
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;

    @Test
    @Order(1)
    void upAndReadyWithEverythingRunning() {
        assertThat(status("/actuator/health")).isEqualTo(200);
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);
        Http.Response details = Http.basic(port, "admin", "demo").get("/actuator/health");
        assertThat(details.body()).contains("\"processEngine\"", "\"jobExecutor\"", "\"outbox\"", "\"workCalendar\"",
                "\"mail\"", "\"smtp\":\"reachable\"");
        Http.Response readiness = Http.basic(port, "admin", "demo").get("/actuator/health/readiness");
        assertThat(readiness.body()).contains("\"db\"", "\"processEngine\"", "\"jobExecutor\"", "\"readinessState\"")
                .doesNotContain("\"mail\"", "\"outbox\"");
    }

    @Test
    @Order(2)
    void smtpStoppedLeavesTheNodeUpAndReady() {
        smtp.stop();
        assertThat(status("/actuator/health")).isEqualTo(200);
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);
        // the mail detail tests the connection again once its last look is ten seconds old
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Http.basic(port, "admin", "demo").get("/actuator/health").body().contains("\"smtp\":\"unreachable\""));
        Http.Response details = Http.basic(port, "admin", "demo").get("/actuator/health");
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.body()).startsWith("{\"status\":\"UP\"").contains("SMTP server unreachable");
        Http.Response gauge = Http.basic(port, "admin", "demo").get("/actuator/metrics/duban.mail.smtp.reachable");
        assertThat(gauge.body()).contains("\"value\":0.0");
    }

    @Test
    @Order(3)
    void databaseStoppedTakesTheNodeDownButNotItsLiveness() throws Exception {
        stopDatabase();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health") == 503);
            assertThat(Http.anonymous(port).get("/actuator/health").body()).contains("\"status\":\"DOWN\"");
            assertThat(status("/actuator/health/readiness")).isEqualTo(503);
            assertThat(status("/actuator/health/liveness")).isEqualTo(200);
            // people and clients are told why, not given a 500: the login page (its session lives in the database)
            // and an API call answer 503 with a Chinese reason and when to try again
            Http.Response login = Http.anonymous(port).get("/login");
            assertThat(login.status()).isEqualTo(503);
            assertThat(login.header("Content-Type")).startsWith("text/html");
            assertThat(login.header("Retry-After")).isEqualTo("30");
            assertThat(login.body()).contains("暂时无法连接数据库");
            Http.Response api = Http.basic(port, "admin", "demo").get("/api/dashboard");
            assertThat(api.status()).isEqualTo(503);
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.body()).contains("database-unavailable", "暂时无法连接数据库");
            // Camunda's own REST API as well (its basic login is checked against the database first)
            for (String path : List.of("/engine-rest/task", "/engine-rest/history/process-instance/count")) {
                Http.Response engine = Http.basic(port, "admin", "demo").get(path);
                assertThat(engine.status()).as(path + ": " + engine.body()).isEqualTo(503);
                assertThat(engine.header("Content-Type")).as(path).startsWith("application/problem+json");
                assertThat(engine.header("Retry-After")).as(path).isEqualTo("30");
                assertThat(engine.body()).as(path).contains("database-unavailable", "暂时无法连接数据库");
            }
        } finally {
            startDatabase();
        }
        // polled a second apart: the pool tests a connection idle for more than half a second and drops a dead one
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> status("/actuator/health/readiness") == 200);
    }

    private int status(String path) {
        return Http.anonymous(port).get(path).status();
    }

    private void stopDatabase() throws SQLException {
        if (h2 != null) {
            h2.stop();
            return;
        }
        String database = databaseName();
        try (Connection admin = TestDatabaseInitializer.postgresAdmin(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        }
    }

    private void startDatabase() throws SQLException {
        if (h2 != null) {
            h2 = Server.createTcpServer("-tcpPort", String.valueOf(h2Port), "-ifNotExists", "-baseDir",
                    h2Directory.toString()).start();
            return;
        }
        try (Connection admin = TestDatabaseInitializer.postgresAdmin(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + databaseName() + " WITH ALLOW_CONNECTIONS true");
        }
    }

    private String databaseName() {
        String url = environment.getRequiredProperty("spring.datasource.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
