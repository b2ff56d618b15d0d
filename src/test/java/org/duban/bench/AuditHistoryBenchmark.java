package org.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.directive.AuditRecord;
import org.duban.directive.AuditRecord.Verification;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Not a test: a benchmark, run with {@code ./mvnw -Pbench test -Dtest=AuditHistoryBenchmark} (PostgreSQL). It asks
 * whether the audit chain costs the same with years of history as with none. In one JVM and one database it
 * measures the writes on an empty record first (issuing a directive to five units with its delivery, and a unit
 * signing), then loads 1.5 million chained audit records (75,000 closed directives of three years, with their
 * directive and part rows, copies of a real closed directive's events, every hash computed as Duban computes it),
 * measures the same writes again, and times a full and an incremental verification of the chain.
 * <p>Targets (issue 12): writes with the history ≤ 1.2× the empty-record latency; full verification ≤ 15 s;
 * incremental ≤ 1 s. Figures go to {@code target/bench/audit-history.txt}.
 */
@SpringBootTest(properties = {"logging.level.root=warn", "logging.level.org.duban=warn"})
class AuditHistoryBenchmark {

    private static final int RECORDS = Integer.getInteger("bench.audit.records", 1_500_000);
    private static final int SAMPLES = Integer.getInteger("bench.audit.samples", 100);
    private static final int WARMUP = Integer.getInteger("bench.audit.warmup", 150);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AuditRecord audit;

    @Test
    void writesCostTheSameWithYearsOfHistory() throws Exception {
        ProcessDriver driver = new ProcessDriver(engine);
        ProcessDriver.officeHoursToday();
        String template = closeADirective(driver);
        // the JIT must be warm before the baseline, or the empty record looks slower than the full one
        measure(driver, WARMUP);
        Latencies empty = measure(driver, SAMPLES);
        long recordsBefore = count();

        long loadStart = System.nanoTime();
        load(template);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long history = count();

        measure(driver, 10);
        Latencies loaded = measure(driver, SAMPLES);

        long fullStart = System.nanoTime();
        Verification full = audit.verifyAll();
        double fullSeconds = (System.nanoTime() - fullStart) / 1e9;
        for (int i = 0; i < 5; i++) {
            issueAndDeliver(driver);
        }
        long incrementalStart = System.nanoTime();
        Verification incremental = audit.verifySinceCheckpoint();
        double incrementalSeconds = (System.nanoTime() - incrementalStart) / 1e9;

        StringBuilder report = new StringBuilder();
        report.append(String.format("Audit history benchmark on %s%n", jdbc.queryForObject("SELECT version()", String.class)
                .split(",")[0]));
        report.append(String.format("records: %,d before loading, %,d loaded in %.0f s (%,.0f records/s), %,d after%n",
                recordsBefore, history - recordsBefore, loadSeconds, (history - recordsBefore) / loadSeconds, history));
        report.append(String.format("%-40s %10s %12s %8s %8s%n", "figure (ms)", "empty", "1.5M history", "ratio", "target"));
        row(report, "issue to 5 units + delivery, p50", empty.issue(50), loaded.issue(50), "≤ 1.20");
        row(report, "issue to 5 units + delivery, p95", empty.issue(95), loaded.issue(95), "");
        row(report, "sign, p50", empty.sign(50), loaded.sign(50), "≤ 1.20");
        row(report, "sign, p95", empty.sign(95), loaded.sign(95), "");
        report.append(String.format("full verification: %,d records in %.2f s (target ≤ 15 s), intact %s%n", full.checked(),
                fullSeconds, full.intact()));
        report.append(String.format("incremental verification: %,d new records in %.3f s (target ≤ 1 s), intact %s%n",
                incremental.checked(), incrementalSeconds, incremental.intact()));
        System.out.println(report);
        Path out = Path.of("target", "bench", "audit-history.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        assertThat(full.intact()).as("the loaded chain verifies").isTrue();
        assertThat(full.checked()).isGreaterThanOrEqualTo(RECORDS);
        assertThat(incremental.intact()).isTrue();
        assertThat(loaded.issue(50) / empty.issue(50)).as("issue latency ratio").isLessThanOrEqualTo(1.2);
        assertThat(loaded.sign(50) / empty.sign(50)).as("sign latency ratio").isLessThanOrEqualTo(1.2);
        assertThat(fullSeconds).as("full verification seconds").isLessThanOrEqualTo(15);
        assertThat(incrementalSeconds).as("incremental verification seconds").isLessThanOrEqualTo(1);
    }

    /** Write latencies in milliseconds. */
    private record Latencies(List<Double> issues, List<Double> signs) {

        double issue(int p) {
            return percentile(issues, p);
        }

        double sign(int p) {
            return percentile(signs, p);
        }
    }

    private Latencies measure(ProcessDriver driver, int samples) {
        List<Double> issues = new ArrayList<>();
        List<Double> signs = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            String number = issueAndDeliver(driver);
            issues.add((System.nanoTime() - start) / 1e6);
            ProcessInstance work = driver.departmentWork(number, "kjj");
            start = System.nanoTime();
            driver.sign("kjj", work);
            signs.add((System.nanoTime() - start) / 1e6);
        }
        return new Latencies(issues, signs);
    }

    private String issueAndDeliver(ProcessDriver driver) {
        ProcessInstance directive = driver.issue("leader", "kjj", "zdxq,dfs,dsjj,dsjj-zwfw", deadline(), "none");
        driver.executeDueJobs();
        return number(directive);
    }

    /** A directive taken through every step: its events are the pattern the history is made of. */
    private String closeADirective(ProcessDriver driver) {
        ProcessInstance directive = driver.issue("leader", "kjj", "zdxq,dfs", deadline(), "none");
        driver.executeDueJobs();
        String number = number(directive);
        for (String unit : List.of("kjj", "zdxq", "dfs")) {
            ProcessInstance work = driver.departmentWork(number, unit);
            driver.sign(unit, work);
            driver.complete(unit, work, Map.of("outcome", "progress", "progressNote", "已完成调研，正在推进。"));
            driver.submit(unit, work);
            driver.accept(work, 4);
        }
        driver.executeDueJobs();
        assertThat(jdbc.queryForObject("SELECT status FROM directive WHERE number = ?", String.class, number))
                .isEqualTo("CLOSED");
        return number;
    }

    private String number(ProcessInstance directive) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(directive.getId())
                .singleResult().getBusinessKey();
    }

    private static String deadline() {
        return LocalDate.now(BEIJING).plusMonths(1).toString();
    }

    private long count() {
        return jdbc.queryForObject("SELECT count(*) FROM directive_event", Long.class);
    }

    /** 1.5 million audit records over 75,000 historic directives, with their directive and part rows. */
    private void load(String template) {
        HistoryLoader loader = new HistoryLoader(jdbc, dataSource, transactions);
        int directives = RECORDS / 20;
        loader.auditRecords(template, RECORDS, directives);
        loader.directives(template, directives);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void row(StringBuilder report, String name, double empty, double loaded, String target) {
        report.append(String.format("%-40s %10.2f %12.2f %8.2f %8s%n", name, empty, loaded, loaded / empty, target));
    }
}
