package org.duban.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The one-click API over HTTP: what it accepts, what it refuses and how, and who may do what. */
@DubanIntegrationTest
class DirectiveApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LATER = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Http leader() {
        return Http.basic(port, "leader", "demo");
    }

    static String body(String title, String lead, String co, String deadline) {
        return """
                {"title":%s,"instruction":"请办理","priority":"normal","leadDepartment":%s,"coDepartments":[%s],"deadline":%s}
                """.formatted(title, lead, co, deadline);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "{\"instruction\":\"x\",\"priority\":\"normal\",\"leadDepartment\":\"kjj\",\"deadline\":\"LATER\"}|title|标题不能为空",
            "{\"title\":\"TOO_LONG\",\"instruction\":\"x\",\"priority\":\"normal\",\"leadDepartment\":\"kjj\",\"deadline\":\"LATER\"}|title|不能超过 100 字",
            "{\"title\":\"t\",\"instruction\":\"x\",\"priority\":\"normal\",\"leadDepartment\":\"kjj\",\"deadline\":\"TODAY\"}|deadline|至少应在一个工作日之后",
            "{\"title\":\"t\",\"instruction\":\"x\",\"priority\":\"normal\",\"leadDepartment\":\"kjj\",\"deadline\":\"31/12/2026\"}|deadline|应为日期",
            "{\"title\":\"t\",\"instruction\":\"x\",\"priority\":\"normal\",\"leadDepartment\":\"nobody\",\"deadline\":\"LATER\"}|leadDepartment|不存在",
            "{\"title\":\"t\",\"instruction\":\"x\",\"priority\":\"normal\",\"leadDepartment\":\"kjj\",\"coDepartments\":[\"kjj\"],\"deadline\":\"LATER\"}|coDepartments[0]|不能同时列为协办单位",
            "{\"title\":\"t\",\"instruction\":\"x\",\"priority\":\"normal\",\"leadDepartment\":\"kjj\",\"coDepartments\":[\"dfs\",\"dfs\"],\"deadline\":\"LATER\"}|coDepartments[1]|重复",
            "{\"title\":\"t\",\"instruction\":\"x\",\"priority\":\"normal\",\"leadDepartment\":\"kjj\",\"coDepartments\":[\"xyz\"],\"deadline\":\"LATER\"}|coDepartments[0]|不存在",
            "{\"title\":\"t\",\"instruction\":\"x\",\"priority\":\"soon\",\"leadDepartment\":\"kjj\",\"deadline\":\"LATER\"}|priority|优先级",
            "{\"title\":\"t\",\"instruction\":\"x\",\"priority\":\"normal\",\"leadDepartment\":\"kjj\",\"deadline\":\"LATER\",\"category\":\"nope\"}|category|不存在",
            "{\"title\":\"t\",\"instruction\":\"x\",\"priority\":\"normal\",\"leadDepartment\":\"kjj\",\"deadline\":\"LATER\",\"reportCycle\":\"hourly\"}|reportCycle|反馈周期",
            "{\"title\":\"t\",\"instruction\":\"INSTRUCTION_TOO_LONG\",\"priority\":\"normal\",\"leadDepartment\":\"kjj\",\"deadline\":\"LATER\"}|instruction|不能超过 5000 字"})
    void badInputIsRefusedFieldByFieldAndCreatesNothing(String json, String field, String message) throws Exception {
        int before = directives();
        String request = json.replace("LATER", LATER)
                .replace("TODAY", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString())
                .replace("INSTRUCTION_TOO_LONG", "办".repeat(5001)).replace("TOO_LONG", "题".repeat(101));
        Http.Response response = leader().post("/api/directives", request);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:duban:problem:invalid-request");
        assertThat(problem.get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("message").asText()).contains(message);
        });
        assertThat(directives()).isEqualTo(before);
    }

    @Test
    void malformedJsonTooLargeAndWrongContentType() throws Exception {
        Http.Response malformed = leader().post("/api/directives", "{\"title\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("type").asText()).isEqualTo("urn:duban:problem:malformed-request");

        Http.Response large = leader().post("/api/directives", "{\"title\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}");
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.body()).contains("payload-too-large");

        Http.Response text = leader().postAs("/api/directives", "text/plain", "hello");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void unknownNumberIs404AndDepartmentsOnlySeeTheirOwn() throws Exception {
        assertThat(leader().get("/api/directives/DB-2026-9999").status()).isEqualTo(404);

        String number = issue(leader(), body("\"郑东新区事项\"", "\"zdxq\"", "", "\"" + LATER + "\""), null);
        Http otherDepartment = Http.basic(port, "dfs", "demo");
        assertThat(otherDepartment.get("/api/directives/" + number).status()).isEqualTo(403);
        assertThat(otherDepartment.get("/api/directives?size=200").body()).doesNotContain(number);
        assertThat(otherDepartment.post("/api/directives/" + number + "/urges", "{}").status()).isEqualTo(403);
        assertThat(otherDepartment.post("/api/directives/" + number + "/withdrawal", "{\"reason\":\"x\"}").status()).isEqualTo(403);
        assertThat(otherDepartment.post("/api/directives", body("\"t\"", "\"dfs\"", "", "\"" + LATER + "\"")).status()).isEqualTo(403);

        Http own = Http.basic(port, "zdxq", "demo");
        assertThat(own.get("/api/directives/" + number).status()).isEqualTo(200);
        assertThat(own.get("/api/directives?size=200").body()).contains(number);
        assertThat(own.post("/api/directives/" + number + "/urges", "{}").status()).as("a department cannot urge").isEqualTo(403);
        assertThat(Http.basic(port, "auditor", "demo").get("/api/directives/" + number).status()).isEqualTo(200);
    }

    @Test
    void aRepeatedRequestWithTheSameIdempotencyKeyReturnsTheFirstDirective() throws Exception {
        String key = UUID.randomUUID().toString();
        String request = body("\"只建一次\"", "\"kjj\"", "\"dfs\"", "\"" + LATER + "\"");
        int before = directives();
        String first = issue(leader(), request, key);
        String second = issue(leader(), request, key);
        assertThat(second).isEqualTo(first);
        assertThat(directives()).isEqualTo(before + 1);

        Http.Response reused = leader().postWithHeader("/api/directives", body("\"另一件事\"", "\"kjj\"", "", "\"" + LATER + "\""),
                "Idempotency-Key", key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body()).contains("idempotency-key-reused");
    }

    @Test
    void theOfficesDirectiveIsADraftForTheLeaders() throws Exception {
        String number = issue(Http.basic(port, "supervisor", "demo"), body("\"督查室拟稿\"", "\"kjj\"", "", "\"" + LATER + "\""), null);
        JsonNode draft = JSON.readTree(leader().get("/api/directives/" + number).body());
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        Http kjj = Http.basic(port, "kjj", "demo");
        assertThat(kjj.get("/api/directives/" + number).status()).as("not dispatched yet").isEqualTo(403);
        assertThat(kjj.get("/api/directives?size=200").body()).doesNotContain(number);
        assertThat(leader().get("/engine-rest/task?processInstanceBusinessKey=" + number).body()).contains("Task_ApproveDirective");
    }

    @Test
    void theOfficeUrgesAndWithdrawsAndAClosedStateRefusesBoth() throws Exception {
        String number = issue(leader(), body("\"催办与撤回\"", "\"kjj\"", "\"dfs\"", "\"" + LATER + "\""), null);
        Http office = Http.basic(port, "supervisor", "demo");

        Http.Response urged = office.post("/api/directives/" + number + "/urges", "{\"department\":\"kjj\",\"note\":\"请尽快签收\"}");
        assertThat(urged.status()).as(urged.body()).isEqualTo(202);
        assertThat(urged.body()).contains("kjj").doesNotContain("dfs");
        assertThat(office.post("/api/directives/" + number + "/urges", "{\"department\":\"zdxq\"}").status()).isEqualTo(400);
        JsonNode afterUrge = JSON.readTree(office.get("/api/directives/" + number).body());
        assertThat(afterUrge.get("departments").get(0).get("urgeCount").asInt()).isEqualTo(1);
        assertThat(afterUrge.get("timeline")).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("URGED");
            assertThat(e.get("actor").asText()).isEqualTo("supervisor");
        });

        Http kjj = Http.basic(port, "kjj", "demo");
        String sign = JSON.readTree(kjj.get("/engine-rest/task?processInstanceBusinessKey=" + number).body()).get(0).get("id").asText();
        kjj.post("/engine-rest/task/" + sign + "/complete", "{}");
        String handle = JSON.readTree(kjj.get("/engine-rest/task?processInstanceBusinessKey=" + number).body()).get(0).get("id").asText();
        kjj.post("/engine-rest/task/" + handle + "/complete", "{\"variables\":{\"outcome\":{\"value\":\"submit\"},\"resultSummary\":{\"value\":\"完成\"}}}");
        assertThat(office.post("/api/directives/" + number + "/urges", "{\"department\":\"kjj\"}").status())
                .as("no urge while the office itself reviews the result").isEqualTo(400);

        assertThat(office.post("/api/directives/" + number + "/withdrawal", "{}").status()).isEqualTo(400);
        Http.Response withdrawn = leader().post("/api/directives/" + number + "/withdrawal", "{\"reason\":\"任务调整\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        JsonNode cancelled = JSON.readTree(withdrawn.body());
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(leader().get("/engine-rest/task?processInstanceBusinessKey=" + number).body()).isEqualTo("[]");

        assertThat(leader().post("/api/directives/" + number + "/withdrawal", "{\"reason\":\"again\"}").status()).isEqualTo(409);
        assertThat(office.post("/api/directives/" + number + "/urges", "{}").status()).isEqualTo(409);
    }

    @Test
    void aDepartmentSubmittingWithoutAResultGets400AndTheTaskStaysOpen() throws Exception {
        String number = issue(leader(), body("\"输入校验\"", "\"kjj\"", "", "\"" + LATER + "\""), null);
        Http kjj = Http.basic(port, "kjj", "demo");
        String sign = JSON.readTree(kjj.get("/engine-rest/task?processInstanceBusinessKey=" + number).body()).get(0).get("id").asText();
        assertThat(kjj.get("/engine-rest/task/" + sign + "/deployed-form").status()).as("Tasklist loads the form").isEqualTo(200);
        assertThat(kjj.post("/engine-rest/task/" + sign + "/complete", "{}").status()).isEqualTo(204);
        String handle = JSON.readTree(kjj.get("/engine-rest/task?processInstanceBusinessKey=" + number).body()).get(0).get("id").asText();
        Http.Response refused = kjj.post("/engine-rest/task/" + handle + "/complete", "{\"variables\":{\"outcome\":{\"value\":\"submit\"}}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("resultSummary").contains("办理结果");
        assertThat(kjj.get("/engine-rest/task/" + handle).status()).isEqualTo(200);
    }

    private String issue(Http user, String request, String key) throws Exception {
        Http.Response response = key == null ? user.post("/api/directives", request)
                : user.postWithHeader("/api/directives", request, "Idempotency-Key", key);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("number").asText();
    }

    private int directives() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM directive", Integer.class);
    }
}
