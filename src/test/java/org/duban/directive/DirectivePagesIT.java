package org.duban.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The overview, ledger, directive page and exports over HTTP: what each role sees, that a
 * department never sees another's directive, and that the exports are real files.
 */
@DubanIntegrationTest
class DirectivePagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    String tag;
    String kjjNumber;
    String dfsNumber;

    /** The dates below are fixed, so the clock is too (and still ticks, for the job executor). */
    static final String NOW = "2026-11-25T10:00:00+08:00";

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @BeforeEach
    void twoDirectivesOneClosed() {
        ProcessDriver.ticking(NOW);
        tag = UUID.randomUUID().toString().substring(0, 8);
        Http leader = Http.basic(port, "leader", "demo");
        kjjNumber = issue(leader, "科技创新券兑现 " + tag, "kjj", "[\"zdxq\"]", "2026-12-30");
        dfsNumber = issue(leader, "登封文旅项目 " + tag, "dfs", "[]", "2026-12-31");
        // the job executor runs here, so each step waits for the task the previous one leads to
        for (String department : List.of("kjj", "zdxq")) {
            complete(department, kjjNumber, department, "Task_SignDirective", Map.of());
            complete(department, kjjNumber, department, "Task_HandleDirective",
                    Map.of(DirectiveVariables.OUTCOME, DirectiveVariables.OUTCOME_SUBMIT, DirectiveVariables.RESULT_SUMMARY, "已完成"));
            complete("supervisor", kjjNumber, department, "Task_ReviewResult", Map.of(DirectiveVariables.ACCEPTED, true,
                    DirectiveVariables.QUALITY_RATING, 5, DirectiveVariables.REVIEW_COMMENT, "同意"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(
                jdbc.queryForObject("SELECT status FROM directive WHERE number = ?", String.class, kjjNumber)));
    }

    @Test
    void theOfficeSeesEverythingOnEveryPage() throws Exception {
        Http office = Http.loggedIn(port, "supervisor", "demo");
        Http.Response overview = office.get("/overview");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("督办总览", "按灯色", "逾期事项", "各单位灯色", "echarts.min.js");
        assertThat(office.get("/webjars/echarts/dist/echarts.min.js").status()).as("charts served from the webjar").isEqualTo(200);

        Http.Response ledger = office.get("/ledger?q=" + tag);
        assertThat(ledger.body()).contains(kjjNumber, dfsNumber, "共 <strong id=\"ledger-total\">2</strong> 项");

        Http.Response page = office.get("/directives/" + kjjNumber);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("科技创新券兑现 " + tag, "已办结", "市科技局", "郑东新区管委会", "主办", "协办",
                "办结时效得分", "签收", "审核通过", "评分");
        assertThat(page.body()).as("a closed directive can no longer be urged or withdrawn").doesNotContain("id=\"urge\"");
        assertThat(office.get("/directives/" + dfsNumber).body()).contains("id=\"urge\"", "id=\"withdraw\"");
    }

    @Test
    void everyPageSendsAStrangerToTheChineseLogin() {
        Http stranger = Http.anonymous(port);
        for (String page : List.of("/overview", "/ledger", "/issue", "/directives/" + kjjNumber, "/scorecards", "/reports")) {
            assertThat(stranger.get(page).redirectsToLogin()).as(page).isTrue();
        }
        assertThat(stranger.get("/login").body()).contains("登录");
        assertThat(stranger.get("/api/dashboard").status()).isEqualTo(401);
        assertThat(stranger.getBytes("/api/ledger.xlsx").status()).isEqualTo(401);
    }

    @Test
    void theLedgerFiltersSortsAndPages() throws Exception {
        Http leader = Http.basic(port, "leader", "demo");
        JsonNode closed = JSON.readTree(leader.get("/api/directives?q=" + tag + "&status=CLOSED").body());
        assertThat(closed.get("total").asInt()).isEqualTo(1);
        assertThat(closed.get("items").get(0).get("number").asText()).isEqualTo(kjjNumber);
        assertThat(closed.get("items").get(0).get("light").asText()).isEqualTo("DONE");

        JsonNode byDepartment = JSON.readTree(leader.get("/api/directives?q=" + tag + "&department=zdxq").body());
        assertThat(byDepartment.get("items")).extracting(i -> i.get("number").asText()).containsExactly(kjjNumber);

        JsonNode byDeadline = JSON.readTree(leader.get("/api/directives?q=" + tag + "&sort=DEADLINE&order=desc").body());
        assertThat(byDeadline.get("items")).extracting(i -> i.get("number").asText()).containsExactly(dfsNumber, kjjNumber);

        JsonNode secondPage = JSON.readTree(leader.get("/api/directives?q=" + tag + "&sort=DEADLINE&order=asc&size=1&page=1").body());
        assertThat(secondPage.get("total").asInt()).isEqualTo(2);
        assertThat(secondPage.get("items")).extracting(i -> i.get("number").asText()).containsExactly(dfsNumber);

        JsonNode byLeader = JSON.readTree(leader.get("/api/directives?q=" + tag + "&leader=supervisor").body());
        assertThat(byLeader.get("total").asInt()).isZero();

        Http.Response wrong = leader.get("/api/directives?light=purple&to=2026-13-01&size=500");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(wrong.body()).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("light", "to", "size");
    }

    @Test
    void theExportsAreRealFilesWithExactlyTheFilteredRows() throws Exception {
        Http leader = Http.basic(port, "leader", "demo");
        Http.Response xlsx = leader.getBytes("/api/ledger.xlsx?q=" + tag + "&sort=NUMBER&order=asc");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Disposition")).contains("attachment");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = workbook.getSheet("督办台账");
            assertThat(cells(sheet.getRow(0))).startsWith("编号", "标题", "类别", "优先级", "主办单位", "交办人");
            assertThat(sheet.getLastRowNum()).as("header and two directives").isEqualTo(2);
            List<String> first = cells(sheet.getRow(1));
            assertThat(first.get(0)).isEqualTo(kjjNumber);
            assertThat(first).contains("科技创新券兑现 " + tag, "一般督办事项", "市科技局", "王市长", "已办结", "按期办结");
            assertThat(cells(sheet.getRow(2))).contains(dfsNumber, "登封市", "办理中");

            // typed cells people can sum and sort, under a bold, frozen, filterable header
            List<String> headers = cells(sheet.getRow(0));
            Row kjjRow = sheet.getRow(1);
            org.apache.poi.ss.usermodel.Cell score = kjjRow.getCell(headers.indexOf("评分"));
            assertThat(score.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(score.getNumericCellValue()).isPositive();
            org.apache.poi.ss.usermodel.Cell deadline = kjjRow.getCell(headers.indexOf("办结期限"));
            assertThat(deadline.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(deadline)).isTrue();
            assertThat(kjjRow.getCell(headers.indexOf("交办时间")).getLocalDateTimeCellValue()).isNotNull();
            assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(headers).contains("协办单位", "最新进展");
        }

        Http.Response csv = leader.getBytes("/api/ledger.csv?q=" + tag + "&department=dfs");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        byte[] bytes = csv.bytes();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).as("UTF-8 BOM so that Excel reads Chinese")
                .containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.lines().count()).as("header and the one dfs directive").isEqualTo(2);
        assertThat(text).contains(dfsNumber, "登封文旅项目 " + tag).doesNotContain(kjjNumber);
    }

    @Test
    void aDepartmentSeesOnlyItsOwnDirectivesOnEveryPageAndExport() throws Exception {
        Http kjj = Http.loggedIn(port, "kjj", "demo");
        assertThat(kjj.get("/ledger?q=" + tag).body()).contains(kjjNumber).doesNotContain(dfsNumber);
        assertThat(kjj.get("/directives/" + kjjNumber).status()).isEqualTo(200);
        Http.Response other = kjj.get("/directives/" + dfsNumber);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).contains("不属于您所在的单位").doesNotContain("登封文旅项目");
        assertThat(kjj.get("/overview").body()).doesNotContain("登封文旅项目 " + tag);
        assertThat(kjj.get("/issue").status()).as("departments do not issue directives").isEqualTo(403);

        Http kjjApi = Http.basic(port, "kjj", "demo");
        assertThat(kjjApi.get("/api/directives/" + dfsNumber).status()).isEqualTo(403);
        assertThat(kjjApi.get("/api/directives?q=" + tag + "&department=dfs").body()).doesNotContain(dfsNumber);
        String csv = new String(kjjApi.getBytes("/api/ledger.csv?q=" + tag).bytes(), StandardCharsets.UTF_8);
        assertThat(csv).contains(kjjNumber).doesNotContain(dfsNumber);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(kjjApi.getBytes("/api/ledger.xlsx?q=" + tag).bytes()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
        }
        JsonNode dashboard = JSON.readTree(kjjApi.get("/api/dashboard").body());
        assertThat(dashboard.get("departments")).extracting(d -> d.get("department").asText()).containsExactly("kjj");
        assertThat(dashboard.get("scope").asText()).isEqualTo("DEPARTMENT");
        Long visible = jdbc.queryForObject("SELECT COUNT(*) FROM directive_department p JOIN directive d "
                + "ON d.number = p.directive_number WHERE p.department = 'kjj' AND d.status NOT IN ('DRAFT', 'REJECTED', 'CANCELLED')",
                Long.class);
        long counted = 0;
        for (JsonNode count : dashboard.get("byStatus")) {
            counted += count.asLong();
        }
        assertThat(counted).as("the dashboard counts only kjj's live and finished parts").isEqualTo(visible);

        // the weekly chart: kjj's directives dispatched and closed in the weeks shown, as the record has them
        JsonNode weeks = dashboard.get("weeks");
        String first = weeks.get(0).get("start").asText();
        // up to the dashboard's today: tests sharing this database move the clock into later years and back
        String today = dashboard.get("today").asText();
        long issued = 0;
        long closed = 0;
        for (JsonNode week : weeks) {
            issued += week.get("issued").asLong();
            closed += week.get("closed").asLong();
        }
        String kjjDirectives = " FROM directive d WHERE EXISTS (SELECT 1 FROM directive_department p "
                + "WHERE p.directive_number = d.number AND p.department = 'kjj') AND ";
        assertThat(issued).isEqualTo(jdbc.queryForObject("SELECT COUNT(*)" + kjjDirectives
                + "d.dispatched_on >= CAST(? AS DATE) AND d.dispatched_on <= CAST(? AS DATE)", Long.class, first, today))
                .isPositive();
        assertThat(closed).isEqualTo(jdbc.queryForObject("SELECT COUNT(*)" + kjjDirectives
                + "d.status = 'CLOSED' AND d.closed_on >= CAST(? AS DATE) AND d.closed_on <= CAST(? AS DATE)", Long.class,
                first, today)).isPositive();
    }

    @Test
    void aDraftWithdrawnBeforeApprovalNeverReachesItsDepartments() throws Exception {
        Http office = Http.basic(port, "supervisor", "demo");
        Http.Response drafted = office.post("/api/directives", """
                {"title":"督查室拟稿 %s","instruction":"待领导批示。","priority":"normal","leadDepartment":"kjj",
                 "coDepartments":[],"deadline":"2026-12-30","reportCycle":"none"}""".formatted(tag));
        assertThat(drafted.status()).isEqualTo(201);
        String draft = JSON.readTree(drafted.body()).get("number").asText();
        Http.Response withdrawn = office.post("/api/directives/" + draft + "/withdrawal", "{\"reason\":\"另行安排\"}");
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(JSON.readTree(withdrawn.body()).get("status").asText()).isEqualTo("CANCELLED");

        Http kjj = Http.basic(port, "kjj", "demo");
        assertThat(kjj.get("/api/directives/" + draft).status()).isEqualTo(403);
        assertThat(kjj.get("/api/directives?q=" + tag).body()).doesNotContain(draft);
        assertThat(Http.loggedIn(port, "kjj", "demo").get("/ledger?q=" + tag).body()).doesNotContain(draft);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE directive_number = ? "
                + "AND recipient LIKE 'kjj%'", Integer.class, draft)).as("no mail about a draft they never had").isZero();
    }

    @Test
    void lightsFollowTheWorkingDayClock() throws Exception {
        Http leader = Http.basic(port, "leader", "demo");
        try {
            // 2026-12-31 is the deadline; three working days before it the light turns yellow, after it red
            ProcessDriver.clock("2026-12-28T10:00:00+08:00");
            assertThat(light(leader, dfsNumber)).isEqualTo("YELLOW");
            ProcessDriver.clock("2027-01-04T10:00:00+08:00");
            assertThat(light(leader, dfsNumber)).isEqualTo("RED");
            JsonNode red = JSON.readTree(leader.get("/api/directives?q=" + tag + "&light=RED").body());
            assertThat(red.get("items")).extracting(i -> i.get("number").asText()).containsExactly(dfsNumber);
            JsonNode dashboard = JSON.readTree(leader.get("/api/dashboard").body());
            assertThat(dashboard.get("overdueTotal").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(dashboard.get("lightsAsOf").asText()).isEqualTo("2027-01-04");
            assertThat(Http.loggedIn(port, "leader", "demo").get("/overview").body())
                    .as("the overdue list with working days overdue").contains("class=\"light light-RED\"", "个工作日");
            assertThat(light(leader, kjjNumber)).as("a finished directive keeps its light").isEqualTo("DONE");
            JsonNode dfs = JSON.readTree(Http.basic(port, "dfs", "demo").get("/api/dashboard").body());
            assertThat(dfs.get("overdueTotal").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(dfs.get("overdue")).allSatisfy(item -> {
                assertThat(item.get("light").asText()).isEqualTo("RED");
                assertThat(item.get("workingDaysOverdue").asInt()).isPositive();
            });
            assertThat(dfs.get("overdue")).extracting(item -> item.get("number").asText()).contains(dfsNumber);
        } finally {
            ProcessDriver.ticking(NOW);
        }
        assertThat(light(leader, dfsNumber)).isEqualTo("GREEN");
    }

    private void complete(String user, String number, String department, String taskKey, Map<String, Object> variables) {
        ProcessDriver driver = new ProcessDriver(engine);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ProcessInstance work = driver.departmentWork(number, department);
            return work != null && engine.getTaskService().createTaskQuery().processInstanceId(work.getId())
                    .taskDefinitionKey(taskKey).count() == 1;
        });
        ProcessInstance work = driver.departmentWork(number, department);
        String task = engine.getTaskService().createTaskQuery().processInstanceId(work.getId()).taskDefinitionKey(taskKey)
                .singleResult().getId();
        driver.as(user, () -> {
            engine.getTaskService().complete(task, variables);
            return null;
        });
    }

    private static String light(Http http, String number) throws Exception {
        return JSON.readTree(http.get("/api/directives/" + number).body()).get("light").asText();
    }

    private static String issue(Http leader, String title, String lead, String co, String deadline) {
        Http.Response issued = leader.post("/api/directives", """
                {"title":"%s","instruction":"请按期办结。","priority":"normal","leadDepartment":"%s",
                 "coDepartments":%s,"deadline":"%s","reportCycle":"none"}""".formatted(title, lead, co, deadline));
        assertThat(issued.status()).isEqualTo(201);
        try {
            return JSON.readTree(issued.body()).get("number").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each cell as text: typed cells (numbers, dates, times) as they read. */
    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
        row.forEach(cell -> cells.add(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                ? cell.getStringCellValue() : format.formatCellValue(cell)));
        return cells;
    }
}
