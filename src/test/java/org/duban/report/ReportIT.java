package org.duban.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.duban.calendar.WorkCalendar;
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
 * The report model's timer runs while the engine clock walks day by day across the 2026
 * Spring Festival and National Day: each report comes on its day, once, with figures counted by hand from the
 * read-model rows below, and is queued to the leaders and the supervision office. The job executor is off:
 * the test fires the timers that are due, as the job executor would at 08:30.
 */
@DubanIntegrationTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class ReportIT {

    private static final List<String> RECIPIENTS = List.of("leader@zhengzhou.gov.cn", "supervisor@zhengzhou.gov.cn");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void directivesOf2026() {
        BpmnAwareTests.init(engine);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM directive WHERE number LIKE 'RP-%'", Integer.class) > 0) {
            return;
        }
        ReadModelRows rows = new ReadModelRows(jdbc);
        // around the Spring Festival (15–23 February off, Saturdays 14 and 28 February worked)
        rows.directive("RP-101", "2026-02-10", "2026-02-20").save("kjj")
                .open("kjj", "HANDLING", "2026-02-20", "2026-02-16")
                .done("zdxq", "2026-02-20", "2026-02-13", 0, 88.0, 1);
        rows.directive("RP-102", "2026-02-14", "2026-03-20").save("kjj")
                .open("kjj", "HANDLING", "2026-03-20", "2026-03-13");
        rows.directive("RP-103", "2026-02-09", "2026-02-20").closed("2026-02-14", 95).save("dfs")
                .done("dfs", "2026-02-20", "2026-02-14", 0, 95.0, 0);
        // kjj's part is accepted on 25 February: still open in every report about the days before
        rows.directive("RP-104", "2026-02-12", "2026-02-26").save("dsjj")
                .open("dsjj", "HANDLING", "2026-02-26", "2026-02-24")
                .done("kjj", "2026-02-26", "2026-02-25", 0, 78.0, 2);
        rows.directive("RP-105", "2026-02-24", "2026-03-10").closed("2026-03-03", 90).save("dfs")
                .done("dfs", "2026-03-10", "2026-03-03", 0, 90.0, 0);
        rows.directive("RP-106", "2026-02-20", "2026-03-20").draft().save("kjj")
                .open("kjj", "TO_SIGN", "2026-03-20", "2026-03-13");
        rows.directive("RP-107", "2026-02-02", "2026-02-27").withdrawn("2026-02-11").save("kjj")
                .open("kjj", "CANCELLED", "2026-02-27", "2026-02-24");
        // dispatched during the holiday, withdrawn after the report of 24 February
        rows.directive("RP-108", "2026-02-16", "2026-02-27").withdrawn("2026-02-26").save("zdxq")
                .open("zdxq", "CANCELLED", "2026-02-27", "2026-02-25");
        rows.directive("RP-109", "2026-02-15", "2026-03-20").rejected("2026-02-15").save("dfs")
                .open("dfs", "CANCELLED", "2026-03-20", "2026-03-13");
        // the third quarter, around Mid-Autumn (25–27 September) and National Day (1–7 October, 10 October worked)
        rows.directive("SP-201", "2026-08-20", "2026-09-10").closed("2026-09-10", 90).save("kjj")
                .done("kjj", "2026-09-10", "2026-09-10", 0, 90.0, 0);
        rows.directive("SP-202", "2026-08-25", "2026-09-13").closed("2026-09-15", 80).save("kjj")
                .done("kjj", "2026-09-13", "2026-09-15", 2, 80.0, 2);
        rows.directive("SP-203", "2026-09-01", "2026-09-25").closed("2026-09-20", 85).save("zdxq")
                .done("zdxq", "2026-09-25", "2026-09-20", 0, 85.0, 1);
        rows.directive("SP-204", "2026-09-02", "2026-09-30").closed("2026-09-30", 92).save("dfs")
                .done("dfs", "2026-09-30", "2026-09-30", null, 92.0, 0);
        rows.directive("SP-205", "2026-09-01", "2026-09-30").closed("2026-10-09", 60).save("dsjj")
                .done("dsjj", "2026-09-30", "2026-10-09", 7, 60.0, 4);
        rows.directive("SP-206", "2026-08-03", "2026-08-28").closed("2026-08-31", 70).save("dsjj")
                .done("dsjj", "2026-08-28", "2026-08-31", 1, 70.0, 3);
        rows.directive("SP-207", "2026-09-07", "2026-09-21").closed("2026-09-21", 85).save("sjj")
                .done("sjj", "2026-09-21", "2026-09-21", 0, 85.0, 0);
        rows.directive("SP-210", "2026-10-03", "2026-10-09").save("kjj")
                .open("kjj", "HANDLING", "2026-10-09", "2026-10-08");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void acrossTheSpringFestivalEachReportComesOnItsWorkingDayAndOnlyOnce() throws Exception {
        runTimersDaily("2026-02-09", "2026-03-03");

        assertThat(reportsIssuedBetween("2026-02-09", "2026-03-03")).containsExactly(
                Map.entry("2026-02-09", List.of("daily 2026-02-09", "weekly 2026-W06")),
                Map.entry("2026-02-10", List.of("daily 2026-02-10")),
                Map.entry("2026-02-11", List.of("daily 2026-02-11")),
                Map.entry("2026-02-12", List.of("daily 2026-02-12")),
                Map.entry("2026-02-13", List.of("daily 2026-02-13")),
                Map.entry("2026-02-14", List.of("daily 2026-02-14")),
                Map.entry("2026-02-24", List.of("daily 2026-02-24", "weekly 2026-W07")),
                Map.entry("2026-02-25", List.of("daily 2026-02-25")),
                Map.entry("2026-02-26", List.of("daily 2026-02-26")),
                Map.entry("2026-02-27", List.of("daily 2026-02-27")),
                Map.entry("2026-02-28", List.of("daily 2026-02-28")),
                Map.entry("2026-03-02", List.of("daily 2026-03-02", "monthly 2026-02", "weekly 2026-W09")),
                Map.entry("2026-03-03", List.of("daily 2026-03-03")));

        // 24 February covers 14–23 February; lights as on the 24th
        JsonNode daily = content("daily", "2026-02-24");
        assertThat(daily.path("title").asText()).isEqualTo("2026年2月24日督办日报告");
        assertThat(summary(daily)).containsExactly(2, 1, 4, 1, 1);
        assertThat(numbers(daily.path("newDirectives"))).containsExactly("RP-102", "RP-108");
        assertThat(numbers(daily.path("closed"))).containsExactly("RP-103");
        assertThat(daily.path("closed").path("lines").get(0).path("score").decimalValue()).isEqualByComparingTo("95");
        assertThat(numbers(daily.path("overdue"))).containsExactly("RP-101");
        assertThat(daily.path("overdue").path("lines").get(0).path("departments").toString()).isEqualTo("[\"市科技局\"]");
        assertThat(numbers(daily.path("dueSoon"))).containsExactly("RP-104");
        assertThat(daily.path("dueSoon").path("lines").get(0).path("departments").toString())
                .isEqualTo("[\"市大数据管理局\",\"市科技局\"]");
        assertThat(daily.has("ranking")).isFalse();

        // the week of 9 February, as it stood on Sunday the 15th
        JsonNode week = content("weekly", "2026-W07");
        assertThat(summary(week)).containsExactly(4, 1, 3, 1, 0);
        assertThat(week.path("summary").path("handled").asInt()).isEqualTo(2);
        assertThat(week.path("summary").path("onTimeRate").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(week.path("summary").path("averageScore").decimalValue()).isEqualByComparingTo("91.5");
        assertThat(week.path("summary").path("urges").asInt()).isEqualTo(1);
        assertThat(ranks(week)).containsExactly("1 dfs 95.0", "2 zdxq 88.0");
        assertThat(week.path("trend").size()).isEqualTo(6);
        assertThat(week.path("trend").get(4).path("period").asText()).isEqualTo("2026-W06");
        assertThat(week.path("trend").get(4).path("issued").asInt()).as("RP-107, withdrawn later").isEqualTo(1);

        JsonNode february = content("monthly", "2026-02");
        assertThat(summary(february)).containsExactly(7, 1, 4, 0, 2);
        assertThat(february.path("summary").path("handled").asInt()).isEqualTo(3);
        assertThat(february.path("summary").path("averageScore").decimalValue()).isEqualByComparingTo("87.0");
        assertThat(february.path("summary").path("urges").asInt()).isEqualTo(3);
        // ranked within a level: the city's bureaus first, then the districts
        assertThat(ranks(february)).containsExactly("1 kjj 78.0", "1 dfs 95.0", "2 zdxq 88.0");

        assertEveryReportWasQueuedOnceToTheLeadersAndTheOffice("2026-02-09", "2026-03-03");
        aSecondFiringChangesNothing("2026-02-24T09:00:00+08:00");
        ProcessDriver.clock("2026-03-03T10:00:00+08:00");
        assertRegenerationGivesTheSameContent("daily", "2026-02-24");
        assertRegenerationGivesTheSameContent("weekly", "2026-W07");
        assertRegenerationGivesTheSameContent("monthly", "2026-02");
    }

    @Test
    void afterNationalDayTheMonthAndTheQuarterAreSummedUpOnTheFirstWorkingDay() throws Exception {
        runTimersDaily("2026-09-24", "2026-10-12");

        assertThat(reportsIssuedBetween("2026-09-24", "2026-10-12")).containsExactly(
                Map.entry("2026-09-24", List.of("daily 2026-09-24")),
                Map.entry("2026-09-28", List.of("daily 2026-09-28", "weekly 2026-W39")),
                Map.entry("2026-09-29", List.of("daily 2026-09-29")),
                Map.entry("2026-09-30", List.of("daily 2026-09-30")),
                Map.entry("2026-10-08", List.of("daily 2026-10-08", "monthly 2026-09", "quarterly 2026-Q3",
                        "weekly 2026-W40")),
                Map.entry("2026-10-09", List.of("daily 2026-10-09")),
                Map.entry("2026-10-10", List.of("daily 2026-10-10")),
                Map.entry("2026-10-12", List.of("daily 2026-10-12", "weekly 2026-W41")));

        // September: among the districts dfs first, zdxq second; among the bureaus sjj ahead of kjj at the same average
        JsonNode september = content("monthly", "2026-09");
        assertThat(september.path("title").asText()).isEqualTo("2026年9月督办月小结");
        // SP-205's deadline, 30 September, is followed by the National Day holiday: by the one light rule it is not
        // red before the first working day after it (8 October), so on 1 October it shows yellow, not red
        assertThat(summary(september)).containsExactly(4, 5, 4, 1, 3);
        assertThat(numbers(september.path("dueSoon"))).containsExactly("SP-205");
        assertThat(september.path("summary").path("handled").asInt()).isEqualTo(5);
        assertThat(september.path("summary").path("onTime").asInt()).isEqualTo(4);
        assertThat(september.path("summary").path("onTimeRate").decimalValue()).isEqualByComparingTo("80.0");
        assertThat(september.path("summary").path("averageScore").decimalValue()).isEqualByComparingTo("86.4");
        assertThat(september.path("summary").path("urges").asInt()).isEqualTo(3);
        assertThat(ranks(september)).containsExactly("1 sjj 85.0", "2 kjj 85.0", "1 dfs 92.0", "2 zdxq 85.0");
        JsonNode august = september.path("trend").get(4);
        assertThat(august.path("period").asText()).isEqualTo("2026-08");
        assertThat(List.of(august.path("issued").asInt(), august.path("closed").asInt(), august.path("handled").asInt()))
                .containsExactly(3, 1, 1);
        assertThat(august.path("onTimeRate").decimalValue()).isEqualByComparingTo("0.0");

        JsonNode quarter = content("quarterly", "2026-Q3");
        assertThat(quarter.path("title").asText()).isEqualTo("2026年第三季度督办季讲评");
        assertThat(summary(quarter)).containsExactly(7, 6, 4, 1, 3);
        assertThat(quarter.path("summary").path("onTimeRate").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(quarter.path("summary").path("averageScore").decimalValue()).isEqualByComparingTo("83.7");
        assertThat(ranks(quarter)).containsExactly("1 sjj 85.0", "2 kjj 85.0", "3 dsjj 70.0", "1 dfs 92.0",
                "2 zdxq 85.0");
        JsonNode firstQuarter = quarter.path("trend").get(3);
        assertThat(firstQuarter.path("period").asText()).isEqualTo("2026-Q1");
        assertThat(firstQuarter.path("issued").asInt()).isEqualTo(7);
        assertThat(firstQuarter.path("handled").asInt()).isEqualTo(4);

        // 8 October covers 30 September to 7 October
        JsonNode daily = content("daily", "2026-10-08");
        assertThat(summary(daily)).containsExactly(1, 1, 5, 1, 4);
        assertThat(numbers(daily.path("overdue"))).containsExactly("RP-101", "RP-104", "RP-102", "SP-205");
        assertThat(numbers(daily.path("dueSoon"))).containsExactly("SP-210");
        assertThat(numbers(daily.path("newDirectives"))).containsExactly("SP-210");

        assertEveryReportWasQueuedOnceToTheLeadersAndTheOffice("2026-09-24", "2026-10-12");
        assertTheMonthlyMailReadsInChinese();
        assertRegenerationGivesTheSameContent("quarterly", "2026-Q3");
        assertRegenerationGivesTheSameContent("daily", "2026-10-08");
    }

    /** Moves the engine clock to 08:30 of each day and fires the report timer, as the job executor would. */
    private void runTimersDaily(String first, String last) {
        ManagementService management = engine.getManagementService();
        ProcessDriver.clock(first + "T08:30:00+08:00");
        // the timer was set at deployment, by the real clock: start it at the test's first day
        management.setJobDuedate(timer().getId(), ClockUtil.getCurrentTime());
        for (LocalDate day = LocalDate.parse(first); !day.isAfter(LocalDate.parse(last)); day = day.plusDays(1)) {
            ProcessDriver.clock(day + "T08:30:00+08:00");
            List<Job> due = management.createJobQuery().processDefinitionKey(ReportKind.PROCESS).timers().executable()
                    .list();
            assertThat(due).as("the report timer on " + day).hasSize(1);
            management.executeJob(due.get(0).getId());
            assertThat(timer().getDuedate().toInstant()).as("next report timer")
                    .isEqualTo(OffsetDateTime.parse(day.plusDays(1) + "T08:30:00+08:00").toInstant());
        }
    }

    private Job timer() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(ReportKind.PROCESS).timers()
                .singleResult();
    }

    /** On an already reported day the model runs again (another node, a retry) and writes and sends nothing. */
    private void aSecondFiringChangesNothing(String at) {
        ProcessDriver.clock(at);
        int reports = jdbc.queryForObject("SELECT COUNT(*) FROM report", Integer.class);
        int mails = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox", Integer.class);
        ProcessInstance again = engine.getRuntimeService().createMessageCorrelation(ReportKind.MESSAGE_MISSED)
                .setVariable("reportDay", at.substring(0, 10)).correlateStartMessage();
        assertThat(again).isEnded();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM report", Integer.class)).isEqualTo(reports);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox", Integer.class)).isEqualTo(mails);
    }

    private void assertEveryReportWasQueuedOnceToTheLeadersAndTheOffice(String first, String last) {
        List<Map<String, Object>> reports = jdbc.queryForList("SELECT kind, title, mailed_to FROM report "
                + "WHERE generated_at >= ? AND generated_at < ?", start(first), start(LocalDate.parse(last).plusDays(1)
                .toString()));
        assertThat(reports).isNotEmpty();
        for (Map<String, Object> report : reports) {
            String subject = "【督办报告】" + report.get("title");
            assertThat(jdbc.queryForList("SELECT recipient FROM notification_outbox WHERE subject = ? ORDER BY recipient",
                    String.class, subject)).as(subject).containsExactlyElementsOf(RECIPIENTS);
            assertThat(jdbc.queryForList("SELECT DISTINCT kind FROM notification_outbox WHERE subject = ?", String.class,
                    subject)).containsExactly("REPORT_" + ((String) report.get("kind")).toUpperCase());
            assertThat(report.get("mailed_to")).isEqualTo(2);
        }
    }

    private void assertTheMonthlyMailReadsInChinese() {
        Map<String, Object> mail = jdbc.queryForMap("SELECT text_body, html_body FROM notification_outbox "
                + "WHERE subject = '【督办报告】2026年9月督办月小结' AND recipient = 'leader@zhengzhou.gov.cn'");
        assertThat((String) mail.get("html_body")).contains("单位排名").contains("登封市").contains("86.4")
                .contains("80.0%").contains("逾期事项（红灯）").contains("/reports/monthly/2026-09");
        assertThat((String) mail.get("text_body")).contains("2026年9月督办月小结").contains("按期率 80.0%")
                .contains("区县(市)第 1 名 登封市").contains("查看完整报告：").doesNotContain("<td>");
    }

    private void assertRegenerationGivesTheSameContent(String kind, String period) throws Exception {
        String before = jdbc.queryForObject("SELECT content FROM report WHERE kind = ? AND period_key = ?", String.class,
                kind, period);
        Http.Response response = Http.basic(port, "admin", "demo")
                .post("/api/reports/" + kind + "/" + period + "/regeneration", "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("unchanged").asBoolean()).as(kind + " " + period).isTrue();
        assertThat(body.path("created").asBoolean()).isFalse();
        assertThat(body.path("report").path("regeneratedBy").asText()).isEqualTo("admin");
        assertThat(jdbc.queryForObject("SELECT content FROM report WHERE kind = ? AND period_key = ?", String.class,
                kind, period)).isEqualTo(before);
        assertThat(json.readTree(before)).isEqualTo(body.path("report").path("content"));
    }

    private Map<String, List<String>> reportsIssuedBetween(String first, String last) {
        Map<String, List<String>> byDay = new TreeMap<>();
        jdbc.query("SELECT kind, period_key, generated_at FROM report WHERE generated_at >= ? AND generated_at < ? "
                        + "ORDER BY kind, period_key", rs -> {
                    String day = rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(WorkCalendar.ZONE).toLocalDate()
                            .toString();
                    byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(rs.getString(1) + " " + rs.getString(2));
                }, start(first), start(LocalDate.parse(last).plusDays(1).toString()));
        return new LinkedHashMap<>(byDay);
    }

    private static OffsetDateTime start(String day) {
        return LocalDate.parse(day).atStartOfDay(WorkCalendar.ZONE).toOffsetDateTime();
    }

    private JsonNode content(String kind, String period) throws Exception {
        return json.readTree(jdbc.queryForObject("SELECT content FROM report WHERE kind = ? AND period_key = ?",
                String.class, kind, period));
    }

    /** issued, closed, open, due soon, overdue. */
    private static List<Integer> summary(JsonNode report) {
        JsonNode s = report.path("summary");
        return List.of(s.path("issued").asInt(), s.path("closed").asInt(), s.path("open").asInt(),
                s.path("dueSoon").asInt(), s.path("overdue").asInt());
    }

    private static List<String> numbers(JsonNode listing) {
        List<String> numbers = new ArrayList<>();
        listing.path("lines").forEach(line -> numbers.add(line.path("number").asText()));
        assertThat(listing.path("total").asInt()).isEqualTo(numbers.size());
        return numbers;
    }

    /** "rank department average" of the ranked departments, in order. */
    private static List<String> ranks(JsonNode report) {
        List<String> ranks = new ArrayList<>();
        report.path("ranking").forEach(r -> {
            if (r.hasNonNull("rank")) {
                ranks.add(r.path("rank").asInt() + " " + r.path("department").asText() + " "
                        + r.path("averageScore").decimalValue().setScale(1));
            }
        });
        return ranks;
    }
}
