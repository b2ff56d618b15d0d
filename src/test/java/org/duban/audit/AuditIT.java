package org.duban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** What auditors get: the whole trail with its actors, score explanations, and tamper evidence. */
@DubanIntegrationTest
class AuditIT {

    /** The trail's mail entries are checked as sent, which quiet hours would put off at night. */
    @BeforeEach
    void duringOfficeHours() {
        ProcessDriver.officeHoursToday();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTrailOfADirectiveListsApprovalExtensionReworkAndUrgeInOrderWithTheirActors() throws Exception {
        Http office = Http.basic(port, "supervisor", "demo");
        Http leader = Http.basic(port, "leader", "demo");
        Http kjj = Http.basic(port, "kjj", "demo");
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        String number = JSON.readTree(office.post("/api/directives", """
                {"title":"审计轨迹","instruction":"请办理","priority":"normal","leadDepartment":"kjj","deadline":"%s"}
                """.formatted(deadline)).body()).get("number").asText();

        complete(leader, number, "Task_ApproveDirective", "{\"variables\":{\"approved\":{\"value\":true}}}");
        complete(kjj, number, "Task_SignDirective", "{}");
        complete(kjj, number, "Task_HandleDirective", """
                {"variables":{"outcome":{"value":"extend"},"requestedDeadline":{"value":"%s"},"extensionReason":{"value":"需协调"}}}
                """.formatted(LocalDate.parse(deadline).plusDays(7)));
        complete(office, number, "Task_DecideExtension", "{\"variables\":{\"extensionApproved\":{\"value\":true}}}");
        assertThat(office.post("/api/directives/" + number + "/urges", "{\"note\":\"请加快\"}").status()).isEqualTo(202);
        complete(kjj, number, "Task_HandleDirective",
                "{\"variables\":{\"outcome\":{\"value\":\"submit\"},\"resultSummary\":{\"value\":\"初稿\"}}}");
        complete(office, number, "Task_ReviewResult",
                "{\"variables\":{\"accepted\":{\"value\":false},\"reviewComment\":{\"value\":\"请补充\"}}}");
        complete(kjj, number, "Task_HandleDirective",
                "{\"variables\":{\"outcome\":{\"value\":\"submit\"},\"resultSummary\":{\"value\":\"定稿\"}}}");
        complete(office, number, "Task_ReviewResult",
                "{\"variables\":{\"accepted\":{\"value\":true},\"qualityRating\":{\"value\":4}}}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(
                JSON.readTree(leader.get("/api/directives/" + number).body()).get("status").asText()));

        Http auditor = Http.basic(port, "auditor", "demo");
        // without an SMTP server (the embedded default) every notification ends up kept in the outbox and the log
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox "
                + "WHERE directive_number = ? AND status = 'PENDING'", Integer.class, number) == 0);
        JsonNode mail = JSON.readTree(auditor.get("/api/audit/directives/" + number + "/trail?source=MAIL&size=1000").body());
        List<String> notified = new ArrayList<>();
        mail.get("items").forEach(e -> notified.add(e.get("type").asText() + ":" + e.get("details").get("kind").asText()
                + ":" + e.get("details").get("recipient").asText()));
        assertThat(notified).contains("NOTIFICATION_QUEUED:DISPATCHED:kjj.staff@zhengzhou.gov.cn",
                "NOTIFICATION_LOGGED:DISPATCHED:kjj.staff@zhengzhou.gov.cn",
                "NOTIFICATION_QUEUED:SUBMITTED:supervisor@zhengzhou.gov.cn",
                "NOTIFICATION_QUEUED:RETURNED_FOR_REWORK:kjj@zhengzhou.gov.cn",
                "NOTIFICATION_QUEUED:URGED:kjj.staff@zhengzhou.gov.cn");

        JsonNode trail = JSON.readTree(auditor.get("/api/audit/directives/" + number + "/trail?source=DUBAN").body());
        List<String> steps = new ArrayList<>();
        trail.get("items").forEach(e -> steps.add(e.get("type").asText() + ":" + e.path("actor").asText("")));
        assertThat(steps).containsSubsequence("ISSUED:supervisor", "APPROVED:leader", "DISPATCHED:leader", "SIGNED:kjj",
                "EXTENSION_REQUESTED:kjj", "EXTENSION_APPROVED:supervisor", "URGED:supervisor", "SUBMITTED:kjj",
                "RETURNED_FOR_REWORK:supervisor", "SUBMITTED:kjj", "ACCEPTED:supervisor", "SCORED:", "CLOSED:");

        JsonNode all = JSON.readTree(auditor.get("/api/audit/directives/" + number + "/trail?size=1000").body());
        List<String> engine = new ArrayList<>();
        all.get("items").forEach(e -> {
            if (e.get("source").asText().equals("ENGINE")) {
                engine.add(e.get("type").asText() + ":" + e.path("actor").asText(""));
            }
        });
        assertThat(engine).contains("OPERATION_COMPLETE:kjj", "OPERATION_COMPLETE:supervisor", "OPERATION_COMPLETE:leader");

        JsonNode score = JSON.readTree(auditor.get("/api/audit/directives/" + number + "/scores").body()).get(0).get("score");
        java.util.Map<String, Integer> points = new java.util.HashMap<>();
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        score.get("components").forEach(c -> {
            points.put(c.get("key").asText(), c.get("points").asInt());
            labels.put(c.get("key").asText(), c.get("label").asText());
        });
        assertThat(points).containsEntry("reworkPoints", -5).containsEntry("extensionPoints", -2)
                .containsEntry("urgePoints", -2);
        assertThat(labels).as("the decision table's own Chinese labels").containsEntry("reworkPoints", "退回重办扣分");
        assertThat(score.get("score").asInt()).isEqualTo(40 + 10 + 40 - 5 - 2 - 2);
        java.util.Map<String, String> facts = new java.util.HashMap<>();
        score.get("inputs").forEach(f -> facts.put(f.get("key").asText(), f.get("value").asText()));
        assertThat(facts).containsEntry("reworkCount", "1").containsEntry("approvedExtensions", "1")
                .containsEntry("urgeCount", "1").containsEntry("qualityRating", "4");

        Http.Response xlsx = auditor.getBytes("/api/audit/directives/" + number + "/trail.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("时间");
            assertThat(sheet.getLastRowNum()).isEqualTo(all.get("total").asInt());
        }
        Http.Response csv = auditor.get("/api/audit/directives/" + number + "/trail.csv?source=DUBAN");
        assertThat(csv.body()).startsWith("\uFEFF\"时间\",\"来源\"").contains("退回重办");

        JsonNode activity = JSON.readTree(auditor.get("/api/audit/users/kjj/activity?from="
                + LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1) + "&to=" + LocalDate.now(ZoneId.of("Asia/Shanghai"))).body());
        assertThat(activity).isNotEmpty().allSatisfy(e -> assertThat(e.path("actor").asText()).isEqualTo("kjj"));

        Http.Response page = Http.loggedIn(port, "auditor", "demo").get("/audit/directives/" + number);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("审计轨迹").contains("退回重办").contains("评分依据");
    }

    @Test
    void changingOneAuditRowIsNamedByTheVerification() throws Exception {
        Http auditor = Http.basic(port, "auditor", "demo");
        Http.basic(port, "leader", "demo").post("/api/directives", """
                {"title":"防篡改","instruction":"请办理","priority":"normal","leadDepartment":"dfs","deadline":"%s"}
                """.formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30)));
        JsonNode clean = JSON.readTree(auditor.get("/api/audit/verification").body());
        assertThat(clean.get("intact").asBoolean()).isTrue();
        assertThat(clean.get("checked").asInt()).isPositive();

        long id = jdbc.queryForObject("SELECT MIN(id) FROM directive_event WHERE type = 'ISSUED'", Long.class);
        String actor = jdbc.queryForObject("SELECT actor FROM directive_event WHERE id = ?", String.class, id);
        jdbc.update("UPDATE directive_event SET actor = 'intruder' WHERE id = ?", id);
        try {
            // the check since the last checkpoint walks only what is new; the full walk finds the altered old record
            JsonNode broken = JSON.readTree(auditor.get("/api/audit/verification?full=true").body());
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").get("id").asLong()).isEqualTo(id);
            assertThat(broken.get("firstBroken").get("reason").asText()).contains("被修改");
        } finally {
            jdbc.update("UPDATE directive_event SET actor = ? WHERE id = ?", actor, id);
        }
        assertThat(JSON.readTree(auditor.get("/api/audit/verification?full=true").body()).get("intact").asBoolean()).isTrue();

        // a record written after the last checkpoint is walked by the quick check too
        Http.basic(port, "leader", "demo").post("/api/directives", """
                {"title":"防篡改二","instruction":"请办理","priority":"normal","leadDepartment":"kjj","deadline":"%s"}
                """.formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30)));
        long newest = jdbc.queryForObject("SELECT MAX(id) FROM directive_event", Long.class);
        String newestActor = jdbc.queryForObject("SELECT actor FROM directive_event WHERE id = ?", String.class, newest);
        jdbc.update("UPDATE directive_event SET actor = 'intruder' WHERE id = ?", newest);
        try {
            JsonNode quick = JSON.readTree(auditor.get("/api/audit/verification").body());
            assertThat(quick.get("intact").asBoolean()).isFalse();
            assertThat(quick.get("firstBroken").get("id").asLong()).isEqualTo(newest);
            assertThat(quick.get("fromRecord").asLong()).as("started at the checkpoint").isPositive();
        } finally {
            jdbc.update("UPDATE directive_event SET actor = ? WHERE id = ?", newestActor, newest);
        }
        JsonNode again = JSON.readTree(auditor.get("/api/audit/verification").body());
        assertThat(again.get("intact").asBoolean()).isTrue();
        assertThat(again.get("checked").asLong()).as("only what is new since the last intact check")
                .isLessThan(again.get("records").asLong());
    }

    @Test
    void anAuditorCanReadEverythingAndChangeNothing() throws Exception {
        String number = JSON.readTree(Http.basic(port, "leader", "demo").post("/api/directives", """
                {"title":"只读","instruction":"请办理","priority":"normal","leadDepartment":"zdxq","deadline":"%s"}
                """.formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30))).body()).get("number").asText();
        Http auditor = Http.basic(port, "auditor", "demo");
        JsonNode task = JSON.readTree(auditor.get("/engine-rest/task?processInstanceBusinessKey=" + number).body()).get(0);
        String taskId = task.get("id").asText();
        String instance = task.get("processInstanceId").asText();
        assertThat(auditor.get("/api/directives/" + number).status()).isEqualTo(200);
        assertThat(auditor.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + number).status()).isEqualTo(200);

        assertThat(auditor.post("/api/directives", "{\"title\":\"x\"}").status()).as("issue").isEqualTo(403);
        assertThat(auditor.post("/api/directives/" + number + "/urges", "{}").status()).as("urge").isEqualTo(403);
        assertThat(auditor.post("/api/directives/" + number + "/withdrawal", "{\"reason\":\"x\"}").status()).as("withdraw").isEqualTo(403);
        assertThat(auditor.post("/engine-rest/process-definition/key/directive/start", "{}").status()).as("start").isEqualTo(403);
        assertThat(auditor.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"auditor\"}").status()).as("claim").isEqualTo(403);
        assertThat(auditor.post("/engine-rest/task/" + taskId + "/complete", "{}").status()).as("complete").isEqualTo(403);
        assertThat(auditor.put("/engine-rest/task/" + taskId + "/variables/x", "{\"value\":1,\"type\":\"Integer\"}").status())
                .as("task variable").isEqualTo(403);
        assertThat(auditor.put("/engine-rest/process-instance/" + instance + "/variables/x", "{\"value\":1,\"type\":\"Integer\"}").status())
                .as("instance variable").isEqualTo(403);
        assertThat(auditor.delete("/engine-rest/process-instance/" + instance).status()).as("delete").isEqualTo(403);
        assertThat(JSON.readTree(Http.basic(port, "leader", "demo").get("/api/directives/" + number).body())
                .get("status").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void onlyAuditorsAndAdminsReadTheAuditViews() {
        assertThat(Http.basic(port, "kjj", "demo").get("/api/audit/verification").status()).isEqualTo(403);
        assertThat(Http.basic(port, "leader", "demo").get("/api/audit/verification").status()).isEqualTo(403);
        assertThat(Http.loggedIn(port, "kjj", "demo").get("/audit").status()).isEqualTo(403);
        assertThat(Http.basic(port, "auditor", "demo").get("/api/audit/directives/DB-2026-9999/trail").status()).isEqualTo(404);
    }

    private void complete(Http user, String number, String taskKey, String body) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(user.get("/engine-rest/task?processInstanceBusinessKey="
                + number + "&taskDefinitionKey=" + taskKey).body()).size() == 1);
        String id = JSON.readTree(user.get("/engine-rest/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey="
                + taskKey).body()).get(0).get("id").asText();
        Http.Response response = user.post("/engine-rest/task/" + id + "/complete", body);
        assertThat(response.status()).as(taskKey + " " + response.body()).isEqualTo(204);
    }
}
