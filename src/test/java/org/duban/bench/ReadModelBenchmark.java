package org.duban.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark, run with {@code ./mvnw -Pbench test} (PostgreSQL). It loads 100,000
 * directives (about 250,000 parts over four levels: city bureaus and districts, streets, communities, grids)
 * straight into the read model, two years of work, and
 * measures over HTTP, one request at a time, the pages' reads: the dashboard, ledger pages and
 * scorecards. The baseline is an authenticated request that does next to nothing
 * ({@code /api/calendar/working-days}), so each ratio shows what the read itself costs on top of
 * HTTP and login. Target: p95 under 100 ms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false", "logging.level.root=warn", "logging.level.org.duban=warn"})
class ReadModelBenchmark {

    private static final int DIRECTIVES = Integer.getInteger("bench.readModel.directives", 100_000);
    private static final int WARMUP = 30;
    private static final int SAMPLES = Integer.getInteger("bench.readModel.samples", 200);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void reads_on_a_hundred_thousand_directives() throws Exception {
        long loadStart = System.nanoTime();
        load();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        Map<String, String[]> reads = new LinkedHashMap<>();
        reads.put("baseline: authenticated no-op", new String[] {"leader", "/api/calendar/working-days?to=2026-12-31"});
        reads.put("dashboard, leader (all)", new String[] {"leader", "/api/dashboard"});
        reads.put("dashboard, one department", new String[] {"kjj", "/api/dashboard"});
        reads.put("ledger page 1, all", new String[] {"leader", "/api/directives?size=20"});
        reads.put("ledger page 200, by deadline", new String[] {"leader", "/api/directives?size=20&page=200&sort=DEADLINE"});
        reads.put("ledger, red and in progress", new String[] {"leader", "/api/directives?status=IN_PROGRESS&light=RED&sort=DEADLINE&order=asc"});
        reads.put("ledger, one department's", new String[] {"kjj", "/api/directives?size=20"});
        reads.put("ledger, department+period filter", new String[] {"leader", "/api/directives?department=dfs&from=2026-01-01&to=2026-06-30"});
        reads.put("scorecard, month", new String[] {"leader", "/api/scorecards?period=2026-10"});
        reads.put("scorecard, quarter", new String[] {"leader", "/api/scorecards?period=2026-Q3"});
        reads.put("scorecard, year", new String[] {"leader", "/api/scorecards?period=2025"});
        // the hierarchy: drill-down, a subtree's ledger, a level's scorecard, a street's own view
        reads.put("overview drill-down, district", new String[] {"leader", "/api/dashboard?under=zdxq"});
        reads.put("overview drill-down, street", new String[] {"leader", "/api/dashboard?under=ruyihu"});
        reads.put("ledger, a district's subtree", new String[] {"leader", "/api/directives?under=zdxq&size=20"});
        reads.put("ledger, its streets only", new String[] {"leader", "/api/directives?under=zdxq&level=street&size=20"});
        reads.put("scorecard, streets of a district", new String[] {"leader",
                "/api/scorecards?period=2026-10&level=street&under=zdxq"});
        reads.put("dashboard, one street", new String[] {"ruyihu", "/api/dashboard"});
        reads.put("ledger, one community's", new String[] {"ruyihu-ruyidong", "/api/directives?size=20"});

        Map<String, List<Long>> timings = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> read : reads.entrySet()) {
            for (int i = 0; i < WARMUP; i++) {
                get(read.getValue()[0], read.getValue()[1]);
            }
        }
        // interleaved rounds, so that noise on the machine falls on every figure alike
        reads.keySet().forEach(name -> timings.put(name, new ArrayList<>()));
        for (int round = 0; round < SAMPLES; round++) {
            for (Map.Entry<String, String[]> read : reads.entrySet()) {
                long start = System.nanoTime();
                get(read.getValue()[0], read.getValue()[1]);
                timings.get(read.getKey()).add((System.nanoTime() - start) / 1_000);
            }
        }

