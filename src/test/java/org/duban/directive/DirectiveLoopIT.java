package org.duban.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The closed loop over real HTTP, as the people do it: a leader issues through /api, each
 * department signs and submits through /engine-rest, the office returns one result once and
 * accepts all, and the directive closes with an explained score per department.
 */
@DubanIntegrationTest
class DirectiveLoopIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void leaderIssuesDepartmentsHandleOfficeReviewsDirectiveCloses() throws Exception {
        Http leader = Http.basic(port, "leader", "demo");
        Http.Response issued = leader.post("/api/directives", """
                {"title":"推进数字政府建设","instruction":"请牵头制定方案，相关单位配合。","priority":"urgent",
                 "leadDepartment":"dsjj","coDepartments":["kjj","zdxq"],"deadline":"%s","reportCycle":"none"}
                """.formatted(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30)));
        assertThat(issued.status()).isEqualTo(201);
        JsonNode directive = JSON.readTree(issued.body());
        String number = directive.get("number").asText();
        assertThat(issued.header("Location")).endsWith("/api/directives/" + number);
        assertThat(directive.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(directive.get("departments")).extracting(d -> d.get("department").asText() + "/" + d.get("role").asText()
                + "/" + d.get("status").asText()).containsExactly("dsjj/lead/TO_SIGN", "kjj/co/TO_SIGN", "zdxq/co/TO_SIGN");

        for (String department : List.of("dsjj", "kjj", "zdxq")) {
            Http user = Http.basic(port, department, "demo");
            complete(user, task(user, number, "Task_SignDirective"), "{}");
            complete(user, task(user, number, "Task_HandleDirective"), """
                    {"variables":{"outcome":{"value":"submit"},"resultSummary":{"value":"%s 已完成"}}}""".formatted(department));
        }

        Http office = Http.basic(port, "supervisor", "demo");
        List<JsonNode> reviews = tasks(office, number, "Task_ReviewResult");
        assertThat(reviews).hasSize(3);
        String returned = reviews.get(0).get("id").asText();
        String returnedDepartment = departmentOf(returned);
        complete(office, returned, """
                {"variables":{"accepted":{"value":false},"reviewComment":{"value":"请补充数据"}}}""");
        Http reworking = Http.basic(port, returnedDepartment, "demo");
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(reworking, number, "Task_HandleDirective").size() == 1);
        complete(reworking, task(reworking, number, "Task_HandleDirective"), """
                {"variables":{"outcome":{"value":"submit"},"resultSummary":{"value":"已补充"}}}""");

        for (JsonNode review : tasks(office, number, "Task_ReviewResult")) {
            complete(office, review.get("id").asText(), """
                    {"variables":{"accepted":{"value":true},"qualityRating":{"value":5},"reviewComment":{"value":"好"}}}""");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(
                JSON.readTree(leader.get("/api/directives/" + number).body()).get("status").asText()));
        JsonNode closed = JSON.readTree(leader.get("/api/directives/" + number).body());
        assertThat(closed.get("light").asText()).isEqualTo("DONE");
        assertThat(closed.get("score").asDouble()).isBetween(0.0, 100.0);
        for (JsonNode department : closed.get("departments")) {
            assertThat(department.get("status").asText()).isEqualTo("DONE");
            assertThat(department.get("score").asInt()).isBetween(0, 100);
            JsonNode components = department.get("scoreComponents");
            int sum = 0;
            for (String component : List.of("timelinessPoints", "signingPoints", "qualityPoints", "urgePoints",
                    "reworkPoints", "extensionPoints")) {
                sum += components.get(component).asInt();
            }
            assertThat(department.get("score").asInt()).isEqualTo(Math.max(0, Math.min(100, sum)));
        }
        JsonNode reworked = closed.get("departments").findParents("reworkCount").stream()
                .filter(d -> d.get("reworkCount").asInt() == 1).findFirst().orElseThrow();
        assertThat(reworked.get("scoreComponents").get("reworkPoints").asInt()).isEqualTo(-5);
        assertThat(closed.get("timeline")).extracting(e -> e.get("type").asText())
                .contains("ISSUED", "DISPATCHED", "SIGNED", "SUBMITTED", "RETURNED_FOR_REWORK", "ACCEPTED", "SCORED", "CLOSED");
    }

    /** Whose result a review task is about: the task's name says so (step · number title · unit). */
    private String departmentOf(String taskId) throws Exception {
        String name = JSON.readTree(Http.basic(port, "supervisor", "demo").get("/engine-rest/task/" + taskId).body())
                .get("name").asText();
        return Map.of("市大数据管理局", "dsjj", "市科技局", "kjj", "郑东新区管委会", "zdxq")
                .get(name.substring(name.lastIndexOf(" · ") + 3));
    }

    private String task(Http user, String number, String definitionKey) throws Exception {
        List<JsonNode> found = tasks(user, number, definitionKey);
        assertThat(found).as("%s task of %s", definitionKey, number).hasSize(1);
        return found.get(0).get("id").asText();
    }

    private List<JsonNode> tasks(Http user, String number, String definitionKey) throws Exception {
        JsonNode list = JSON.readTree(user.get("/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=" + definitionKey).body());
        return iterable(list);
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private void complete(Http user, String taskId, String body) {
        Http.Response response = user.post("/engine-rest/task/" + taskId + "/complete", body);
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

}
