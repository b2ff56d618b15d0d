package org.duban.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.duban.intake.internal.DirectiveIndex;
import org.duban.intake.internal.DirectiveIndexRefresh;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark, run with {@code ./mvnw -Pbench test -Dtest=SimilarityBenchmark} (PostgreSQL). Loads
 * 100,000 directives straight into the directive table, their texts drawn from the labelled pairs with a district
 * and a number each (so that many share words, as real ones do), has the intake index read them (as its hourly rebuild does), and
 * measures {@code GET /api/directives/similar} over HTTP, one request at a time, as the Issue page calls it.
 * Target: p95 at most 50 ms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false", "logging.level.root=warn", "logging.level.org.duban=warn",
        "duban.intake.refresh-interval=1h"})
class SimilarityBenchmark {

    private static final int DIRECTIVES = Integer.getInteger("bench.similarity.directives", 100_000);
    private static final int WARMUP = 50;
    private static final int SAMPLES = Integer.getInteger("bench.similarity.samples", 300);
    private static final String[] PLACES = {"郑东新区", "登封市", "如意湖街道", "龙子湖街道", "博学路街道", "嵩阳街道", "少林街道",
            "告成镇", "主城区", "全市"};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DirectiveIndex index;
    @Autowired
    DirectiveIndexRefresh refresh;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void similar_on_a_hundred_thousand_directives() throws Exception {
        List<String[]> texts = texts();
        long loadStart = System.nanoTime();
        // in one transaction: the index reads them all at its next refresh, none half-way
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(t -> load(texts));
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long indexStart = System.nanoTime();
        // loaded behind the directive module's back, so no event tells the index: read them all, as hourly
        refresh.rebuild();
        if (index.size() < DIRECTIVES) {
            throw new IllegalStateException("the index holds " + index.size() + " directives");
        }
        double indexSeconds = (System.nanoTime() - indexStart) / 1e9;

        List<String> queries = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String[] text = texts.get((i * 7) % texts.size());
            queries.add("/api/directives/similar?title=" + URLEncoder.encode(text[0], StandardCharsets.UTF_8)
                    + "&instruction=" + URLEncoder.encode(text[1], StandardCharsets.UTF_8));
        }
        for (int i = 0; i < WARMUP; i++) {
            get("leader", queries.get(i % queries.size()));
        }
        List<Long> leader = new ArrayList<>();
        List<Long> unit = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            String query = queries.get(i % queries.size());
            long start = System.nanoTime();
            get("leader", query);
            leader.add((System.nanoTime() - start) / 1_000);
            start = System.nanoTime();
            get("kjj", query);
            unit.add((System.nanoTime() - start) / 1_000);
        }
        String report = String.format("""
                Similarity benchmark on %s: %,d directives loaded in %.1f s, read into the index in %.1f s;
                %d samples per caller, one client. Target p95 <= 50 ms.
                %-36s %9s %9s%n%-36s %9.1f %9.1f%n%-36s %9.1f %9.1f%n""",
                jdbc.queryForObject("SELECT version()", String.class).split(",")[0], index.size(), loadSeconds,
                indexSeconds, SAMPLES, "GET /api/directives/similar", "p50 ms", "p95 ms",
                "leader (all directives)", percentile(leader, 50), percentile(leader, 95),
                "kjj (its own directives)", percentile(unit, 50), percentile(unit, 95));
        System.out.println(report);
        Path out = Path.of("target", "bench", "similarity.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Title and instruction of every side of the labelled pairs. */
    private static List<String[]> texts() throws Exception {
        List<String[]> texts = new ArrayList<>();
        try (InputStream in = SimilarityBenchmark.class.getResourceAsStream("/intake/similar-pairs.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                for (int side = 1; side <= 2; side++) {
                    int bar = cells[side].indexOf('｜');
                    texts.add(new String[] {cells[side].substring(0, bar), cells[side].substring(bar + 1)});
                }
            }
        }
        return texts;
    }

    private void load(List<String[]> texts) {
        String[] units = {"cgj", "zjj", "sthjj", "scjgj", "kjj", "zdxq", "dfs", "jyj", "wjw", "yjglj"};
        // a database kept from an earlier run
        jdbc.update("DELETE FROM directive_department WHERE directive_number LIKE 'SB-%'");
        jdbc.update("DELETE FROM directive WHERE number LIKE 'SB-%'");
        LocalDate newest = LocalDate.of(2026, 11, 20);
        List<Object[]> directives = new ArrayList<>();
        List<Object[]> parts = new ArrayList<>();
        Timestamp now = Timestamp.from(java.time.Instant.now());
        for (int g = 1; g <= DIRECTIVES; g++) {
            String[] text = texts.get(g % texts.size());
            String place = PLACES[g % PLACES.length];
            LocalDate issued = newest.minusDays(g % 730);
            String number = "SB-" + String.format("%07d", g);
            String status = g % 20 == 0 ? "CANCELLED" : g % 10 == 1 ? "IN_PROGRESS" : "CLOSED";
            String lead = units[g % units.length];
            directives.add(new Object[] {number, (place + text[0]).substring(0, Math.min(100, place.length() + text[0].length())),
                    place + text[1] + "（第" + g + "批）", lead, Date.valueOf(issued.plusDays(20)), status,
                    // issued_at now: the index reads directives issued after the latest it has seen; issued_on dates them
                    now, Date.valueOf(issued), Date.valueOf(issued)});
            parts.add(new Object[] {number, lead, Date.valueOf(issued.plusDays(20)), Date.valueOf(issued.plusDays(20))});
        }
        jdbc.batchUpdate("INSERT INTO directive (number, title, instruction, category, priority, lead_department, deadline, "
                + "report_cycle, status, issued_by, issued_at, issued_on, dispatched_on) VALUES (?, ?, ?, 'general', "
                + "'normal', ?, ?, 'weekly', ?, 'leader', ?, ?, ?)", directives);
        jdbc.batchUpdate("INSERT INTO directive_department (directive_number, department, role, position, status, "
                + "original_deadline, deadline) VALUES (?, ?, 'lead', 0, 'HANDLING', ?, ?)", parts);
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

    private static double percentile(List<Long> micros, int p) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }
}