        double baseP50 = percentile(timings.get("baseline: authenticated no-op"), 50);
        double baseP95 = percentile(timings.get("baseline: authenticated no-op"), 95);
        StringBuilder report = new StringBuilder();
        report.append(String.format("Read-model benchmark on %s: %,d directives, %,d department parts, loaded in %.1f s;"
                        + " %d samples per read, one client%n", jdbc.queryForObject("SELECT version()", String.class).split(",")[0],
                count("directive"), count("directive_department"), loadSeconds, SAMPLES));
        report.append(String.format("%-36s %9s %9s %10s %10s%n", "read", "p50 ms", "p95 ms", "p50 ratio", "p95 ratio"));
        timings.forEach((name, micros) -> report.append(String.format("%-36s %9.1f %9.1f %10.2f %10.2f%n", name,
                percentile(micros, 50), percentile(micros, 95), percentile(micros, 50) / baseP50,
                percentile(micros, 95) / baseP95)));
        System.out.println(report);
        Path out = Path.of("target", "bench", "read-model.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /**
     * Two years of directives as the read model holds them: most closed (some late), a tenth open
     * with every light, a few withdrawn; one to four departments each, lead first.
     */
    private void load() {
        jdbc.execute("""
                INSERT INTO directive (number, title, instruction, category, priority, lead_department, deadline,
                    report_cycle, status, issued_by, issued_at, issued_on, dispatched_on, closed_at, closed_on, score, light,
                    yellow_from)
                SELECT 'BM-' || LPAD(g::text, 7, '0'), '基准测试督办事项 ' || g, '批示内容', 
                    (ARRAY['general','leader-instruction','key-project','livelihood'])[1 + g % 4],
                    (ARRAY['normal','urgent','critical'])[1 + g % 3],
                    (ARRAY['dsjj','kjj','zdxq','dfs','sjj','dsjj-zwfw','dsjj-szzf'])[1 + g % 7],
                    issued + 20, 'weekly',
                    CASE WHEN g % 20 = 0 THEN 'CANCELLED' WHEN g % 10 = 1 THEN 'IN_PROGRESS' ELSE 'CLOSED' END,
                    (ARRAY['leader','supervisor'])[1 + g % 2], issued::timestamptz, issued, issued,
                    CASE WHEN g % 10 = 1 THEN NULL ELSE (issued + 15 + g % 10)::timestamptz END,
                    CASE WHEN g % 10 = 1 THEN NULL ELSE issued + 15 + g % 10 END,
                    CASE WHEN g % 20 = 0 OR g % 10 = 1 THEN NULL ELSE 60 + g % 40 END,
                    CASE WHEN g % 20 = 0 THEN NULL
                         WHEN g % 10 = 1 THEN (ARRAY['GREEN','YELLOW','RED'])[1 + g % 3]
                         WHEN g % 7 = 0 THEN 'DONE_LATE' ELSE 'DONE' END,
                    issued + 17
                FROM (SELECT g, DATE '2026-11-20' - (g % 730) AS issued FROM generate_series(1, COUNT) g) s
                """.replace("COUNT", Integer.toString(DIRECTIVES)));
        jdbc.execute("""
                INSERT INTO directive_department (directive_number, department, role, position, status, original_deadline,
                    deadline, signed_at, submitted_at, done_at, done_on, urge_count, extension_count, rework_count,
                    late_days, score, weight, light, yellow_from, parent_department)
                SELECT d.number, d.unit, d.role, p,
                    CASE d.status WHEN 'CLOSED' THEN 'DONE' WHEN 'CANCELLED' THEN 'CANCELLED' ELSE 'HANDLING' END,
                    d.deadline, d.deadline, d.issued_at, d.closed_at, d.closed_at, d.closed_on, (d.n + p) % 3, (d.n + p) % 5 / 4, (d.n + p) % 6 / 5,
                    CASE WHEN d.light = 'DONE_LATE' THEN 2 WHEN d.status = 'CLOSED' THEN 0 END,
                    d.score, CASE WHEN p = 0 THEN 2 ELSE 1 END,
                    CASE WHEN d.status = 'CANCELLED' THEN NULL ELSE d.light END, d.yellow_from, d.parent
                FROM (SELECT x.*, CASE WHEN p = 0 THEN 'lead' WHEN x.n % 7 IN (2, 3) THEN 'sub' ELSE 'co' END AS role,
                        CASE WHEN x.n % 7 = 2 AND p > 0 THEN (ARRAY['ruyihu','ruyihu-ruyidong','ruyihu-ruyidong-g1'])[p]
                             WHEN x.n % 7 = 3 AND p > 0 THEN (ARRAY['songyang','ruyihu','kjj'])[p]
                             ELSE (ARRAY['dsjj','kjj','zdxq','dfs','sjj','dsjj-zwfw','dsjj-szzf'])[1 + (x.n + p) % 7] END AS unit,
                        CASE WHEN x.n % 7 = 2 AND p > 0 THEN (ARRAY['zdxq','ruyihu','ruyihu-ruyidong'])[p]
                             WHEN x.n % 7 = 3 AND p = 1 THEN 'dfs' END AS parent, p
                      FROM (SELECT *, CAST(SUBSTRING(number, 4) AS INTEGER) AS n FROM directive WHERE number LIKE 'BM-%') x
                      CROSS JOIN generate_series(0, 3) p
                      WHERE p <= x.n % 4 AND NOT (x.n % 7 = 3 AND p > 1)) d
                """);
        // a database in use has been vacuumed by autovacuum; a freshly loaded one has not
        jdbc.execute("VACUUM ANALYZE directive");
        jdbc.execute("VACUUM ANALYZE directive_department");
    }

    private void get(String user, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static double percentile(List<Long> micros, int p) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }
}
