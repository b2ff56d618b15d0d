package org.duban.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.duban.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark, run with {@code ./mvnw -Pbench test -Dtest=FanOutBenchmark} (PostgreSQL). One directive to
 * every street and community of a large generated organisation (16 districts × 12 streets × 5 communities, not the
 * demo's): how long until the issuing request returns, and until every unit can see its 签收 task; beside a bare
 * multi-instance call activity over the same units (one user task each, candidate group per unit) started in the
 * same engine, in alternating rounds. Figures go to {@code target/bench/fan-out.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true", "logging.level.root=warn", "logging.level.org.duban=warn",
        "duban.identity.location=file:target/bench/fan-out-organisation.yaml",
        "duban.notifications.poll-interval=PT1H"})
class FanOutBenchmark {

    private static final int DISTRICTS = 16;
    private static final int STREETS = 12;
    private static final int COMMUNITIES = 5;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /**
     * Unmeasured rounds first, each side in turn, until the JIT compiler threads use under {@link #JIT_QUIET} of one
     * core over a pair of rounds (at least {@link #WARMUP}, at most {@link #WARMUP_MAX}): a node that has run for a
     * while has its code compiled, and after three rounds the compiler still took 1.2–4.4 s of CPU in each of Duban's
     * rounds, as much as the job executor's threads.
     */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 3);
    private static final int WARMUP_MAX = Integer.getInteger("bench.warmup.max", 15);
    private static final double JIT_QUIET = 0.05;
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        writeOrganisation();
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void one_directive_to_every_street_and_community() throws Exception {
        deployBare();
        Autovacuum autovacuum = Boolean.getBoolean("bench.autovacuum") ? Autovacuum.start(List.of(jdbc)) : null;
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        String request = """
                {"title":"全市背街小巷环境整治","instruction":"各街道、社区按要求整治并报送照片。","priority":"normal",
                 "leadDepartment":"kjj","targets":[{"level":"street"},{"level":"community"}],"deadline":"%s",
                 "reportCycle":"none"}""".formatted(deadline);
        Http leader = Http.basic(port, "leader", "demo");
        JsonNode preview = JSON.readTree(leader.post("/api/directives/preview", request).body());
        int units = preview.get("total").asInt();
        // the bare side gets exactly the units Duban reaches
        List<String> unitCodes = new ArrayList<>();
        preview.get("units").forEach(u -> unitCodes.add(u.get("code").asText()));

        int warmup = 0;
        double jitShare = 1;
        while (warmup < WARMUP || (jitShare >= JIT_QUIET && warmup < WARMUP_MAX)) {
            long compiledBefore = CpuTimes.compilerMillis();
            long begin = System.nanoTime();
            duban(leader, request, units);
            bare(unitCodes);
            jitShare = (CpuTimes.compilerMillis() - compiledBefore) / ((System.nanoTime() - begin) / 1e6);
            warmup++;
        }
        if (Boolean.getBoolean("bench.analyze")) {
            // autovacuum is off on this server (CI's configuration): planner statistics of what the warm-up wrote,
            // as a server in use has them (-Dbench.autovacuum=true does what its autovacuum would, all along)
            jdbc.execute("ANALYZE");
        }
        PostgresStatements statements = new PostgresStatements(jdbc);
        Files.createDirectories(Path.of("target", "bench"));
        List<double[]> dubanRounds = new ArrayList<>();
        List<double[]> bareRounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            if (round == ROUNDS - 1) {
                statements.reset();
            }
            dubanRounds.add(duban(leader, request, units));
            if (round == ROUNDS - 1) {
                statements.write(Path.of("target", "bench", "fan-out-statements.txt"), 60);
                statements.reset();
            }
            bareRounds.add(bare(unitCodes));
            if (round == ROUNDS - 1) {
                statements.write(Path.of("target", "bench", "fan-out-statements-bare.txt"), 40);
            }
        }
        double returned = median(dubanRounds.stream().map(r -> r[0]).toList());
        double everyone = median(dubanRounds.stream().map(r -> r[1]).toList());
        double bare = median(bareRounds.stream().map(r -> r[0]).toList());
        String report = String.format("""
                Fan-out benchmark on %s: one directive to %,d units (lead + every street and community of %d districts \
                × %d streets × %d communities and the demo's), %d alternating rounds after %d of warm-up (JIT compiler CPU \
                in the last %.0f%% of one core), medians
                Duban: issuing request returned in %.2f s (target ≤ 2 s); every unit sees its 签收 task after %.2f s
                bare MI call activity of %,d (same engine, one transaction): %.2f s
                ratio (bare / Duban, every unit reached): %.2f× (target ≥ 1.0×)
                CPU a round, JVM / PostgreSQL (s): Duban %.2f / %.2f, bare %.2f / %.2f
                rounds, Duban every unit reached (s): %s; bare (s): %s
                """, jdbc.queryForObject("SELECT version()", String.class).split(",")[0], units, DISTRICTS, STREETS,
                COMMUNITIES, ROUNDS, warmup, jitShare * 100, returned, everyone, unitCodes.size(), bare, bare / everyone,
                median(dubanRounds.stream().map(r -> r[2]).toList()), median(dubanRounds.stream().map(r -> r[3]).toList()),
                median(bareRounds.stream().map(r -> r[1]).toList()), median(bareRounds.stream().map(r -> r[2]).toList()),
                dubanRounds.stream().map(r -> String.format("%.2f", r[1])).toList(),
                bareRounds.stream().map(r -> String.format("%.2f", r[0])).toList());
        if (autovacuum != null) {
            report += autovacuum.summary() + "\n";
            autovacuum.close();
        }
        System.out.println(report);
        Path out = Path.of("target", "bench", "fan-out.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /**
     * Seconds until the request returned, and until every unit's sign task exists; the JVM's and PostgreSQL's CPU
     * seconds meanwhile (the count of tasks asked every 50 ms is in them, a small part).
     */
    private double[] duban(Http leader, String request, int units) throws Exception {
        long jvm = CpuTimes.jvmMillis();
        long postgres = CpuTimes.postgresMillis();
        long start = System.nanoTime();
        Http.Response issued = leader.post("/api/directives", request);
        double returned = (System.nanoTime() - start) / 1e9;
        if (issued.status() != 201) {
            throw new IllegalStateException(issued.body());
        }
        String number = JSON.readTree(issued.body()).get("number").asText();
        while (engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey("Task_SignDirective").count() < units) {
            if (System.nanoTime() - start > 600e9) {
                throw new IllegalStateException("not every unit reached within 10 minutes");
            }
            Thread.sleep(50);
        }
        double everyone = (System.nanoTime() - start) / 1e9;
        double[] round = {returned, everyone, (CpuTimes.jvmMillis() - jvm) / 1e3,
                (CpuTimes.postgresMillis() - postgres) / 1e3};
        JsonNode shown = JSON.readTree(leader.get("/api/directives/" + number).body());
        if (shown.get("delivered").asInt() != units) {
            throw new IllegalStateException("the directive shows " + shown.get("delivered") + " of " + units + " delivered");
        }
        return round;
    }

    /** Seconds the bare start takes, and the JVM's and PostgreSQL's CPU seconds meanwhile. */
    private double[] bare(List<String> units) {
        long jvm = CpuTimes.jvmMillis();
        long postgres = CpuTimes.postgresMillis();
        long start = System.nanoTime();
        engine.getRuntimeService().startProcessInstanceByKey("bench-fan-out", Map.of("units", units));
        return new double[] {(System.nanoTime() - start) / 1e9, (CpuTimes.jvmMillis() - jvm) / 1e3,
                (CpuTimes.postgresMillis() - postgres) / 1e3};
    }

    private void deployBare() {
        BpmnModelInstance parent = Bpmn.createExecutableProcess("bench-fan-out").camundaHistoryTimeToLive(1)
                .startEvent().callActivity("Call").calledElement("bench-fan-out-unit").camundaIn("unit", "unit")
                .multiInstance().parallel().camundaCollection("${units}").camundaElementVariable("unit")
                .multiInstanceDone().endEvent().done();
        BpmnModelInstance unit = Bpmn.createExecutableProcess("bench-fan-out-unit").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Sign").camundaCandidateGroups("dept-${unit}").endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("bench-fan-out.bpmn", parent)
                .addModelInstance("bench-fan-out-unit.bpmn", unit).deploy();
    }

    private static String street(int d, int s) {
        return String.format("fo%02d-s%02d", d, s);
    }

    /** The demo organisation with 16 generated districts appended to its units. */
    private static void writeOrganisation() {
        try {
            String demo = Files.readString(Path.of("processes", "organisation.yaml"));
            StringBuilder units = new StringBuilder();
            for (int d = 1; d <= DISTRICTS; d++) {
                String district = String.format("fo%02d", d);
                units.append(unit(district, "基准区" + d, null, "district"));
                for (int s = 1; s <= STREETS; s++) {
                    units.append(unit(street(d, s), "基准区" + d + "第" + s + "街道", district, "street"));
                    for (int c = 1; c <= COMMUNITIES; c++) {
                        units.append(unit(street(d, s) + "-c" + c, "基准区" + d + "第" + s + "街道第" + c + "社区",
                                street(d, s), "community"));
                    }
                }
            }
            int users = demo.indexOf("\nusers:");
            Path out = Path.of("target", "bench", "fan-out-organisation.yaml");
            Files.createDirectories(out.getParent());
            Files.writeString(out, demo.substring(0, users + 1) + units + demo.substring(users + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unit(String code, String name, String parent, String level) {
        return "  - code: " + code + "\n    level: " + level + "\n    name: " + name + "\n"
                + (parent == null ? "" : "    parent: " + parent + "\n");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
