package org.duban.bench;

import static org.duban.directive.DirectiveVariables.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark, run with {@code ./mvnw -Pbench test} (PostgreSQL). It measures, in one
 * JVM and one database, Duban's directive against a bare Camunda process with the same tasks and no
 * Duban code (MI call activity of 5 departments × sign, handle, review), and prints each figure with
 * its ratio to the bare baseline:
 * <ul>
 * <li>issue latency p50/p95: starting a directive to 5 departments (Duban: validation, numbering,
 * read model, timeline, dispatch);</li>
 * <li>closed-loop throughput: directives per second, every task completed through the Java API by 4
 * client threads, until every directive has ended.</li>
 * </ul>
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=true", "logging.level.root=warn",
        "logging.level.org.duban=warn"})
class ClosedLoopBenchmark {

    private static final int DIRECTIVES = Integer.getInteger("bench.directives", 100);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    private static final int THREADS = 4;
    private static final AtomicInteger BARE_NUMBERS = new AtomicInteger();
    private static final List<String> DEPARTMENTS = List.of("dsjj", "kjj", "zdxq", "dfs", "dsjj-zwfw");

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void duban_against_bare_camunda() throws Exception {
        deployBareModels();
        // warm both paths up before measuring, alternating so neither profits from running second
        runLoops(WARMUP, this::startDuban, "Task_SignDirective");
        runLoops(WARMUP, this::startBare, "sign");

        List<Long> bareIssue = issueLatencies(this::startBare);
        List<Long> dubanIssue = issueLatencies(this::startDuban);
        double bareRate = runLoops(DIRECTIVES, this::startBare, "sign");
        double dubanRate = runLoops(DIRECTIVES, this::startDuban, "Task_SignDirective");

        StringBuilder report = new StringBuilder();
        report.append(String.format("Closed-loop benchmark on %s, %d directives × %d departments, %d client threads%n",
                jdbc.queryForObject("SELECT version()", String.class).split(",")[0], DIRECTIVES, DEPARTMENTS.size(), THREADS));
        report.append(String.format("%-34s %12s %12s %8s%n", "figure", "bare Camunda", "Duban", "ratio"));
        row(report, "issue latency p50 (ms)", percentile(bareIssue, 50), percentile(dubanIssue, 50));
        row(report, "issue latency p95 (ms)", percentile(bareIssue, 95), percentile(dubanIssue, 95));
        row(report, "closed loops per second", bareRate, dubanRate);
        System.out.println(report);
        Path out = Path.of("target", "bench", "closed-loop.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
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
        engine.getRepositoryService().createDeployment().name("bare-benchmark")
                .addModelInstance("bare-department.bpmn", department)
                .addModelInstance("bare-directive.bpmn", directive).deploy();
    }

    private String startBare() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("department", "kjj");
        return engine.getRuntimeService()
                .startProcessInstanceByKey("bare-directive", "BARE-" + BARE_NUMBERS.incrementAndGet(), variables).getId();
    }

    private String startDuban() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TITLE, "基准测试事项");
        variables.put(INSTRUCTION, "请按期办理。");
        variables.put(PRIORITY, "normal");
        variables.put(LEAD_DEPARTMENT, DEPARTMENTS.get(0));
        variables.put(CO_DEPARTMENTS, String.join(",", DEPARTMENTS.subList(1, DEPARTMENTS.size())));
        variables.put(DEADLINE, LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString());
        variables.put(REPORT_CYCLE, "none");
        engine.getIdentityService().setAuthentication("leader", List.of("leaders"));
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(DIRECTIVE_PROCESS, variables).getId();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private List<Long> issueLatencies(Supplier<String> start) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < DIRECTIVES; i++) {
            long begin = System.nanoTime();
            start.get();
            micros.add((System.nanoTime() - begin) / 1000);
        }
        return micros;
    }

    /** Starts and completes {@code count} directives with 4 threads; returns directives per second. */
    private double runLoops(int count, Supplier<String> start, String signTask) throws Exception {
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
        // the join and closing run in jobs: the loop is closed when every directive has ended
        while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(started))
                .count() > 0) {
            Thread.sleep(20);
        }
        return count / ((System.nanoTime() - begin) / 1e9);
    }

    private void completeAll(String directiveInstance) {
        String businessKey = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(directiveInstance)
                .singleResult().getBusinessKey();
        for (int step = 0; step < 3; step++) {
            List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).list();
            for (Task task : tasks) {
                engine.getTaskService().complete(task.getId(), variablesFor(task.getTaskDefinitionKey()));
            }
        }
    }

    private static Map<String, Object> variablesFor(String taskKey) {
        return switch (taskKey) {
            case "Task_HandleDirective" -> Map.of(OUTCOME, OUTCOME_SUBMIT, RESULT_SUMMARY, "已完成");
            case "Task_ReviewResult" -> Map.of(ACCEPTED, true, QUALITY_RATING, 5);
            default -> Map.of();
        };
    }

    private static double percentile(List<Long> micros, int p) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    private static void row(StringBuilder report, String name, double bare, double duban) {
        report.append(String.format("%-34s %12.2f %12.2f %8.2f%n", name, bare, duban, duban / bare));
    }

}
