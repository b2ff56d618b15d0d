package org.duban.bench;

import static org.duban.directive.DirectiveVariables.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.duban.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Not a test: a benchmark, run with {@code ./mvnw -Pbench test -Dtest=ClosedLoopBenchmark} (PostgreSQL). In one JVM
 * and on one PostgreSQL server it sets Duban's directive against a bare Camunda replica with the same work and no
 * Duban code: a multi-instance call activity of 5 departments × sign, handle, review, in a second engine of its own
 * (standalone, Camunda's defaults: FULL history, default job executor and pool) on a database of its own. Duban
 * does everything it does in production: validation, numbering, lights, the supervision clock, score with its
 * components, timeline, audit chain, notifications. Figures, each with its ratio to the bare one:
 * <ul>
 * <li>issue latency p50/p95: starting a directive to 5 departments through the Java API (both) and over HTTP
 * through {@code POST /api/directives} (Duban, one logged-in session);</li>
 * <li>closed-loop throughput: directives per second, every task completed through the Java API by 4 client
 * threads as the unit's person, until every directive has ended;</li>
 * <li>commits per closed loop and per second (each side's database in {@code pg_stat_database}), beside
 * {@code pgbench -N} on the same server in the same run (what this machine can commit at all).</li>
 * </ul>
 * Both measured on an empty record, then again with 1.5 million audit records and 100,000 finished directives of
 * history loaded (Duban's rows and the engine's history rows of both sides). Figures go to
 * {@code target/bench/closed-loop.txt}. For a profile of Duban alone, {@code -Dbench.dubanOnly=true} leaves the bare
 * side's measured rounds out (its figures then read NaN).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true", "logging.level.root=warn", "logging.level.org.duban=warn",
        // the loop writes every notification into the outbox, in its step; sending is OutboxBenchmark's figure
        "duban.notifications.poll-interval=PT1H"})
class ClosedLoopBenchmark {

