package org.duban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.duban.calendar.WorkCalendar;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bodies are bounded on every path, unstorable characters refused on every database, long texts kept whole. */
@DubanIntegrationTest
class BoundedInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    WorkCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBodyOverOneMebibyteIsRefusedOnEveryPath() {
        String large = "{\"variables\":{\"x\":{\"value\":\"" + "x".repeat(1024 * 1024) + "\"}}}";
        for (String path : new String[] {"/engine-rest/task/any/complete", "/engine-rest/process-instance/any/variables",
                "/camunda/api/engine/engine/default/task/any/complete", "/api/directives", "/login"}) {
            Http.Response refused = Http.basic(port, "admin", "demo").post(path, large);
            assertThat(refused.status()).as(path).isEqualTo(413);
            assertThat(refused.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(refused.body()).contains("payload-too-large").contains("1 MiB");
        }
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedByFieldInJsonQueriesAndForms() throws Exception {
        Http leader = Http.basic(port, "leader", "demo");
        long directives = jdbc.queryForObject("SELECT COUNT(*) FROM directive", Long.class);
        Http.Response nul = leader.post("/api/directives", "{\"title\":\"a\\u0000b\",\"instruction\":\"x\","
                + "\"priority\":\"normal\",\"leadDepartment\":\"kjj\",\"coDepartments\":[\"dfs\",\"z\\ud800\"],"
                + "\"deadline\":\"2026-12-31\"}");
        assertThat(nul.status()).isEqualTo(400);
        JsonNode problem = JSON.readTree(nul.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:duban:problem:invalid-request");
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("title", "coDepartments[1]");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directive", Long.class)).isEqualTo(directives);

        Http.Response query = leader.get("/api/directives?q=%00");
        assertThat(query.status()).isEqualTo(400);
        assertThat(JSON.readTree(query.body()).get("errors").get(0).get("field").asText()).isEqualTo("q");
        assertThat(Http.loggedIn(port, "leader", "demo").get("/ledger?q=abc%00").status()).isEqualTo(400);
        assertThat(leader.get("/engine-rest/task?nameLike=%25%00%25").status()).isEqualTo(400);

        Task task = signTask();
        Http.Response engineBody = Http.basic(port, "kjj", "demo").post("/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\":{\"\\u0000\":{\"value\":\"x\"}}}");
        assertThat(engineBody.status()).isEqualTo(400);
        assertThat(engineBody.body()).contains("variables.?");
        assertThat(Http.anonymous(port).postForm("/login", "username=a%00b&password=x").status()).isEqualTo(400);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void aProgressNoteOfFiveThousandCharactersIsStoredAndReadBackAsAString() throws Exception {
        Task sign = signTask();
        Http kjj = Http.basic(port, "kjj", "demo");
        assertThat(kjj.post("/engine-rest/task/" + sign.getId() + "/complete", "{}").status()).isEqualTo(204);
        Task handle = engine.getTaskService().createTaskQuery().processInstanceId(sign.getProcessInstanceId()).singleResult();
        String note = "进度".repeat(2_499) + "完成";
        Http.Response completed = kjj.post("/engine-rest/task/" + handle.getId() + "/complete",
                "{\"variables\":{\"outcome\":{\"value\":\"progress\"},\"progressNote\":{\"value\":\"" + note + "\"}}}");
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);

        // the progress step records the note in the directive's history (no engine variable outlives the step)
        String number = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(sign.getProcessInstanceId()).singleResult().getBusinessKey();
        JsonNode timeline = JSON.readTree(kjj.get("/api/directives/" + number).body()).get("timeline");
        assertThat(timeline).anySatisfy(entry -> {
            assertThat(entry.get("type").asText()).isEqualTo("PROGRESS_REPORTED");
            assertThat(entry.get("details").get("note").asText()).isEqualTo(note);
        });
        assertThat(engine.getRuntimeService().getVariable(sign.getProcessInstanceId(), "progressNote")).isNull();

        // a long value replaced by a short one and back, on a running instance
        String instance = sign.getProcessInstanceId();
        engine.getRuntimeService().setVariable(instance, "longText", note);
        assertThat(engine.getRuntimeService().getVariable(instance, "longText")).isEqualTo(note);
        engine.getRuntimeService().setVariable(instance, "longText", "短");
        assertThat(engine.getRuntimeService().getVariable(instance, "longText")).isEqualTo("短");
        engine.getRuntimeService().setVariable(instance, "longText", note + "！");
        JsonNode read = JSON.readTree(Http.basic(port, "admin", "demo").get(
                "/engine-rest/process-instance/" + instance + "/variables/longText").body());
        assertThat(read.get("type").asText()).isEqualTo("String");
        assertThat(read.get("value").asText()).hasSize(5_001);
    }

    @Test
    void anInstructionOfFiveThousandCharactersIsIssuedThroughTheApi() throws Exception {
        String instruction = "请".repeat(5_000);
        Http.Response issued = Http.basic(port, "leader", "demo").post("/api/directives", JSON.writeValueAsString(Map.of(
                "title", "长批示", "instruction", instruction, "priority", "normal", "leadDepartment", "kjj",
                "deadline", calendar.plusWorkingDays(calendar.today(), 10).toString())));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String number = JSON.readTree(issued.body()).get("number").asText();
        JsonNode read = JSON.readTree(Http.basic(port, "leader", "demo").get("/api/directives/" + number).body());
        assertThat(read.get("instruction").asText()).isEqualTo(instruction);
    }

    private Task signTask() {
        ProcessDriver driver = new ProcessDriver(engine);
        var directive = driver.issue("leader", "kjj", "", calendar.plusWorkingDays(calendar.today(), 10).toString(), "none");
        String number = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(directive.getId())
                .singleResult().getBusinessKey();
        return driver.task(driver.departmentWork(number, "kjj"));
    }
}
