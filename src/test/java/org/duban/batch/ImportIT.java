package org.duban.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.batch.Workbooks.task;
import static org.duban.batch.Workbooks.xlsx;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.calendar.WorkCalendar;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** 批量交办 over HTTP: the template, the preview that creates nothing, confirmation in one batch, no repeats. */
@DubanIntegrationTest
class ImportIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkCalendar calendar;

    String tag;

    @BeforeEach
    void tag() {
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    Http supervisor() {
        return Http.basic(port, "supervisor", "demo");
    }

    LocalDate workingDay(int ahead) {
        return calendar.plusWorkingDays(calendar.today(), ahead);
    }

    List<List<Object>> tasks(int count) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(task("重点任务" + i + "-" + tag, i % 2 == 0 ? "市科技局" : "dsjj", i % 3 == 0 ? "dfs、郑东新区管委会" : "",
                    i % 4 == 0 ? workingDay(10 + i).toString().replace("-", "/") : workingDay(10 + i)));
        }
        return rows;
    }

    static Http.Response upload(Http http, String name, byte[] bytes) {
        return http.postMultipart("/api/imports", List.of(Http.Part.file("file", name, XLSX, bytes)));
    }

    int directives(String status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM directive WHERE title LIKE ? AND status = ?", Integer.class,
                "%" + tag + "%", status);
    }

    static JsonNode json(Http.Response response) throws Exception {
        return JSON.readTree(response.body());
    }

    static JsonNode row(JsonNode view, int sheetRow) {
        for (JsonNode row : view.get("rows")) {
            if (row.get("row").asInt() == sheetRow) {
                return row;
            }
        }
        throw new AssertionError("no row " + sheetRow);
    }

    @Test
    void twentyRowsWithThreeBadPreviewAllCreateNothingThenFixedCreateTwentyDraftsOnce() throws Exception {
        List<List<Object>> rows = tasks(20);
        rows.get(2).set(0, "");                         // row 4: 事项名称 empty
        rows.get(6).set(4, "市不存在局");                 // row 8: unknown lead
        rows.get(11).set(6, calendar.today().minusDays(3)); // row 13: deadline in the past
        Http.Response preview = upload(supervisor(), "任务分解表.xlsx", xlsx(rows));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode view = json(preview);
        assertThat(view.get("total").asInt()).isEqualTo(20);
        assertThat(view.get("rows")).hasSize(20);
        assertThat(view.get("invalid").asInt()).isEqualTo(3);
        assertThat(view.get("valid").asInt()).isEqualTo(17);
        assertThat(view.get("draft").asBoolean()).isTrue();
        assertThat(row(view, 4).get("problems").get(0).get("cell").asText()).isEqualTo("A4");
        assertThat(row(view, 4).get("problems").get(0).get("message").asText()).isEqualTo("事项名称不能为空");
        assertThat(row(view, 8).get("problems").get(0).get("column").asText()).isEqualTo("牵头单位");
        assertThat(row(view, 8).get("problems").get(0).get("message").asText()).contains("市不存在局", "不存在");
        assertThat(row(view, 13).get("problems").get(0).get("cell").asText()).isEqualTo("G13");
        assertThat(row(view, 13).get("problems").get(0).get("message").asText()).contains("已过");
        assertThat(directives("DRAFT")).isZero();

        long id = view.get("id").asLong();
        Http.Response refused = supervisor().post("/api/imports/" + id + "/confirmation", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(json(refused).get("detail").asText()).contains("3 行存在错误", "未创建任何督办事项");
        assertThat(directives("DRAFT")).isZero();
        assertThat(json(supervisor().get("/api/imports/" + id)).get("created").asInt()).isZero();

        List<List<Object>> fixed = tasks(20);
        byte[] file = xlsx(fixed);
        JsonNode good = json(upload(supervisor(), "任务分解表-修改.xlsx", file));
        assertThat(good.get("valid").asInt()).isEqualTo(20);
        // units resolved by code and by name, co-units split at 、; Excel and text dates; working days left
        assertThat(row(good, 4).get("lead").get("name").asText()).isEqualTo("市大数据管理局");
        assertThat(row(good, 4).get("co").findValuesAsText("code")).containsExactly("dfs", "zdxq");
        assertThat(row(good, 4).get("workingDays").asInt()).isEqualTo(13);
        assertThat(row(good, 3).get("lead").get("code").asText()).isEqualTo("kjj");
        assertThat(row(good, 5).get("deadline").asText()).isEqualTo(workingDay(14).toString());
        assertThat(row(good, 5).get("status").asText()).isEqualTo("valid");
        assertThat(directives("DRAFT")).isZero();
        Http.Response confirmed = supervisor().post("/api/imports/" + good.get("id").asLong() + "/confirmation", "{}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        JsonNode done = json(confirmed);
        assertThat(done.get("status").asText()).isEqualTo("confirmed");
        assertThat(done.get("created").asInt()).isEqualTo(20);
        assertThat(done.get("toCreate").asInt()).isEqualTo(20);
        assertThat(done.get("rows").findValuesAsText("directiveNumber")).hasSize(20).doesNotHaveDuplicates();
        assertThat(directives("DRAFT")).isEqualTo(20);
        assertThat(directives("IN_PROGRESS")).isZero();
        JsonNode progress = json(supervisor().get("/api/imports/" + good.get("id").asLong() + "?rows=false"));
        assertThat(progress.get("created").asInt()).isEqualTo(20);
        assertThat(progress.get("toCreate").asInt()).isEqualTo(20);
        assertThat(progress.get("rows")).isEmpty();

        // the same file again: the earlier import's result, nothing new
        Http.Response again = upload(supervisor(), "任务分解表-再次.xlsx", file);
        assertThat(again.status()).isEqualTo(200);
        assertThat(json(again).get("replayed").asBoolean()).isTrue();
        assertThat(json(again).get("id").asLong()).isEqualTo(good.get("id").asLong());
        assertThat(json(supervisor().post("/api/imports/" + good.get("id").asLong() + "/confirmation", "{}"))
                .get("replayed").asBoolean()).isTrue();
        // the same rows in another file: every row a duplicate of its directive, confirmation creates nothing
        List<List<Object>> same = tasks(20);
        same.forEach(r -> r.set(1, "同样的任务，换了工作要求"));
        JsonNode repeat = json(upload(supervisor(), "任务分解表-副本.xlsx", xlsx(same)));
        assertThat(repeat.get("duplicate").asInt()).isEqualTo(20);
        assertThat(row(repeat, 2).get("duplicateNumber").asText()).isEqualTo(row(done, 2).get("directiveNumber").asText());
        JsonNode none = json(supervisor().post("/api/imports/" + repeat.get("id").asLong() + "/confirmation", "{}"));
        assertThat(none.get("created").asInt()).isZero();
        assertThat(directives("DRAFT")).isEqualTo(20);
    }

    @Test
    void aLeadersImportIssuesDirectivesAndSkipsBadRowsOnlyWhenAsked() throws Exception {
        List<List<Object>> rows = tasks(4);
        rows.get(1).set(5, "dfs；外星局");
        rows.add(new ArrayList<>(rows.get(0)));            // row 6 repeats row 2
        rows.get(2).set(6, "2026年2月30日");
        Http leader = Http.basic(port, "leader", "demo");
        JsonNode view = json(upload(leader, "a.xlsx", xlsx(rows)));
        assertThat(view.get("draft").asBoolean()).isFalse();
        assertThat(row(view, 3).get("problems").get(0).get("message").asText()).contains("外星局");
        assertThat(row(view, 4).get("problems").get(0).get("message").asText()).contains("不是日期");
        assertThat(row(view, 6).get("status").asText()).isEqualTo("duplicate");
        assertThat(row(view, 6).get("duplicateOf").asText()).contains("第 2 行");
        Http.Response confirmed = leader.post("/api/imports/" + view.get("id").asLong() + "/confirmation?skipInvalid=true", "{}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed).get("created").asInt()).isEqualTo(2);
        assertThat(directives("IN_PROGRESS")).isEqualTo(2);
    }

    @Test
    void aLeaderDecidesAllTheOfficesDraftsOfAnImportAtOnce() throws Exception {
        JsonNode view = json(upload(supervisor(), "a.xlsx", xlsx(tasks(3))));
        long id = view.get("id").asLong();
        Http leader = Http.basic(port, "leader", "demo");
        String approval = "/api/imports/" + id + "/approval";
        assertThat(leader.post(approval, "{\"approved\":true}").status()).isEqualTo(409); // not confirmed yet
        assertThat(json(supervisor().post("/api/imports/" + id + "/confirmation", "{}")).get("created").asInt()).isEqualTo(3);
        Http.Response office = supervisor().post(approval, "{\"approved\":true}");
        assertThat(office.status()).isEqualTo(403);
        assertThat(json(office).get("detail").asText()).isEqualTo("只有领导可以批示督查室的拟稿。");
        Http.Response noReason = leader.post(approval, "{\"approved\":false}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("理由");
        assertThat(directives("DRAFT")).isEqualTo(3);
        // the leader sees the office's import among those awaiting, then approves all three drafts in one 批量批示
        assertThat(leader.get("/api/imports/" + id).status()).isEqualTo(200);
        assertThat(json(leader.get("/api/imports?awaiting=approval")).findValuesAsText("id")).contains(String.valueOf(id));
        assertThat(supervisor().get("/api/imports?awaiting=approval").status()).isEqualTo(403);
        Http.Response decided = leader.post(approval, "{\"approved\":true,\"comment\":\"同意，按期推进\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(json(decided).get("decided").asInt()).isEqualTo(3);
        assertThat(json(decided).get("decidedBy").asText()).isEqualTo("leader");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> directives("IN_PROGRESS") == 3);
        assertThat(jdbc.queryForList("SELECT DISTINCT responsible_leader FROM directive WHERE title LIKE ?", String.class,
                "%" + tag + "%")).containsExactly("leader");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directive_event e JOIN directive d ON d.number = "
                + "e.directive_number WHERE d.title LIKE ? AND e.type = 'APPROVED'", Integer.class, "%" + tag + "%")).isEqualTo(3);
        assertThat(json(leader.get("/api/imports?awaiting=approval")).findValuesAsText("id"))
                .doesNotContain(String.valueOf(id));
        // once: a repeat answers with the decision taken
        JsonNode again = json(leader.post(approval, "{\"approved\":false,\"comment\":\"再议\"}"));
        assertThat(again.get("replayed").asBoolean()).isTrue();
        assertThat(again.get("approved").asBoolean()).isTrue();
        assertThat(directives("IN_PROGRESS")).isEqualTo(3);
    }

    @Test
    void moreRowsThanAChunkAreAllCreatedWithTheProgressCounted() throws Exception {
        JsonNode view = json(upload(supervisor(), "a.xlsx", xlsx(tasks(130))));
        assertThat(view.get("valid").asInt()).isEqualTo(130);
        JsonNode done = json(supervisor().post("/api/imports/" + view.get("id").asLong() + "/confirmation", "{}"));
        assertThat(done.get("created").asInt()).isEqualTo(130);
        assertThat(done.get("rows").findValuesAsText("directiveNumber")).hasSize(130).doesNotHaveDuplicates();
        assertThat(directives("DRAFT")).isEqualTo(130);
    }

    @Test
    void onlyLeadersAndTheOfficeImport() throws Exception {
        Http.Response refused = upload(Http.basic(port, "kjj", "demo"), "a.xlsx", xlsx(tasks(1)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(json(refused).get("detail").asText()).isEqualTo("只有领导或督查室可以批量交办。");
        long id = json(upload(supervisor(), "a.xlsx", xlsx(tasks(1)))).get("id").asLong();
        assertThat(Http.basic(port, "kjj", "demo").post("/api/imports/" + id + "/confirmation", "{}").status()).isEqualTo(403);
        assertThat(Http.basic(port, "leader", "demo").post("/api/imports/" + id + "/confirmation", "{}").status())
                .isEqualTo(403);
        assertThat(directives("DRAFT")).isZero();
    }

    @Test
    void theTemplateHasTheHeadersTheValidValuesAndDropDowns() throws Exception {
        Http.Response template = supervisor().getBytes("/api/imports/template.xlsx");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.header("Content-Type")).startsWith(XLSX);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.bytes()))) {
            Sheet data = book.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            data.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).isEqualTo(Workbooks.HEADERS);
            assertThat(data.getDataValidations()).hasSizeGreaterThanOrEqualTo(4);
            Sheet help = book.getSheet("填写说明");
            List<String> texts = new ArrayList<>();
            help.forEach(row -> row.forEach(cell -> texts.add(cell.getStringCellValue())));
            assertThat(texts).contains("一般督办事项", "一般", "紧急", "特急", "每周反馈", "市科技局", "kjj", "王市长");
        }
        // the template as downloaded uploads as "no task rows", not as a broken file
        Http.Response empty = upload(supervisor(), "模板.xlsx", template.bytes());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("没有任务行");
    }

    @Test
    void formulasAreReadAsTheirCachedValuesAndNamed() throws Exception {
        byte[] file = xlsx(tasks(2), book -> {
            Cell title = book.getSheetAt(0).getRow(1).getCell(0);
            title.setCellFormula("\"公式任务-\"&\"" + tag + "\"");
            book.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(title);
        });
        JsonNode view = json(upload(supervisor(), "a.xlsx", file));
        assertThat(row(view, 2).get("title").asText()).isEqualTo("公式任务-" + tag);
        assertThat(view.get("warnings").get(0).asText()).contains("公式", "A2", "未重新计算");
        assertThat(view.get("valid").asInt()).isEqualTo(2);
    }

    @Test
    void aDeadlineOnNoWorkingDayIsAnErrorAtItsCell() throws Exception {
        LocalDate off = workingDay(5);
        while (calendar.isWorkingDay(off)) {
            off = off.plusDays(1);
        }
        List<List<Object>> rows = tasks(1);
        rows.get(0).set(6, off.getYear() + "年" + off.getMonthValue() + "月" + off.getDayOfMonth() + "日");
        JsonNode problem = row(json(upload(supervisor(), "a.xlsx", xlsx(rows))), 2).get("problems").get(0);
        assertThat(problem.get("cell").asText()).isEqualTo("G2");
        assertThat(problem.get("message").asText()).contains(off.toString(), "不是工作日");
    }

    @Test
    void emptyRequiredCellsAreNamedByCell() throws Exception {
        List<List<Object>> rows = tasks(1);
        rows.get(0).set(1, "");
        rows.get(0).set(4, "");
        JsonNode problems = row(json(upload(supervisor(), "a.xlsx", xlsx(rows))), 2).get("problems");
        assertThat(problems.findValuesAsText("cell")).contains("B2", "E2");
        assertThat(problems.findValuesAsText("message")).contains("工作要求不能为空", "牵头单位不能为空");
    }

    void refused(String name, byte[] bytes, String... reasons) throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM directive_import", Long.class);
        Http.Response answer = upload(supervisor(), name, bytes);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(json(answer).get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(json(answer).get("errors").get(0).get("message").asText()).contains(reasons);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directive_import", Long.class)).isEqualTo(before);
        assertThat(directives("DRAFT")).isZero();
    }

    @Test
    void aTextFileIsNoWorkbook() throws Exception {
        refused("任务.xlsx", "事项名称,工作要求\n任务一,办理\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "不是 Excel 表格", "text/plain");
    }

    @Test
    void aRenamedImageIsNoWorkbook() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        refused("任务.xlsx", png.toByteArray(), "不是 Excel 表格", "image/png");
    }

    @Test
    void aLegacyXlsRenamedToXlsxIsRefused() throws Exception {
        java.io.ByteArrayOutputStream xls = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook book = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
            book.createSheet("任务").createRow(0).createCell(0).setCellValue("事项名称");
            book.write(xls);
        }
        refused("任务.xlsx", xls.toByteArray(), "旧版 Excel（.xls）", "另存为 .xlsx");
    }

    @Test
    void aZipWithoutAWorkbookIsRefused() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("hello".getBytes());
            zip.closeEntry();
        }
        refused("任务.xlsx", bytes.toByteArray(), "没有工作簿");
    }

    @Test
    void aTruncatedWorkbookIsRefused() throws Exception {
        byte[] whole = xlsx(tasks(3));
        refused("任务.xlsx", java.util.Arrays.copyOf(whole, whole.length / 2), "xlsx");
    }

    @Test
    void aWorkbookWithMacrosIsRefused() throws Exception {
        refused("任务.xlsm", Workbooks.withEntry(xlsx(tasks(2)), "xl/vbaProject.bin", new byte[] {1, 2, 3}), "宏");
    }

    @Test
    void aZipBombIsRefused() throws Exception {
        refused("任务.xlsx", Workbooks.bomb(xlsx(tasks(2)), 120), "压缩炸弹");
    }

    @Test
    void moreThanFiveThousandRowsAreRefused() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> one = task("任务", "dsjj", "", workingDay(10));
        for (int i = 0; i < 5001; i++) {
            rows.add(one);
        }
        refused("任务.xlsx", xlsx(rows), "最多导入 5000 行");
    }

    @Test
    void mergedCellsAreRefused() throws Exception {
        refused("任务.xlsx", xlsx(tasks(3), book -> book.getSheetAt(0).addMergedRegion(CellRangeAddress.valueOf("E2:E3"))),
                "合并单元格", "E2:E3");
    }

    @Test
    void aSheetWithoutTheHeadersIsRefused() throws Exception {
        refused("任务.xlsx", xlsx(tasks(1), book -> book.getSheetAt(0).getRow(0).getCell(0).setCellValue("名称")),
                "缺少表头", "事项名称");
    }
}
