package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The parts of a real directive, started by its delivery on Duban's behalf: each unit sees and touches only its
 * own part's tasks — in the task list, by id, in history — and a unit not taking part sees none.
 */
@DubanIntegrationTest
class PartIsolationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void aUnitSeesOnlyItsOwnPartOfADirective() throws Exception {
        Http dfs = Http.basic(port, "dfs", "demo");
        // the context is shared with other tests: dfs may hold tasks of theirs, but gains none from this directive
        String dfsTasksBefore = dfs.get("/engine-rest/task/count").body();
        String number = JSON.readTree(Http.basic(port, "leader", "demo").post("/api/directives", """
                {"title":"隔离","instruction":"请办理","priority":"normal","leadDepartment":"kjj","coDepartments":["zdxq"],
                 "deadline":"%s"}""".formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30))).body())
                .get("number").asText();
        Http kjj = Http.basic(port, "kjj", "demo");
        Http zdxq = Http.basic(port, "zdxq", "demo");
        JsonNode kjjTasks = JSON.readTree(kjj.get("/engine-rest/task?processInstanceBusinessKey=" + number).body());
        JsonNode zdxqTasks = JSON.readTree(zdxq.get("/engine-rest/task?processInstanceBusinessKey=" + number).body());
        assertThat(kjjTasks).hasSize(1);
        assertThat(zdxqTasks).hasSize(1);
        String kjjTask = kjjTasks.get(0).get("id").asText();
        assertThat(kjjTasks.get(0).get("name").asText()).endsWith("市科技局");
        assertThat(zdxqTasks.get(0).get("name").asText()).endsWith("郑东新区管委会");

        assertThat(dfs.get("/engine-rest/task?processInstanceBusinessKey=" + number).body()).isEqualTo("[]");
        assertThat(dfs.get("/engine-rest/task/count").body()).isEqualTo(dfsTasksBefore);
        assertThat(zdxq.get("/engine-rest/task/" + kjjTask).status()).isIn(403, 404);
        assertThat(zdxq.get("/engine-rest/task/" + kjjTask + "/form-variables").status()).isIn(403, 404);
        assertThat(zdxq.post("/engine-rest/task/" + kjjTask + "/complete", "{}").status()).isIn(403, 404);
        assertThat(JSON.readTree(zdxq.get("/engine-rest/history/task?processInstanceBusinessKey=" + number).body()))
                .as("history too").allSatisfy(t -> assertThat(t.get("id").asText()).isNotEqualTo(kjjTask));
        // each unit reads the engine's history of its own part: the instance and its task, and nothing else of it
        String kjjInstance = kjjTasks.get(0).get("processInstanceId").asText();
        JsonNode kjjHistory = JSON.readTree(kjj.get("/engine-rest/history/process-instance?processInstanceBusinessKey="
                + number).body());
        assertThat(kjjHistory).extracting(i -> i.get("id").asText()).containsExactly(kjjInstance);
        assertThat(kjjHistory.get(0).get("processDefinitionKey").asText()).isEqualTo("department-work");
        assertThat(JSON.readTree(kjj.get("/engine-rest/history/task?processInstanceBusinessKey=" + number).body()))
                .extracting(t -> t.get("id").asText()).containsExactly(kjjTask);
        assertThat(kjj.get("/engine-rest/history/process-instance/" + kjjInstance).status()).isEqualTo(200);
        assertThat(zdxq.get("/engine-rest/history/process-instance/" + kjjInstance).status()).isIn(403, 404);
        assertThat(JSON.readTree(zdxq.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + number)
                .body())).extracting(i -> i.get("id").asText())
                .containsExactly(zdxqTasks.get(0).get("processInstanceId").asText());
        assertThat(JSON.readTree(zdxq.get("/engine-rest/history/task?processInstanceBusinessKey=" + number).body()))
                .extracting(t -> t.get("id").asText()).containsExactly(zdxqTasks.get(0).get("id").asText());
        assertThat(JSON.readTree(dfs.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + number)
                .body())).isEmpty();
        assertThat(dfs.get("/api/directives/" + number).status()).isEqualTo(403);
    }
}
