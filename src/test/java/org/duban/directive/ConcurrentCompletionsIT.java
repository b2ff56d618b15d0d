package org.duban.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Twenty departments of one directive submit at the same moment, and the office accepts all twenty
 * at the same moment: every completion counts, none is answered with an error, and the directive
 * closes (the join runs in retried jobs, not in the people's requests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "duban.identity.location=classpath:organisation-twenty.yaml")
@Tag("database")
class ConcurrentCompletionsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEPARTMENTS = 20;

    @LocalServerPort
    int port;

    @Test
    void twentyDepartmentsAtOnce() throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= DEPARTMENTS; i++) {
            codes.add(String.format("d%02d", i));
        }
        String co = String.join("\",\"", codes.subList(1, DEPARTMENTS));
        Http.Response issued = Http.basic(port, "leader", "demo").post("/api/directives", """
                {"title":"二十个单位同时办结","instruction":"并发测试","priority":"normal","leadDepartment":"d01",
                 "coDepartments":["%s"],"deadline":"%s"}""".formatted(co, LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String number = JSON.readTree(issued.body()).get("number").asText();

        for (String code : codes) {
            Http user = Http.basic(port, code, "demo");
            assertThat(user.post("/engine-rest/task/" + taskOf(user, number, "Task_SignDirective") + "/complete", "{}").status())
                    .isEqualTo(204);
        }
        List<Integer> submissions = atTheSameMoment(i -> {
            Http user = Http.basic(port, codes.get(i), "demo");
            String task = taskOf(user, number, "Task_HandleDirective");
            return () -> user.post("/engine-rest/task/" + task + "/complete",
                    "{\"variables\":{\"outcome\":{\"value\":\"submit\"},\"resultSummary\":{\"value\":\"完成\"}}}").status();
        });
        assertThat(submissions).containsOnly(204).hasSize(DEPARTMENTS);

        Http office = Http.basic(port, "supervisor", "demo");
        JsonNode reviews = JSON.readTree(office.get("/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=Task_ReviewResult").body());
        assertThat(reviews).hasSize(DEPARTMENTS);
        List<Integer> acceptances = atTheSameMoment(i -> {
            String task = reviews.get(i).get("id").asText();
            return () -> office.post("/engine-rest/task/" + task + "/complete",
                    "{\"variables\":{\"accepted\":{\"value\":true},\"qualityRating\":{\"value\":4}}}").status();
        });
        assertThat(acceptances).containsOnly(204).hasSize(DEPARTMENTS);

        await().atMost(Duration.ofSeconds(60)).until(() -> "CLOSED".equals(
                JSON.readTree(office.get("/api/directives/" + number).body()).get("status").asText()));
        JsonNode closed = JSON.readTree(office.get("/api/directives/" + number).body());
        assertThat(closed.get("departments")).hasSize(DEPARTMENTS)
                .allSatisfy(d -> assertThat(d.get("status").asText()).isEqualTo("DONE"));
    }

    private String taskOf(Http user, String number, String key) {
        try {
            JsonNode list = JSON.readTree(user.get("/engine-rest/task?processInstanceBusinessKey=" + number
                    + "&taskDefinitionKey=" + key).body());
            assertThat(list).hasSize(1);
            return list.get(0).get("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prepares one call per department, then releases them together. */
    private List<Integer> atTheSameMoment(IntFunction<java.util.concurrent.Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(DEPARTMENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < DEPARTMENTS; i++) {
                java.util.concurrent.Callable<Integer> call = calls.apply(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
