package org.duban.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.duban.support.ReadModelRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Scorecards counted by hand on parts finished in 2023 (no other test writes that year), read through the
 * service, the API and the page, as people with different roles.
 */
@DubanIntegrationTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class ScorecardIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Scorecards scorecards;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void finishedPartsOf2023() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM directive WHERE number LIKE 'SC-%'", Integer.class) > 0) {
            return;
        }
        ReadModelRows rows = new ReadModelRows(jdbc);
        // June 2023: kjj 90 on time (1 urge) and 81 three days late (2 urges): 2 done, 1 on time, 50.0 %, 85.5
        rows.directive("SC-1", "2023-05-10", "2023-06-05").closed("2023-06-05", 90).save("kjj")
                .done("kjj", "2023-06-05", "2023-06-05", 0, 90.0, 1);
        rows.directive("SC-2", "2023-05-20", "2023-06-17").closed("2023-06-20", 81).save("kjj")
                .done("kjj", "2023-06-17", "2023-06-20", 3, 81.0, 2);
        // zdxq a day early and dfs on the day, both 85.5: equal to kjj's average but on time, so they share first place
        rows.directive("SC-3", "2023-06-01", "2023-07-01").closed("2023-06-30", 85.5).save("zdxq")
                .done("zdxq", "2023-07-01", "2023-06-30", -1, 85.5, 0);
        rows.directive("SC-4", "2023-06-01", "2023-06-15").closed("2023-06-15", 85.5).save("dfs")
                .done("dfs", "2023-06-15", "2023-06-15", 0, 85.5, 0);
        // dsjj finishes on 31 May and 1 July: in May's and July's figures, not June's
        rows.directive("SC-5", "2023-05-02", "2023-05-31").closed("2023-05-31", 60).save("dsjj")
                .done("dsjj", "2023-05-31", "2023-05-31", 0, 60.0, 0);
        rows.directive("SC-6", "2023-06-01", "2023-07-01").closed("2023-07-01", 100).save("dsjj")
                .done("dsjj", "2023-07-01", "2023-07-01", null, 100.0, 0);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void juneIsRankedByAverageThenOnTimeRateThenHandled() {
        Scorecard june = scorecards.of(Period.parse("2023-06").orElseThrow());

        assertThat(june.label()).isEqualTo("2023年6月");
        assertThat(june.ranked()).isEqualTo(3);
        // ranked within a level: the city's bureaus against each other, the districts against each other
        assertThat(june.departments()).extracting(Scorecard.Row::department).startsWith("kjj");
        assertThat(june.departments().stream().filter(r -> r.rank() != null).map(r -> r.department() + "#" + r.rank()))
                .containsExactly("kjj#1", "zdxq#1", "dfs#1");
        assertThat(row(june, "zdxq")).isEqualTo(new Scorecard.Row("zdxq", "郑东新区管委会", 1, 1, 1, decimal("100.0"),
                decimal("85.5"), 0, row(june, "zdxq").trend(), "district", "区县(市)"));
        assertThat(row(june, "dfs").rank()).isEqualTo(1);
        Scorecard.Row kjj = row(june, "kjj");
        assertThat(List.of(kjj.rank(), kjj.handled(), kjj.onTime(), kjj.urges())).containsExactly(1, 2, 1, 3);
        assertThat(kjj.levelName()).isEqualTo("市直部门");

        Scorecard districts = scorecards.of(Period.parse("2023-06").orElseThrow(), org.duban.organisation.Level.DISTRICT,
                null);
        assertThat(districts.departments()).extracting(Scorecard.Row::department).containsExactly("zdxq", "dfs");
        assertThat(districts.overall().handled()).isEqualTo(2);
        Scorecard streets = scorecards.of(Period.parse("2023-06").orElseThrow(), org.duban.organisation.Level.STREET,
                "zdxq");
        assertThat(streets.departments()).extracting(Scorecard.Row::department)
                .containsExactlyInAnyOrder("ruyihu", "longzihu", "boxuelu");
        assertThat(streets.level()).isEqualTo("street");
        assertThat(streets.under()).isEqualTo("zdxq");
        assertThat(kjj.onTimeRate()).isEqualTo(decimal("50.0"));
        assertThat(kjj.averageScore()).isEqualTo(decimal("85.5"));

        Scorecard.Row dsjj = row(june, "dsjj");
        assertThat(dsjj.rank()).as("nothing finished in June").isNull();
        assertThat(dsjj.handled()).isZero();
        assertThat(dsjj.onTimeRate()).isNull();
        assertThat(june.departments().indexOf(dsjj)).as("after the ranked bureau").isGreaterThan(0);

        // 90 + 81 + 85.5 + 85.5 = 342 over 4
        Scorecard.Row all = june.overall();
        assertThat(List.of(all.handled(), all.onTime(), all.urges())).containsExactly(4, 3, 3);
        assertThat(all.onTimeRate()).isEqualTo(decimal("75.0"));
        assertThat(all.averageScore()).isEqualTo(decimal("85.5"));
    }

    @Test
    void trendsShowTheSixPeriodsUpToTheChosenOne() {
        Scorecard june = scorecards.of(Period.parse("2023-06").orElseThrow());
        assertThat(june.overall().trend()).extracting(Scorecard.TrendPoint::period)
                .containsExactly("2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06");
        assertThat(june.overall().trend()).extracting(Scorecard.TrendPoint::handled).containsExactly(0, 0, 0, 0, 1, 4);
        assertThat(june.overall().trend().get(4).averageScore()).isEqualTo(decimal("60.0"));
        assertThat(june.overall().trend().get(0).averageScore()).isNull();
        assertThat(row(june, "dsjj").trend()).extracting(Scorecard.TrendPoint::handled).containsExactly(0, 0, 0, 0, 1, 0);

        Scorecard year = scorecards.of(Period.parse("2023").orElseThrow());
        assertThat(year.overall().trend()).extracting(Scorecard.TrendPoint::period)
                .containsExactly("2018", "2019", "2020", "2021", "2022", "2023");
        // dsjj: 60 in May and 100 in July
        assertThat(row(year, "dsjj").averageScore()).isEqualTo(decimal("80.0"));
        assertThat(row(year, "dsjj").onTimeRate()).isEqualTo(decimal("100.0"));
        assertThat(year.overall().handled()).isEqualTo(6);

        Scorecard quarter = scorecards.of(Period.parse("2023-Q2").orElseThrow());
        assertThat(quarter.overall().handled()).isEqualTo(5);
        assertThat(quarter.overall().trend().get(5).period()).isEqualTo("2023-Q2");
        assertThat(quarter.overall().trend().get(0).period()).isEqualTo("2022-Q1");
    }

    @Test
    void theOfficeSeesEveryDepartmentAndADepartmentOnlyItsOwnRowWithItsRank() throws Exception {
        for (String login : List.of("leader", "supervisor", "auditor", "admin")) {
            JsonNode body = get(login, "/api/scorecards?period=2023-06");
            assertThat(body.path("departments").size()).as(login).isGreaterThanOrEqualTo(8);
            assertThat(body.path("overall").path("handled").asInt()).as(login).isEqualTo(4);
        }

        JsonNode kjj = get("kjj", "/api/scorecards?period=2023-06");
        assertThat(kjj.path("departments").size()).isEqualTo(1);
        assertThat(kjj.path("departments").get(0).path("department").asText()).isEqualTo("kjj");
        assertThat(kjj.path("departments").get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(kjj.path("departments").get(0).path("averageScore").decimalValue()).isEqualByComparingTo("85.5");
        assertThat(kjj.path("ranked").asInt()).isEqualTo(3);
        assertThat(kjj.has("overall")).as("no city-wide totals for a department").isFalse();

        // a district sees its own row and its towns', never another district's
        JsonNode dfs = get("dfs", "/api/scorecards?period=2023-06");
        assertThat(dfs.path("departments")).extracting(row -> row.path("department").asText()).contains("dfs", "songyang")
                .doesNotContain("zdxq", "ruyihu", "kjj");
        assertThat(dfs.path("departments").get(0).path("rank").asInt()).isEqualTo(1);
        JsonNode streets = get("supervisor", "/api/scorecards?period=2023-06&level=street&under=zdxq");
        assertThat(streets.path("departments")).extracting(row -> row.path("levelName").asText()).containsOnly("街道/乡镇");
        Http.Response wrong = Http.basic(port, "leader", "demo").get("/api/scorecards?level=province&under=nowhere");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"level\"").contains("\"under\"");
    }

    @Test
    void aBadPeriodIsRefusedInChinese() throws Exception {
        for (String period : List.of("2023-13", "2023-Q5", "june", "2023-6")) {
            Http.Response response = Http.basic(port, "leader", "demo").get("/api/scorecards?period=" + period);
            assertThat(response.status()).as(period).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("period");
            assertThat(problem.path("errors").get(0).path("message").asText()).contains("考评期间应写作 2026-11");
        }
    }

    @Test
    void withoutAPeriodTheCurrentMonthIsShown() throws Exception {
        ProcessDriver.clock("2023-06-20T10:00:00+08:00");
        JsonNode body = get("supervisor", "/api/scorecards");
        assertThat(body.path("period").asText()).isEqualTo("2023-06");
        assertThat(body.path("kind").asText()).isEqualTo("MONTH");
        assertThat(body.path("from").asText()).isEqualTo("2023-06-01");
    }

    @Test
    void thePageShowsTheSameFiguresAsTheApiAndWorksOnAPhone() {
        Http leader = Http.loggedIn(port, "leader", "demo");
        Http.Response page = leader.get("/scorecards?period=2023-06");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("2023年6月").contains("data-department=\"kjj\"").contains("85.5").contains("50.0%")
                .contains("75.0%").contains("郑东新区管委会");
        // the page names the version-free path; the locator writes the jar's version into it
        assertThat(page.body()).containsPattern("<script src=\"/webjars/echarts/(5\\.3\\.1/)?dist/echarts\\.min\\.js\">");
        assertThat(row(page.body(), "kjj")).contains("<td>市直部门</td>").contains("<td>市科技局</td>").contains("<td>2</td>")
                .contains("<td>1</td>").contains("<td>50.0%</td>").contains("<td>85.5</td>");

        Http.Response chart = leader.get("/webjars/echarts/dist/echarts.min.js");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.header("Content-Type")).contains("javascript");

        Http.Response own = Http.loggedIn(port, "kjj", "demo").get("/scorecards?period=2023-06");
        assertThat(own.body()).contains("市科技局").doesNotContain("郑东新区管委会").doesNotContain("登封市")
                .doesNotContain("合计");

        Http.Response wrong = leader.get("/scorecards?period=2023-13");
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("考评期间应写作");
    }

    @Test
    void aDirectiveDrivenThroughTheProcessCountsInThePeriodItWasAccepted() {
        ProcessDriver driver = new ProcessDriver(engine);
        ProcessDriver.clock("2022-03-01T10:00:00+08:00");
        ProcessInstance directive = driver.issue("leader", "dsjj-zwfw", "", "2022-03-31", "none");
        String number = (String) engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(directive.getId()).singleResult().getBusinessKey();
        Http.Response urged = Http.basic(port, "supervisor", "demo").post("/api/directives/" + number + "/urges",
                "{\"department\":\"dsjj-zwfw\",\"note\":\"请尽快签收\"}");
        assertThat(urged.status()).isEqualTo(202);
        ProcessInstance work = driver.departmentWork(number, "dsjj-zwfw");
        driver.sign("dsjj-zwfw", work);
        ProcessDriver.clock("2022-03-09T10:00:00+08:00");
        driver.submit("dsjj-zwfw", work);
        driver.returnForRework(work);
        driver.submit("dsjj-zwfw", work);
        driver.accept(work, 5);

        Scorecard march = scorecards.of(Period.parse("2022-03").orElseThrow());
        Scorecard.Row row = row(march, "dsjj-zwfw");
        Map<String, Object> part = jdbc.queryForMap("SELECT score, urge_count FROM directive_department "
                + "WHERE directive_number = ?", number);
        assertThat(List.of(row.rank(), row.handled(), row.onTime(), row.urges())).containsExactly(1, 1, 1, 1);
        assertThat(row.averageScore()).isEqualByComparingTo((BigDecimal) part.get("score"));
        assertThat(jdbc.queryForObject("SELECT status FROM directive WHERE number = ?", String.class, number))
                .isEqualTo("CLOSED");

        // 异常情况 on the page: the unit with the period's urge and rework, counted from the trail
        String page = Http.loggedIn(port, "supervisor", "demo").get("/scorecards?period=2022-03").body();
        String unusual = page.substring(page.indexOf("id=\"unusual\""), page.indexOf("近六期走势"));
        assertThat(unusual).contains("催办最多", "退回重办最多", "申请延期最多", "data-unit=\"dsjj-zwfw\"", "1 次", "本期没有");
        assertThat(unusual.split("data-unit=\"dsjj-zwfw\"", -1)).as("in the urges' and the reworks' lists").hasSize(3);
        String april = Http.loggedIn(port, "supervisor", "demo").get("/scorecards?period=2022-04").body();
        assertThat(april.substring(april.indexOf("id=\"unusual\""), april.indexOf("近六期走势")))
                .doesNotContain("data-unit=\"dsjj-zwfw\"");
    }

    private JsonNode get(String login, String path) throws Exception {
        Http.Response response = Http.basic(port, login, "demo").get(path);
        assertThat(response.status()).as(login + " " + path).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static Scorecard.Row row(Scorecard scorecard, String department) {
        return scorecard.departments().stream().filter(r -> department.equals(r.department())).findFirst().orElseThrow();
    }

    /** The table row of one department on the page. */
    private static String row(String html, String department) {
        int start = html.indexOf("data-department=\"" + department + "\"");
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }
}
