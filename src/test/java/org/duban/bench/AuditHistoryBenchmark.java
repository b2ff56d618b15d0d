package org.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.directive.AuditRecord;
import org.duban.directive.AuditRecord.Verification;
import org.duban.directive.internal.AuditHash;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    /**
     * Appends copies of the template directive's events to the chain, under the chain's head lock like any append,
     * with COPY; then the directive and part rows of the copies, spread over the three years before now.
     */
    private void load(String template) throws Exception {
        List<Map<String, Object>> events = jdbc.query("SELECT department, type, actor, occurred_at, details "
                + "FROM directive_event WHERE directive_number = ? ORDER BY id", (rs, row) -> {
                    Map<String, Object> e = new java.util.HashMap<>();
                    e.put("department", rs.getString("department"));
                    e.put("type", rs.getString("type"));
                    e.put("actor", rs.getString("actor"));
                    e.put("occurred_at", rs.getObject("occurred_at", OffsetDateTime.class));
                    e.put("details", rs.getString("details"));
                    return e;
                }, template);
        int copies = (RECORDS + events.size() - 1) / events.size();
        OffsetDateTime first = ((OffsetDateTime) jdbc.queryForObject("SELECT min(occurred_at) FROM directive_event "
                + "WHERE directive_number = ?", OffsetDateTime.class, template));
        long spacingSeconds = 3L * 365 * 24 * 3600 / copies;
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusYears(3);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            String previous = jdbc.queryForObject("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE",
                    String.class);
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                PGConnection pg = connection.unwrap(PGConnection.class);
                int batch = 10_000;
                for (int from = 0; from < copies; from += batch) {
                    StringBuilder csv = new StringBuilder();
                    for (int copy = from; copy < Math.min(copies, from + batch); copy++) {
                        String number = historicNumber(copy, copies);
                        OffsetDateTime base = start.plusSeconds(copy * spacingSeconds);
                        for (Map<String, Object> e : events) {
                            OffsetDateTime at = base.plus(java.time.Duration.between(first,
                                    (OffsetDateTime) e.get("occurred_at")));
                            String department = (String) e.get("department");
                            String type = (String) e.get("type");
                            String actor = (String) e.get("actor");
                            String details = (String) e.get("details");
                            String content = AuditHash.content(number, department, type, actor, at, details);
                            String chain = AuditHash.chain(previous, content);
                            csv.append(field(number)).append(',').append(field(department)).append(',')
                                    .append(field(type)).append(',').append(field(actor)).append(',')
                                    .append(at).append(',').append(field(details)).append(',').append(content)
                                    .append(',').append(previous).append(',').append(chain).append('\n');
                            previous = chain;
                        }
                    }
                    try (Reader reader = new StringReader(csv.toString())) {
                        pg.getCopyAPI().copyIn("COPY directive_event (directive_number, department, type, actor, "
                                + "occurred_at, details, content_hash, previous_hash, chain_hash) FROM STDIN WITH (FORMAT csv)",
                                reader);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            Long last = jdbc.queryForObject("SELECT max(id) FROM directive_event", Long.class);
            jdbc.update("UPDATE audit_chain_head SET last_hash = ?, last_event_id = ? WHERE id = 1", previous, last);
        });
        copyRows("directive", "number", template, copies);
        copyRows("directive_department", "directive_number", template, copies);
        jdbc.execute("ANALYZE directive_event");
        jdbc.execute("ANALYZE directive");
        jdbc.execute("ANALYZE directive_department");
    }

    /** Copies the template's rows of a table once per historic directive, moving its times back with the copy. */
    private void copyRows(String table, String numberColumn, String template, int copies) {
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_name = ? ORDER BY ordinal_position", table);
        String select = columns.stream().map(c -> {
            String name = (String) c.get("column_name");
            String type = (String) c.get("data_type");
            if (name.equals(numberColumn)) {
                return "'DB-' || (2023 + (g * 3) / " + copies + ") || '-' || lpad((g + 1)::text, 6, '0')";
            }
            if (name.equals("process_instance_id")) {
                return "NULL";
            }
            if (type.startsWith("timestamp")) {
                return name + " - ((" + copies + " - g) * interval '" + (3L * 365 * 24 * 3600 / copies) + " seconds')";
            }
            if (type.equals("date")) {
                return name + " - ((" + copies + " - g) * " + (3 * 365) + " / " + copies + ")";
            }
            return name;
        }).collect(Collectors.joining(", "));
        String names = columns.stream().map(c -> (String) c.get("column_name")).collect(Collectors.joining(", "));
        jdbc.update("INSERT INTO " + table + " (" + names + ") SELECT " + select + " FROM " + table
                + " CROSS JOIN generate_series(0, " + (copies - 1) + ") AS g WHERE " + numberColumn + " = ?", template);
    }

    /** The same numbers {@link #copyRows} gives the rows: DB-2023-000001 … (six digits, never a real number). */
    private static String historicNumber(int copy, int copies) {
        return "DB-" + (2023 + (copy * 3) / copies) + "-" + String.format("%06d", copy + 1);
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        return '"' + value.replace("\"", "\"\"") + '"';
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
