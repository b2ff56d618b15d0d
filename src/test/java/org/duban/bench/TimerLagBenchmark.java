package org.duban.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test: a benchmark, run with {@code ./mvnw -Pbench test -Dtest=TimerLagBenchmark} (PostgreSQL). How late a
 * supervision clock fires: parts are signed so that each has its clock armed, the clocks are set to fall due one
 * after another over half a minute, and the benchmark watches each timer until the engine has fired it and
 * committed what it did (the clock's step and its next arming). Lag = that moment − the due moment. Measured with
 * the job executor otherwise idle, then with closed loops running beside it (4 client threads issuing and
 * completing directives). Target: p95 ≤ 5 s. Figures go to {@code target/bench/timer-lag.txt}.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=true", "logging.level.root=warn",
        "logging.level.org.duban=warn", "duban.notifications.poll-interval=PT1H"})
class TimerLagBenchmark {

    private static final int PARTS = Integer.getInteger("bench.timers", 60);
    private static final List<String> UNITS = List.of("kjj", "zdxq", "dfs", "dsjj", "dsjj-zwfw");

    @Autowired
    ProcessEngine engine;

    @Test
    void clocksFireWithinSecondsOfTheirMoment() throws Exception {
        ProcessDriver driver = new ProcessDriver(engine);
        StringBuilder report = new StringBuilder("Timer lag (due → fired and committed), PostgreSQL\n");
        report.append(row("idle", lags(driver)));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            load.submit(() -> {
                ProcessDriver own = new ProcessDriver(engine);
                while (running.get()) {
                    closeOne(own);
                }
                return null;
            });
        }
        try {
            report.append(row("under load (4 threads of closed loops)", lags(driver)));
        } finally {
            running.set(false);
            load.shutdown();
            load.awaitTermination(2, TimeUnit.MINUTES);
        }
        System.out.println(report);
        Path out = Path.of("target", "bench", "timer-lag.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Arms {@link #PARTS} clocks due over the next 30 s and waits for each to fire; lags in seconds. */
    private List<Double> lags(ProcessDriver driver) throws InterruptedException {
        List<Job> clocks = new ArrayList<>();
        while (clocks.size() < PARTS) {
            ProcessInstance directive = driver.issue("leader", UNITS.get(0), String.join(",", UNITS.subList(1, UNITS.size())),
                    deadline(), "none");
            String number = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceId(directive.getId()).singleResult().getBusinessKey();
            for (String unit : UNITS) {
                ProcessInstance work = awaitWork(driver, number, unit);
                driver.as(unit, () -> {
                    engine.getTaskService().complete(driver.task(work).getId());
                    return null;
                });
                clocks.add(engine.getManagementService().createJobQuery().processInstanceId(work.getId()).timers()
                        .singleResult());
            }
        }
        long start = System.currentTimeMillis() + 3_000;
        Map<String, Long> due = new HashMap<>();
        for (int i = 0; i < clocks.size(); i++) {
            long at = start + i * 30_000L / clocks.size();
            engine.getManagementService().setJobDuedate(clocks.get(i).getId(), new Date(at));
            due.put(clocks.get(i).getId(), at);
        }
        List<Double> lags = new ArrayList<>();
        long giveUp = start + 120_000;
        while (!due.isEmpty() && System.currentTimeMillis() < giveUp) {
            for (Job job : List.copyOf(clocks)) {
                if (due.containsKey(job.getId())
                        && engine.getManagementService().createJobQuery().jobId(job.getId()).count() == 0) {
                    lags.add((System.currentTimeMillis() - due.remove(job.getId())) / 1000.0);
                }
            }
            Thread.sleep(50);
        }
        assertThat(due).as("every clock fired within two minutes").isEmpty();
        return lags;
    }

    private ProcessInstance awaitWork(ProcessDriver driver, String number, String unit) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            ProcessInstance work = driver.departmentWork(number, unit);
            if (work != null && driver.task(work) != null) {
                return work;
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException(number + " never reached " + unit);
    }

    private void closeOne(ProcessDriver driver) throws InterruptedException {
        ProcessInstance directive = driver.issue("leader", "kjj", "zdxq", deadline(), "none");
        String number = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(directive.getId())
                .singleResult().getBusinessKey();
        for (String unit : List.of("kjj", "zdxq")) {
            ProcessInstance work = awaitWork(driver, number, unit);
            driver.as(unit, () -> {
                engine.getTaskService().complete(driver.task(work).getId());
                engine.getTaskService().complete(driver.task(work).getId(), Map.of("outcome", "submit",
                        "resultSummary", "已完成"));
                return null;
            });
            driver.as("supervisor", () -> {
                engine.getTaskService().complete(driver.task(work).getId(), Map.of("accepted", true, "qualityRating", 5,
                        "reviewComment", "同意"));
                return null;
            });
        }
    }

    private static String deadline() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();
    }

    private static String row(String label, List<Double> lags) {
        List<Double> sorted = new ArrayList<>(lags);
        Collections.sort(sorted);
        return String.format("%-40s n=%d  p50 %.2f s  p95 %.2f s  max %.2f s  (target p95 ≤ 5 s)%n", label, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1),
                sorted.get(sorted.size() - 1));
    }
}
