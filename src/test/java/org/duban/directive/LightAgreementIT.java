package org.duban.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.directive.DirectiveVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One light, wherever it is read: for a part in every state (on time, due soon, overdue, submitted on time and
 * waiting, submitted late, reworked past the deadline, extended, done, done late by working days, a Friday
 * deadline met on Saturday), the API, the directive page, the overview, the ledger filter and the daily report
 * all give the light of the one rule. Deadlines in December 2026; everything is read on Monday 14 December.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=false", "duban.test.context=light-agreement"})
@Tag("database")
class LightAgreementIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Light, String> LABELS = Map.of(Light.GREEN, "绿灯", Light.YELLOW, "黄灯", Light.RED, "红灯",
            Light.DONE, "按期办结", Light.DONE_LATE, "逾期办结");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theApiThePagesTheOverviewAndTheDailyReportShowTheSameLight() throws Exception {
        ProcessDriver driver = new ProcessDriver(engine);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ProcessDriver.clock("2026-12-01T10:00:00+08:00");
        Map<String, String> deadlines = new LinkedHashMap<>();
        deadlines.put("on time", "2026-12-31");
        deadlines.put("due soon", "2026-12-16");
        deadlines.put("overdue", "2026-12-10");
        deadlines.put("submitted on time, waiting", "2026-12-10");
        deadlines.put("submitted late, waiting", "2026-12-10");
        deadlines.put("reworked past the deadline", "2026-12-10");
        deadlines.put("extended", "2026-12-10");
        deadlines.put("done on time", "2026-12-10");
        deadlines.put("done late by working days", "2026-12-10");
        deadlines.put("Friday deadline, result on Saturday", "2026-12-11");
        Map<String, String> numbers = new LinkedHashMap<>();
        Map<String, ProcessInstance> parts = new LinkedHashMap<>();
        for (var c : deadlines.entrySet()) {
            String number = issue(tag + " " + c.getKey(), c.getValue());
            numbers.put(c.getKey(), number);
            parts.put(c.getKey(), driver.departmentWork(number, "kjj"));
            driver.sign("kjj", parts.get(c.getKey()));
        }

        ProcessDriver.clock("2026-12-08T10:00:00+08:00");
        driver.complete("kjj", parts.get("extended"), Map.of(OUTCOME, OUTCOME_EXTEND, REQUESTED_DEADLINE, "2026-12-31",
                EXTENSION_REASON, "需协调"));
        driver.complete("supervisor", parts.get("extended"), Map.of(EXTENSION_APPROVED, true));
        ProcessDriver.clock("2026-12-09T10:00:00+08:00");
        for (String c : List.of("submitted on time, waiting", "reworked past the deadline", "done on time")) {
            driver.submit("kjj", parts.get(c));
        }
        ProcessDriver.clock("2026-12-11T10:00:00+08:00");
        driver.submit("kjj", parts.get("submitted late, waiting"));
        driver.returnForRework(parts.get("reworked past the deadline"));
        driver.accept(parts.get("done on time"), 5);
        driver.submit("kjj", parts.get("done late by working days"));
        driver.accept(parts.get("done late by working days"), 5);

        ProcessDriver.clock("2026-12-12T10:00:00+08:00");
        Http leader = Http.basic(port, "leader", "demo");
        assertThat(partLight(leader, numbers.get("Friday deadline, result on Saturday")))
                .as("a Friday deadline is not red on the Saturday after it").isEqualTo(Light.YELLOW);
        driver.submit("kjj", parts.get("Friday deadline, result on Saturday"));
        driver.accept(parts.get("Friday deadline, result on Saturday"), 5);

        ProcessDriver.clock("2026-12-14T10:00:00+08:00");
        Map<String, Light> expected = new LinkedHashMap<>();
        expected.put("on time", Light.GREEN);
        expected.put("due soon", Light.YELLOW);
        expected.put("overdue", Light.RED);
        expected.put("submitted on time, waiting", Light.YELLOW);
        expected.put("submitted late, waiting", Light.RED);
        expected.put("reworked past the deadline", Light.RED);
        expected.put("extended", Light.GREEN);
        expected.put("done on time", Light.DONE);
        expected.put("done late by working days", Light.DONE_LATE);
        expected.put("Friday deadline, result on Saturday", Light.DONE);

        JsonNode overview = JSON.readTree(leader.get("/api/dashboard").body());
        JsonNode report = JSON.readTree(Http.basic(port, "admin", "demo")
                .post("/api/reports/daily/2026-12-14/regeneration", "").body()).path("report").path("content");
        Http page = Http.loggedIn(port, "leader", "demo");
        List<String> disagreements = new ArrayList<>();
        for (var c : expected.entrySet()) {
            String number = numbers.get(c.getKey());
            Light light = c.getValue();
            check(disagreements, c.getKey(), "API part", light, partLight(leader, number));
            check(disagreements, c.getKey(), "API directive", light,
                    Light.valueOf(JSON.readTree(leader.get("/api/directives/" + number).body()).get("light").asText()));
            check(disagreements, c.getKey(), "directive page", LABELS.get(light), rowLight(page, number));
            check(disagreements, c.getKey(), "ledger filter", true, JSON.readTree(leader.get("/api/directives?light="
                    + light + "&q=" + number).body()).get("total").asInt() == 1);
            check(disagreements, c.getKey(), "overview, overdue list", light == Light.RED, listed(overview.path("overdue"), number));
            check(disagreements, c.getKey(), "overview, due-soon list", light == Light.YELLOW,
                    listed(overview.path("dueSoon"), number));
            check(disagreements, c.getKey(), "daily report, overdue", light == Light.RED,
                    listed(report.path("overdue").path("lines"), number));
            check(disagreements, c.getKey(), "daily report, due soon", light == Light.YELLOW,
                    listed(report.path("dueSoon").path("lines"), number));
        }
        assertThat(disagreements).as("every reader of a light agrees with the one rule").isEmpty();
        assertThat(overview.path("byLight").path("RED").asInt()).isEqualTo(3);
        assertThat(overview.path("byLight").path("YELLOW").asInt()).isEqualTo(2);
    }

    private String issue(String title, String deadline) {
        ProcessInstance directive = new ProcessDriver(engine).as("leader", () -> engine.getRuntimeService()
                .startProcessInstanceByKey(DIRECTIVE_PROCESS, Map.of(TITLE, title, INSTRUCTION, "请按期办理。", PRIORITY, "normal",
                        LEAD_DEPARTMENT, "kjj", DEADLINE, deadline, REPORT_CYCLE, "none")));
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(directive.getId())
                .singleResult().getBusinessKey();
    }

    private static Light partLight(Http user, String number) throws Exception {
        return Light.valueOf(JSON.readTree(user.get("/api/directives/" + number).body()).get("departments").get(0)
                .get("light").asText());
    }

    /** The light label in the unit's row of the directive page's table. */
    private static String rowLight(Http page, String number) {
        String html = page.get("/directives/" + number).body();
        String row = html.substring(html.indexOf("data-department=\"kjj\""));
        row = row.substring(0, row.indexOf("</tr>"));
        return LABELS.values().stream().filter(row::contains).findFirst().orElse("none");
    }

    private static boolean listed(JsonNode items, String number) {
        for (JsonNode item : items) {
            if (number.equals(item.path("number").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void check(List<String> disagreements, String state, String reader, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            disagreements.add(state + " — " + reader + ": expected " + expected + " but was " + actual);
        }
    }
}
