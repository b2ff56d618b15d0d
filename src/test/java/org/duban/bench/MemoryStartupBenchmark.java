package org.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.DubanApplication;
import org.duban.support.ChildJvm;
import org.duban.support.Http;
import org.duban.support.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a benchmark, run with {@code ./mvnw -Pbench test -Dtest=MemoryStartupBenchmark} (PostgreSQL). A node
 * as production runs it: its own JVM with the options of the Dockerfile ({@code JAVA_OPTS}), on a fresh database.
 * Start-up is the time from the process's start until its readiness answers 200 (schema, engine, deployments);
 * then closed loops run over HTTP as people would do them (a leader issues through {@code /api/directives}, each
 * unit signs and submits through {@code /engine-rest}, the office accepts), and the node's resident memory is read
 * from {@code /proc}. Targets: start-up ≤ 20 s, resident ≤ 768 MiB after the loops. Figures go to
 * {@code target/bench/memory-startup.txt}.
 */
class MemoryStartupBenchmark {

    private static final int DIRECTIVES = Integer.getInteger("bench.memory.directives", 100);
    private static final List<String> UNITS = List.of("dsjj", "kjj", "zdxq", "dfs", "dsjj-zwfw");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNodeStartsWithinTwentySecondsAndStaysUnder768MiB() throws Exception {
        List<String> options = productionOptions();
        String database = TestDatabaseInitializer.newPostgresDatabase("memory");
        int port = freePort();
        long begin = System.nanoTime();
        try (ChildJvm node = ChildJvm.start("memory-node", options, DubanApplication.class.getName(), List.of(
                "--server.port=" + port, "--server.address=127.0.0.1", "--" + TestDatabaseInitializer.OWN_DATABASE + "=true",
                "--spring.datasource.url=" + TestDatabaseInitializer.postgresUrl(database),
                "--spring.datasource.username=" + TestDatabaseInitializer.postgresUser(),
                "--spring.datasource.password=" + TestDatabaseInitializer.postgresPassword(),
                "--duban.notifications.poll-interval=PT1H", "--logging.level.root=warn"))) {
            awaitReady(node, port);
            double startup = (System.nanoTime() - begin) / 1e9;
            long afterStart = residentKiB(node.pid());

            long loopsBegin = System.nanoTime();
            int closed = closedLoops(port);
            double loopSeconds = (System.nanoTime() - loopsBegin) / 1e9;
            long afterLoops = residentKiB(node.pid());

            String report = String.format("""
                    A node in its own JVM, PostgreSQL, JVM options of the Dockerfile: %s
                    start-up (process start → readiness 200): %.1f s (target ≤ 20 s)
                    resident after start-up: %d MiB
                    closed loops over HTTP: %d directives × %d units in %.0f s
                    resident after the loops: %d MiB (target ≤ 768 MiB)
                    """, String.join(" ", options), startup, afterStart / 1024, closed, UNITS.size(), loopSeconds,
                    afterLoops / 1024);
            System.out.println(report);
            Path out = Path.of("target", "bench", "memory-startup.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            assertThat(closed).isEqualTo(DIRECTIVES);
            assertThat(startup).as("start-up seconds").isLessThanOrEqualTo(20);
            assertThat(afterLoops / 1024).as("resident MiB").isLessThanOrEqualTo(768);
        }
    }

    /** The JVM options production uses: the Dockerfile's JAVA_OPTS, one place for both. */
    static List<String> productionOptions() throws Exception {
        Matcher m = Pattern.compile("ENV JAVA_OPTS=\"([^\"]+)\"").matcher(Files.readString(Path.of("Dockerfile")));
        assertThat(m.find()).as("JAVA_OPTS in the Dockerfile").isTrue();
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }

    private int closedLoops(int port) throws Exception {
        Http leader = Http.loggedIn(port, "leader", "demo");
        String page = leader.get("/issue").body();
        String token = meta(page, "csrf-token");
        String header = meta(page, "csrf-header");
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();
        AtomicInteger remaining = new AtomicInteger(DIRECTIVES);
        AtomicInteger closed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    Http.Response issued = leader.postWithHeader("/api/directives", """
                            {"title":"内存基准事项","instruction":"请按期办理。","priority":"normal","leadDepartment":"dsjj",
                             "coDepartments":["kjj","zdxq","dfs","dsjj-zwfw"],"deadline":"%s","reportCycle":"none"}"""
                            .formatted(deadline), header, token);
                    assertThat(issued.status()).as(issued.body()).isIn(200, 201);
                    String number = JSON.readTree(issued.body()).get("number").asText();
                    for (String unit : UNITS) {
                        Http person = Http.basic(port, unit, "demo");
                        complete(person, number, "{\"signOutcome\":{\"value\":\"sign\"}}");
                        complete(person, number, "{\"outcome\":{\"value\":\"submit\"},\"resultSummary\":{\"value\":\"已完成\"}}");
                    }
                    Http office = Http.basic(port, "supervisor", "demo");
                    for (int i = 0; i < UNITS.size(); i++) {
                        complete(office, number, "{\"accepted\":{\"value\":true},\"qualityRating\":{\"value\":5},"
                                + "\"reviewComment\":{\"value\":\"同意\"}}");
                    }
                    closed.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(30, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return closed.get();
    }

    /** Completes the person's first open task of the directive, waiting for it to reach them. */
    private static void complete(Http person, String number, String variables) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode tasks = JSON.readTree(person.get("/engine-rest/task?processInstanceBusinessKey=" + number).body());
            if (tasks.size() > 0) {
                Http.Response done = person.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                        "{\"variables\":" + variables + "}");
                assertThat(done.status()).as(done.body()).isEqualTo(204);
                return;
            }
            assertThat(System.nanoTime()).as(number + ": no task reached the person").isLessThan(giveUp);
            Thread.sleep(20);
        }
    }

    private static long residentKiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static void awaitReady(ChildJvm node, int port) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < giveUp) {
            assertThat(node.isAlive()).as("the node died, see " + node.log()).isTrue();
            try {
                if (Http.anonymous(port).get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // not yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready within two minutes, see " + node.log());
    }

    private static String meta(String page, String name) {
        Matcher m = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("meta " + name).isTrue();
        return m.group(1);
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