    private static final int DIRECTIVES = Integer.getInteger("bench.directives", 150);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 150);
    private static final int WARMUP_MAX = Integer.getInteger("bench.warmup.max", 1500);
    /** The warm-up ends once the JIT compiler threads used less CPU than this share of one core over a batch. */
    private static final double JIT_QUIET = Double.parseDouble(System.getProperty("bench.warmup.jit-quiet", "0.05"));
    private static final int WARMUP_BATCH = 50;
    /** Whether both databases are analysed after the warm-up ({@code -Dbench.analyze=true}); see where it is read. */
    private static final boolean ANALYZE = Boolean.getBoolean("bench.analyze");
    /** Whether both databases get what autovacuum would do on a server in use ({@code -Dbench.autovacuum=true}). */
    private static final boolean AUTOVACUUM = Boolean.getBoolean("bench.autovacuum");
    private static final int HISTORY = Integer.getInteger("bench.history.directives", 100_000);
    private static final int RECORDS = Integer.getInteger("bench.history.records", 1_500_000);
    private static final int THREADS = 4;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final AtomicInteger BARE_NUMBERS = new AtomicInteger();
    private static final List<String> DEPARTMENTS = List.of("dsjj", "kjj", "zdxq", "dfs", "dsjj-zwfw");

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @LocalServerPort
    int port;

    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    private final Map<String, String> unitOfInstance = new ConcurrentHashMap<>();
    private Http session;
    private ProcessEngine bare;
    private JdbcTemplate bareJdbc;
    private String bareDatabase;
    private com.zaxxer.hikari.HikariDataSource bareDataSource;
    private String csrfHeader;
    private String csrfToken;
    private Autovacuum autovacuum;

    @Test
    void dubanAgainstBareCamunda() throws Exception {
        startBareEngine();
        try {
            run();
        } finally {
            if (autovacuum != null) {
                autovacuum.close();
            }
            bare.close();
            bareDataSource.close();
            jdbc.execute("DROP DATABASE IF EXISTS " + bareDatabase + " WITH (FORCE)");
        }
    }

    private void run() throws Exception {
        deployBareModels();
        if (AUTOVACUUM) {
            autovacuum = Autovacuum.start(List.of(jdbc, bareJdbc));
        }
        session = Http.loggedIn(port, "leader", "demo");
        // as the Issue page's script does: the session's CSRF token from the page's meta tags
        String page = session.get("/issue").body();
        csrfToken = meta(page, "csrf-token");
        csrfHeader = meta(page, "csrf-header");
        // a server runs for days: what it does per loop is measured once the JIT compiler is done with it. With both
        // engines in one JVM on two cores, a fixed warm-up of 150 loops left the compiler using half the CPU of the
        // measured rounds (Duban runs far more distinct code than the bare replica: Spring, DMN, mail, Lucene)
        StringBuilder warmUp = new StringBuilder();
        warmUp.append(warmUp("Duban", this::startDuban));
        httpIssueLatencies(WARMUP);
        warmUp.append(warmUp("bare", this::startBare));
        if (ANALYZE) {
            // autovacuum is off on this server (CI's configuration), so neither database has planner statistics
            // of what the warm-up wrote. Analysed once here, with no loop running, the bare replica fell from some 14
            // loops/s to 0.3-0.5: its runtime tables were empty then, and swollen with dead rows (Autovacuum says
            // more); -Dbench.autovacuum=true does what a server's autovacuum would instead
            jdbc.execute("ANALYZE");
            bareJdbc.execute("ANALYZE");
        }

        StringBuilder report = new StringBuilder();
        report.append(String.format("Closed-loop benchmark on %s, %d directives × %d departments, %d client threads%n",
                jdbc.queryForObject("SELECT version()", String.class).split(",")[0], DIRECTIVES, DEPARTMENTS.size(),
                THREADS));
        report.append(String.format("databases: Duban %s, bare %s%n", jdbc.queryForObject("SELECT current_database()",
                String.class), bareDatabase));
        report.append(pgbench());
        report.append(warmUp);
        measure("empty record", report);
        if (HISTORY == 0) {
            write(report);
            return;
        }

        long start = System.nanoTime();
        String dubanTemplate = finishedDubanDirective();
        List<String> bareRoots = List.of(finishedBareDirective());
        HistoryLoader loader = new HistoryLoader(jdbc, dataSource, transactions);
        loader.auditRecords(dubanTemplate, RECORDS, HISTORY);
        loader.directives(dubanTemplate, HISTORY);
        long engineRows = loader.engineHistory(dubanRoots(dubanTemplate), HISTORY)
                + new HistoryLoader(bareJdbc, null, null).engineHistory(bareRoots, HISTORY);
        report.append(String.format("%nhistory loaded in %.0f s: %,d audit records, %,d finished directives of each side, "
                + "%,d engine history rows%n", (System.nanoTime() - start) / 1e9, count("directive_event"), HISTORY,
                engineRows));
        runLoops(10, this::startDuban);
        runLoops(10, this::startBare);
        measure("with history", report);
        write(report);
    }

    /**
     * Loops in batches until the JIT compiler threads used under {@link #JIT_QUIET} of one core over a batch (at
     * least {@link #WARMUP} loops, at most {@link #WARMUP_MAX}); answers the line for the report.
     */
    private String warmUp(String side, Supplier<String> start) throws Exception {
        int loops = 0;
        double share = 1;
        while (loops < WARMUP || (share >= JIT_QUIET && loops < WARMUP_MAX)) {
            long compiledBefore = CpuTimes.compilerMillis();
            long begin = System.nanoTime();
            runLoops(WARMUP_BATCH, start);
            share = (CpuTimes.compilerMillis() - compiledBefore) / ((System.nanoTime() - begin) / 1e6);
            loops += WARMUP_BATCH;
        }
        return String.format("warm-up %s: %d loops, JIT compiler CPU in the last batch %.0f%% of one core%n", side, loops,
                share * 100);
    }

    private void write(StringBuilder report) throws IOException {
        if (autovacuum != null) {
            report.append(String.format("%n%s%n", autovacuum.summary()));
        }
        System.out.println(report);
        Path out = Path.of("target", "bench", "closed-loop.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /**
     * Each figure in {@link #ROUNDS} rounds, bare and Duban alternating (which goes first alternates too), and the
     * median of the rounds: on a shared machine a burst of other load then hits both sides alike.
     */
    private void measure(String label, StringBuilder report) throws Exception {
        List<Double> bareIssue = new ArrayList<>();
        List<Double> dubanIssue = new ArrayList<>();
        List<Double> httpIssue = new ArrayList<>();
        List<Double> bareRates = new ArrayList<>();
        List<Double> dubanRates = new ArrayList<>();
        List<Double> bareCommitsPerLoop = new ArrayList<>();
        List<Double> dubanCommitsPerLoop = new ArrayList<>();
        List<Double> bareCommitRate = new ArrayList<>();
        List<Double> dubanCommitRate = new ArrayList<>();
        List<Double> bareJit = new ArrayList<>();
        List<Double> dubanJit = new ArrayList<>();
        List<Double> bareJvmCpu = new ArrayList<>();
        List<Double> dubanJvmCpu = new ArrayList<>();
        List<Double> barePostgresCpu = new ArrayList<>();
        List<Double> dubanPostgresCpu = new ArrayList<>();
        // the last round of each side, statement by statement (where the server has pg_stat_statements)
        PostgresStatements dubanStatements = new PostgresStatements(jdbc);
        PostgresStatements bareStatements = new PostgresStatements(bareJdbc);
        for (int round = 0; round < ROUNDS; round++) {
            for (int side = 0; side < 2; side++) {
                boolean bareSide = (side + round) % 2 == 0;
                if (bareSide && Boolean.getBoolean("bench.dubanOnly")) {
                    continue;
                }
                boolean last = round == ROUNDS - 1;
                PostgresStatements statements = bareSide ? bareStatements : dubanStatements;
                if (last) {
                    statements.reset();
                }
                if (bareSide) {
                    bareIssue.addAll(issueLatencies(this::startBare));
                    Loops loops = loops(bareJdbc, this::startBare);
                    bareRates.add(loops.perSecond());
                    bareCommitsPerLoop.add(loops.commitsPerLoop());
                    bareCommitRate.add(loops.commitsPerSecond());
                    bareJit.add(loops.jitShare() * 100);
                    bareJvmCpu.add(loops.jvmCpuPerLoop());
                    barePostgresCpu.add(loops.postgresCpuPerLoop());
                } else {
                    dubanIssue.addAll(issueLatencies(this::startDuban));
                    httpIssue.addAll(httpIssueLatencies(DIRECTIVES / ROUNDS));
                    Loops loops = loops(jdbc, this::startDuban);
                    dubanRates.add(loops.perSecond());
                    dubanCommitsPerLoop.add(loops.commitsPerLoop());
                    dubanCommitRate.add(loops.commitsPerSecond());
                    dubanJit.add(loops.jitShare() * 100);
                    dubanJvmCpu.add(loops.jvmCpuPerLoop());
                    dubanPostgresCpu.add(loops.postgresCpuPerLoop());
                }
                if (last) {
                    statements.write(Path.of("target", "bench", "closed-loop-statements-"
                            + (label.startsWith("empty") ? "empty" : "history") + "-" + (bareSide ? "bare" : "duban")
                            + ".txt"), 60);
                }
            }
        }
        report.append(String.format("%n%s (%d rounds of %d directives each side, medians)%n", label, ROUNDS,
                DIRECTIVES / ROUNDS));
        report.append(String.format("%-44s %12s %12s %8s%n", "figure", "bare Camunda", "Duban", "ratio"));
        row(report, "issue latency p50, Java API (ms)", percentile(bareIssue, 50), percentile(dubanIssue, 50));
        row(report, "issue latency p95, Java API (ms)", percentile(bareIssue, 95), percentile(dubanIssue, 95));
        row(report, "issue latency p50, HTTP /api/directives (ms)", percentile(bareIssue, 50), percentile(httpIssue, 50));
        row(report, "issue latency p95, HTTP /api/directives (ms)", percentile(bareIssue, 95), percentile(httpIssue, 95));
        row(report, "closed loops per second", percentile(bareRates, 50), percentile(dubanRates, 50));
        report.append(String.format("%-44s %s | %s%n", "  rounds", bareRates.stream().map(r -> String.format("%.2f", r))
                .toList(), dubanRates.stream().map(r -> String.format("%.2f", r)).toList()));
        row(report, "commits per closed loop", percentile(bareCommitsPerLoop, 50), percentile(dubanCommitsPerLoop, 50));
        row(report, "commits per second", percentile(bareCommitRate, 50), percentile(dubanCommitRate, 50));
        row(report, "JIT compiler CPU in the loops (% of a core)", percentile(bareJit, 50), percentile(dubanJit, 50));
        // steadier than loops per second on a shared machine: what one loop costs, whatever else ran beside it
        row(report, "JVM CPU per closed loop (ms)", percentile(bareJvmCpu, 50), percentile(dubanJvmCpu, 50));
        row(report, "PostgreSQL CPU per closed loop (ms)", percentile(barePostgresCpu, 50),
                percentile(dubanPostgresCpu, 50));
    }

    private record Loops(double perSecond, double commitsPerLoop, double commitsPerSecond, double jitShare,
            double jvmCpuPerLoop, double postgresCpuPerLoop) {}

    private Loops loops(JdbcTemplate database, Supplier<String> start) throws Exception {
        int count = DIRECTIVES / ROUNDS;
        long before = commits(database);
        long compiledBefore = CpuTimes.compilerMillis();
        long jvmBefore = CpuTimes.jvmMillis();
        long postgresBefore = CpuTimes.postgresMillis();
        long begin = System.nanoTime();
        double rate = runLoops(count, start);
        double seconds = (System.nanoTime() - begin) / 1e9;
        double jitShare = (CpuTimes.compilerMillis() - compiledBefore) / (seconds * 1000);
        double jvm = (double) (CpuTimes.jvmMillis() - jvmBefore) / count;
        double postgres = (double) (CpuTimes.postgresMillis() - postgresBefore) / count;
        long commits = commits(database) - before;
        return new Loops(rate, (double) commits / count, commits / seconds, jitShare, jvm, postgres);
    }

    private void deployBareModels() {
        BpmnModelInstance department = Bpmn.createExecutableProcess("bare-department").camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("sign").camundaCandidateGroups("dept-${department}")
                .userTask("handle").camundaCandidateGroups("dept-${department}")
                .userTask("review").camundaCandidateGroups("supervisors").camundaAsyncAfter()
                .endEvent().done();
        BpmnModelInstance directive = Bpmn.createExecutableProcess("bare-directive").camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("work").calledElement("bare-department").camundaIn("department", "department")
                .camundaInBusinessKey("#{execution.processBusinessKey}")
                .camundaAsyncAfter()
                .multiInstance().parallel().cardinality(String.valueOf(DEPARTMENTS.size())).multiInstanceDone()
                .serviceTask("close").camundaExpression("${true}")
                .endEvent().done();
        bare.getRepositoryService().createDeployment().name("bare-benchmark")
                .addModelInstance("bare-department.bpmn", department)
                .addModelInstance("bare-directive.bpmn", directive).deploy();
    }

    private String startBare() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("department", "kjj");
        return "bare:" + bare.getRuntimeService()
                .startProcessInstanceByKey("bare-directive", "BARE-" + BARE_NUMBERS.incrementAndGet(), variables).getId();
    }

    private String startDuban() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TITLE, "基准测试事项");
        variables.put(INSTRUCTION, "请按期办理。");
        variables.put(PRIORITY, "normal");
        variables.put(LEAD_DEPARTMENT, DEPARTMENTS.get(0));
        variables.put(CO_DEPARTMENTS, String.join(",", DEPARTMENTS.subList(1, DEPARTMENTS.size())));
        variables.put(DEADLINE, deadline());
        variables.put(REPORT_CYCLE, "none");
        return as("leader", () -> engine.getRuntimeService().startProcessInstanceByKey(DIRECTIVE_PROCESS, variables).getId());
    }

    private static String deadline() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
    }

    private List<Double> issueLatencies(Supplier<String> start) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < DIRECTIVES; i++) {
            long begin = System.nanoTime();
            start.get();
            millis.add((System.nanoTime() - begin) / 1e6);
        }
        return millis;
    }

    private List<Double> httpIssueLatencies(int count) {
        List<Double> millis = new ArrayList<>();
        String body = """
                {"title":"基准测试事项","instruction":"请按期办理。","priority":"normal","leadDepartment":"dsjj",
                 "coDepartments":["kjj","zdxq","dfs","dsjj-zwfw"],"deadline":"%s","reportCycle":"none"}""".formatted(deadline());
        for (int i = 0; i < count; i++) {
            long begin = System.nanoTime();
            Http.Response response = session.postWithHeader("/api/directives", body, csrfHeader, csrfToken);
            millis.add((System.nanoTime() - begin) / 1e6);
            if (response.status() != 201 && response.status() != 200) {
                throw new IllegalStateException("issue over HTTP: " + response.status() + " " + response.body());
            }
        }
        return millis;
    }

    /** Starts and completes {@code count} directives with 4 threads; returns directives per second. */
    private double runLoops(int count, Supplier<String> start) throws Exception {
        AtomicInteger remaining = new AtomicInteger(count);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        long begin = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    String instance = start.get();
                    started.add(instance);
                    completeAll(instance);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        // the joins and closing run in jobs: the loop is closed when every directive has ended
        Set<String> ids = new HashSet<>();
        started.forEach(id -> ids.add(idOf(id)));
        ProcessEngine side = engineOf(started.get(0));
        while (side.getRuntimeService().createProcessInstanceQuery().processInstanceIds(ids).count() > 0) {
            Thread.sleep(20);
        }
        return count / ((System.nanoTime() - begin) / 1e9);
    }

    /** Instance ids of the bare replica carry "bare:" in front, to tell the engines apart. */
    private ProcessEngine engineOf(String id) {
        return id.startsWith("bare:") ? bare : engine;
    }

    private static String idOf(String id) {
        return id.startsWith("bare:") ? id.substring("bare:".length()) : id;
    }

    /** Completes every task of the directive as it appears (delivery runs in the background), 15 in all. */
    private void completeAll(String directiveInstance) throws InterruptedException {
        ProcessEngine side = engineOf(directiveInstance);
        String businessKey = side.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(idOf(directiveInstance)).singleResult().getBusinessKey();
        int completed = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (completed < DEPARTMENTS.size() * 3) {
            List<Task> tasks = side.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).list();
            if (tasks.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(businessKey + ": tasks did not appear");
                }
                Thread.sleep(5);
                continue;
            }
            for (Task task : tasks) {
                if (side == bare) {
                    // the bare replica knows no people: Camunda's defaults, no authorization
                    bare.getTaskService().complete(task.getId());
                } else {
                    String user = task.getTaskDefinitionKey().equals("Task_ReviewResult") ? "supervisor"
                            : unit(task.getProcessInstanceId());
                    as(user, () -> {
                        engine.getTaskService().complete(task.getId(), variablesFor(task.getTaskDefinitionKey()));
                        return null;
                    });
                }
                completed++;
            }
        }
    }

    private String unit(String processInstanceId) {
        return unitOfInstance.computeIfAbsent(processInstanceId, id -> {
            return jdbc.queryForObject("SELECT department FROM directive_department WHERE process_instance_id = ?",
                    String.class, id);
        });
    }

    private <T> T as(String user, Supplier<T> action) {
        List<String> ofUser = groups.computeIfAbsent(user, u -> engine.getIdentityService().createGroupQuery().groupMember(u)
                .list().stream().map(g -> g.getId()).toList());
        engine.getIdentityService().setAuthentication(user, ofUser);
        try {
            return action.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static Map<String, Object> variablesFor(String taskKey) {
        return switch (taskKey) {
            case "Task_SignDirective" -> Map.of(SIGN_OUTCOME, SIGN_OUTCOME_SIGN);
            case "Task_HandleDirective" -> Map.of(OUTCOME, OUTCOME_SUBMIT, RESULT_SUMMARY, "已完成");
            case "Task_ReviewResult" -> Map.of(ACCEPTED, true, QUALITY_RATING, 5, REVIEW_COMMENT, "同意");
            default -> Map.of();
        };
    }

    /** A Duban directive taken to its end: the pattern of the history. */
    private String finishedDubanDirective() throws Exception {
        String id = startDuban();
        completeAll(id);
        awaitEnded(id);
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
                .getBusinessKey();
    }

    private String finishedBareDirective() throws Exception {
        String id = startBare();
        completeAll(id);
        awaitEnded(id);
        return idOf(id);
    }

    private void awaitEnded(String id) throws InterruptedException {
        while (engineOf(id).getRuntimeService().createProcessInstanceQuery().processInstanceId(idOf(id)).count() > 0) {
            Thread.sleep(20);
        }
    }

    /**
     * The bare replica: an engine as Camunda's Spring Boot starter configures it by default (FULL history, the
     * default job executor, UUID ids, a Hikari pool of 10), on a fresh database of the same server.
     */
    private void startBareEngine() {
        bareDatabase = "duban_bare_" + System.nanoTime();
        jdbc.execute("CREATE DATABASE " + bareDatabase);
        String url = jdbc.getDataSource() instanceof com.zaxxer.hikari.HikariDataSource hikari ? hikari.getJdbcUrl() : null;
        String bareUrl = url.substring(0, url.lastIndexOf('/') + 1) + bareDatabase;
        com.zaxxer.hikari.HikariDataSource hikari = (com.zaxxer.hikari.HikariDataSource) jdbc.getDataSource();
        org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration configuration =
                (org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration)
                        org.camunda.bpm.engine.ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bare-replica");
        // Hikari with its defaults (10 connections), as Camunda's Spring Boot starter and Camunda Run have it
        com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
        pool.setJdbcUrl(bareUrl);
        pool.setUsername(hikari.getUsername());
        pool.setPassword(hikari.getPassword() == null ? "" : hikari.getPassword());
        bareDataSource = new com.zaxxer.hikari.HikariDataSource(pool);
        configuration.setDataSource(bareDataSource);
        // the starter's default id generator; the standalone one fetches id blocks on a second connection and
        // deadlocks a pool of 10 under 4 clients and the job executor
        configuration.setIdGenerator(new org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator());
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory(org.camunda.bpm.engine.ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(true);
        bare = configuration.buildProcessEngine();
        bareJdbc = new JdbcTemplate(bareDataSource);
    }

    /**
     * Transactions committed in the database of this template so far. Backends report to pg_stat_database at most
     * once a second and idle ones after 10 s, so the count is read after 11 s of quiet.
     */
    private static long commits(JdbcTemplate database) throws InterruptedException {
        Thread.sleep(11_000);
        return database.queryForObject("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()",
                Long.class);
    }

    /** The directive's own instance and its parts' instances: each is the root of its history. */
    private List<String> dubanRoots(String number) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).list()
                .stream().map(i -> i.getRootProcessInstanceId()).distinct().toList();
    }

    private static String meta(String page, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"")
                .matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no meta " + name + " on the Issue page");
        }
        return m.group(1);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    /** pgbench -N (simple updates, no branch contention) with 4 clients for 15 s on a scratch database. */
    private String pgbench() throws IOException, InterruptedException {
        String url = jdbc.queryForObject("SELECT inet_server_addr()::text || ':' || inet_server_port()", String.class);
        if (url == null) {
            return "pgbench: the server is reached over a socket, not measured\n";
        }
        String host = url.split(":")[0].replaceAll("/.*$", "");
        String serverPort = url.split(":")[1];
        String database = "duban_pgbench_" + System.nanoTime();
        jdbc.execute("CREATE DATABASE " + database);
        try {
            run("pgbench", "-i", "-q", "-s", "10", "-h", host, "-p", serverPort, "-U", "postgres", database);
            String out = run("pgbench", "-N", "-c", "4", "-j", "2", "-T", "15", "-h", host, "-p", serverPort, "-U",
                    "postgres", database);
            String tps = out.lines().filter(l -> l.startsWith("tps")).findFirst().orElse(out);
            return "pgbench -N, 4 clients, same server: " + tps.strip() + "\n";
        } catch (IOException e) {
            return "pgbench not run: " + e.getMessage() + "\n";
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + ": " + output);
        }
        return output;
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void row(StringBuilder report, String name, double bare, double duban) {
        report.append(String.format("%-44s %12.2f %12.2f %8.2f%n", name, bare, duban, duban / bare));
    }
}
