package org.duban.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.support.Http;
import org.duban.support.Nodes;
import org.duban.support.ProcessDriver;
import org.duban.support.TestDatabaseInitializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The restore drill of the README, with the Debian PostgreSQL client tools: directives issued and
 * closed on a running node, {@code pg_dump -Fc} taken while it runs, {@code pg_restore} into a fresh
 * database, the application started on that copy, and the audit chain found intact with the same
 * number of records, the directive readable. PostgreSQL only (skipped on the H2 pass, and skipped with
 * a message where the client tools are not installed).
 */
@Tag("database")
class RestoreDrillIT {

    private static final String[] QUIET = {"duban.notifications.poll-interval=PT1H",
            "camunda.bpm.job-execution.enabled=false", "logging.level.org.duban=warn"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDumpRestoredIntoAFreshDatabaseKeepsTheAuditChainIntact() throws Exception {
        assumeTrue(TestDatabaseInitializer.onPostgres(), "the restore drill runs on PostgreSQL only");
        assumeTrue(tool("pg_dump") && tool("pg_restore"),
                "pg_dump/pg_restore not found on PATH: install Debian's postgresql-client to run the restore drill");

        Path dump = Files.createDirectories(Path.of("target", "restore-drill")).resolve("duban-" + System.nanoTime() + ".dump");
        String number;
        JsonNode before;
        try (Nodes source = Nodes.onFreshDatabase("drill_source")) {
            ConfigurableApplicationContext node = source.start("drill-source", QUIET);
            number = closeADirective(node.getBean(ProcessEngine.class));
            before = verification(Nodes.port(node), false);
            assertThat(before.get("intact").asBoolean()).isTrue();
            assertThat(before.get("checked").asInt()).isGreaterThan(5);
            // online, as in production: pg_dump reads one consistent snapshot while the node runs
            run("pg_dump", "--format=custom", "--no-owner", "--host", host(), "--port", port(), "--username",
                    TestDatabaseInitializer.postgresUser(), "--file", dump.toString(), database(source.url()));
        }

        String restored = TestDatabaseInitializer.newPostgresDatabase("drill_restored");
        run("pg_restore", "--no-owner", "--exit-on-error", "--host", host(), "--port", port(), "--username",
                TestDatabaseInitializer.postgresUser(), "--dbname", restored, dump.toString());

        try (Nodes copy = Nodes.on(TestDatabaseInitializer.postgresUrl(restored), TestDatabaseInitializer.postgresUser(),
                TestDatabaseInitializer.postgresPassword())) {
            ConfigurableApplicationContext node = copy.start("drill-restored", QUIET);
            // a full walk: the checkpoint the source's verification left came along in the dump
            JsonNode after = verification(Nodes.port(node), true);
            assertThat(after.get("intact").asBoolean()).as(after.toString()).isTrue();
            assertThat(after.get("checked").asInt()).isEqualTo(before.get("records").asInt());
            assertThat(after.get("records").asInt()).isEqualTo(before.get("records").asInt());
            Http.Response directive = Http.basic(Nodes.port(node), "leader", "demo").get("/api/directives/" + number);
            assertThat(directive.status()).isEqualTo(200);
            assertThat(directive.body()).contains("\"status\":\"CLOSED\"");
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    /** Issues a directive to one department and takes it through signing, submission and acceptance. */
    private static String closeADirective(ProcessEngine engine) {
        ProcessDriver driver = new ProcessDriver(engine);
        ProcessInstance directive = driver.issue("leader", "kjj", "", LocalDate.now().plusMonths(1).toString(), "none");
        String number = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(directive.getId())
                .singleResult().getBusinessKey();
        ProcessInstance work = driver.departmentWork(number, "kjj");
        driver.sign("kjj", work);
        driver.submit("kjj", work);
        driver.accept(work, 5);
        driver.executeDueJobs();
        return number;
    }

    private static JsonNode verification(int port, boolean full) throws IOException {
        return JSON.readTree(Http.basic(port, "auditor", "demo").get("/api/audit/verification" + (full ? "?full=true" : ""))
                .body());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        if (!TestDatabaseInitializer.postgresPassword().isEmpty()) {
            builder.environment().put("PGPASSWORD", TestDatabaseInitializer.postgresPassword());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(command[0] + " finished").isTrue();
        assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
    }

    private static boolean tool(String name) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, name))) {
                return true;
            }
        }
        return false;
    }

    /** Host and port of the test server, from its JDBC URL (jdbc:postgresql://127.0.0.1:5432/). */
    private static String host() {
        return server().split(":")[0];
    }

    private static String port() {
        String[] parts = server().split(":");
        return parts.length > 1 ? parts[1] : "5432";
    }

    private static String server() {
        String url = TestDatabaseInitializer.postgresUrl("");
        return url.substring("jdbc:postgresql://".length()).replaceAll("/.*$", "");
    }

    private static String database(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
