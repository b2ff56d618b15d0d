package org.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.duban.report.ReportKind;
import org.duban.scorecard.Period;
import org.duban.scorecard.Scorecards;
import org.duban.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark, run with {@code ./mvnw -Pbench test -Dtest=ScorecardBenchmark} (PostgreSQL). It
 * writes 100,000 directives with two department parts each over three years straight into the read model, then
 * measures {@code GET /api/scorecards} over HTTP (a logged-in session, as the page's users) for a month, a
 * quarter and a year, and the time to compute a daily and a monthly report. Target: p95 under 100 ms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false", "logging.level.root=warn", "logging.level.org.duban=warn"})
class ScorecardBenchmark {

    private static final int DIRECTIVES = Integer.getInteger("bench.directives", 100_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 200);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Scorecards scorecards;

    @Test
    void scorecards_on_a_large_read_model() throws Exception {
        long loadStart = System.nanoTime();
        load();
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        int parts = jdbc.queryForObject("SELECT COUNT(*) FROM directive_department", Integer.class);

        Http leader = Http.loggedIn(port, "leader", "demo");
        StringBuilder report = new StringBuilder(String.format(
                "Scorecards on %s: %d directives, %d department parts (loaded in %d ms); %d requests each after warm-up%n",
                jdbc.queryForObject("SELECT version()", String.class).split(",")[0], DIRECTIVES, parts, loadMillis,
                REQUESTS));
        report.append(String.format("%-44s %8s %8s %8s%n", "request", "p50 ms", "p95 ms", "max ms"));
        for (String period : List.of("2026-10", "2026-Q3", "2025", "2026-W40")) {
            List<Double> times = time(leader, "/api/scorecards?period=" + period);
            report.append(String.format("%-44s %8.1f %8.1f %8.1f%n", "GET /api/scorecards?period=" + period,
                    percentile(times, 50), percentile(times, 95), times.get(times.size() - 1)));
        }
        for (String period : List.of("2026-10", "2025")) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 20 + REQUESTS; i++) {
                long start = System.nanoTime();
                scorecards.of(Period.parse(period).orElseThrow());
                if (i >= 20) {
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
            Collections.sort(times);
            report.append(String.format("%-44s %8.1f %8.1f %8.1f%n", "Scorecards.of(" + period + ") in the JVM",
                    percentile(times, 50), percentile(times, 95), times.get(times.size() - 1)));
        }
        List<Double> page = time(leader, "/scorecards?period=2026-10");
        report.append(String.format("%-44s %8.1f %8.1f %8.1f%n", "GET /scorecards?period=2026-10 (page)",
                percentile(page, 50), percentile(page, 95), page.get(page.size() - 1)));

        Http admin = Http.basic(port, "admin", "demo");
        for (String[] regeneration : List.of(new String[] {ReportKind.DAILY.key(), "2026-10-12"},
                new String[] {ReportKind.MONTHLY.key(), "2026-09"}, new String[] {ReportKind.QUARTERLY.key(), "2026-Q3"})) {
            long start = System.nanoTime();
            Http.Response response = admin.post("/api/reports/" + regeneration[0] + "/" + regeneration[1] + "/regeneration", "");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            report.append(String.format("%-44s %8.1f%n", "regenerate " + regeneration[0] + " " + regeneration[1] + " (once)",
                    (System.nanoTime() - start) / 1e6));
        }
        System.out.println(report);
        Path out = Path.of("target", "bench", "scorecards.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Three years of directives; one in twenty still open, parts done within 25 days, a fifth of them late. */
    private void load() {
        jdbc.update("INSERT INTO directive (number, title, instruction, category, priority, lead_department, deadline, "
                + "report_cycle, status, issued_by, issued_at, issued_on, closed_at, closed_on, score, yellow_from) "
                + "SELECT 'BM-' || lpad(i::text, 7, '0'), '基准事项' || i, '基准', 'general', 'normal', "
                + "(ARRAY['dsjj','kjj','zdxq','dfs','dsjj-zwfw','dsjj-szzf','sjj'])[1 + i % 7], d + 20, 'none', "
                + "CASE WHEN i % 20 = 0 THEN 'IN_PROGRESS' ELSE 'CLOSED' END, 'leader', d::timestamp AT TIME ZONE 'Asia/Shanghai', d, "
                + "CASE WHEN i % 20 = 0 THEN NULL ELSE (d + i % 25)::timestamp AT TIME ZONE 'Asia/Shanghai' END, "
                + "CASE WHEN i % 20 = 0 THEN NULL ELSE d + i % 25 END, CASE WHEN i % 20 = 0 THEN NULL ELSE 60 + i % 41 END, d + 17 "
                + "FROM (SELECT i, DATE '2024-01-01' + (i % 1050) AS d FROM generate_series(1, ?) i) s", DIRECTIVES);
        for (int position = 0; position < 2; position++) {
            jdbc.update("INSERT INTO directive_department (directive_number, department, role, position, status, "
                    + "original_deadline, deadline, yellow_from, done_at, done_on, late_days, score, urge_count) "
                    + "SELECT number, CASE WHEN ? = 0 THEN lead_department ELSE (ARRAY['kjj','zdxq','dfs','dsjj'])[1 + i % 4] END, "
                    + "CASE WHEN ? = 0 THEN 'lead' ELSE 'co' END, ?, CASE WHEN status = 'CLOSED' THEN 'DONE' ELSE 'HANDLING' END, "
                    + "deadline, deadline, yellow_from, closed_at, closed_on, "
                    + "CASE WHEN status = 'CLOSED' THEN (i % 25) - 20 END, CASE WHEN status = 'CLOSED' THEN 55 + (i * 7 + ?) % 46 END, i % 3 "
                    + "FROM (SELECT d.*, CAST(substr(number, 4) AS INTEGER) AS i FROM directive d WHERE number LIKE 'BM-%') x "
                    + "WHERE ? = 0 OR lead_department <> (ARRAY['kjj','zdxq','dfs','dsjj'])[1 + i % 4]",
                    position, position, position, position, position);
        }
        jdbc.execute("ANALYZE directive");
        jdbc.execute("ANALYZE directive_department");
    }

    private static List<Double> time(Http http, String path) {
        for (int i = 0; i < 20; i++) {
            assertThat(http.get(path).status()).isEqualTo(200);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            Http.Response response = http.get(path);
            times.add((System.nanoTime() - start) / 1e6);
            assertThat(response.status()).isEqualTo(200);
        }
        Collections.sort(times);
        return times;
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
