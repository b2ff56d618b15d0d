package org.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.batch.Workbooks;
import org.duban.calendar.WorkCalendar;
import org.duban.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Not a test: a benchmark, run with {@code ./mvnw -Pbench test -Dtest=ImportBenchmark} (PostgreSQL). The office
 * imports a task breakdown of {@code bench.import.rows} (1,000) rows over HTTP: the upload with its preview, then the
 * confirmation that issues every row as a draft (a process instance each, in chunks of 100). Target: both together
 * in at most 10 s. Figures to {@code target/bench/import.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false", "logging.level.root=warn", "logging.level.org.duban=warn"})
class ImportBenchmark {

    private static final int ROWS = Integer.getInteger("bench.import.rows", 1000);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;
    @Autowired
    WorkCalendar calendar;

    @Test
    void a_thousand_rows_preview_and_confirm() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Http office = Http.basic(port, "supervisor", "demo");
        // warm-up: a small import through the same paths, so the figures are not class loading
        run(office, json, rows(20));

        List<List<Object>> rows = rows(ROWS);
        long buildStart = System.nanoTime();
        byte[] file = Workbooks.xlsx(rows);
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        double[] seconds = run(office, json, rows);
        double total = seconds[0] + seconds[1];
        String figures = """
                Import benchmark (批量交办), %d rows, office (drafts), over HTTP
                file size:              %d bytes (built in %.2f s, not counted)
                upload + preview:       %.2f s
                confirmation (issue):   %.2f s  (%.1f ms a row)
                total:                  %.2f s  (target <= 10 s)
                """.formatted(ROWS, file.length, buildSeconds, seconds[0], seconds[1], seconds[1] * 1000 / ROWS, total);
        Path out = Path.of("target/bench/import.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, figures, StandardCharsets.UTF_8);
        System.out.println(figures);
        assertThat(total).as(figures).isLessThanOrEqualTo(10.0);
    }

    private double[] run(Http office, ObjectMapper json, List<List<Object>> rows) throws Exception {
        byte[] file = Workbooks.xlsx(rows);
        long start = System.nanoTime();
        Http.Response preview = office.postMultipart("/api/imports", List.of(Http.Part.file("file", "tasks.xlsx", XLSX, file)));
        double previewSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode view = json.readTree(preview.body());
        assertThat(view.get("valid").asInt()).as(preview.body()).isEqualTo(rows.size());
        start = System.nanoTime();
        Http.Response confirmed = office.post("/api/imports/" + view.get("id").asLong() + "/confirmation", "{}");
        double confirmSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(json.readTree(confirmed.body()).get("created").asInt()).isEqualTo(rows.size());
        return new double[] {previewSeconds, confirmSeconds};
    }

    private List<List<Object>> rows(int count) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Workbooks.task("基准任务" + i + "-" + tag, i % 2 == 0 ? "dsjj" : "市科技局", i % 3 == 0 ? "zdxq、dfs" : "",
                    calendar.plusWorkingDays(calendar.today(), 10 + i % 60)));
        }
        return rows;
    }
}
