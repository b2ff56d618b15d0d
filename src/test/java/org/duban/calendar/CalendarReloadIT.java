package org.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A year's schedule loaded without a restart: refused when invalid, previewed without effect, applied
 * with its history and one {@link WorkCalendarChanged} on this node; a schedule another node stored is
 * picked up by polling, without an event here. The working-day count warns while a year has none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "duban.calendar.poll-interval=PT0.5S")
@Tag("database")
// a context of its own (its event recorder) that no other class reuses
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CalendarReloadIT {

    static final String SCHEDULE_2027 = """
            year: 2027
            source: 测试用安排（非官方）
            holidays:
              - name: 元旦
                from: 2027-01-01
                to: 2027-01-03
              - name: 春节
                from: 2027-02-05
                to: 2027-02-11
            workdays:
              - 2027-02-13
            """;

    @TestConfiguration
    static class Events {
        final List<WorkCalendarChanged> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(WorkCalendarChanged event) {
            seen.add(event);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    WorkCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Events events;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aScheduleIsLoadedPreviewedAndAppliedOnceWithItsHistory() throws Exception {
        Http admin = Http.basic(port, "admin", "demo");
        assertThat(Http.basic(port, "kjj", "demo").get("/api/calendar/years").status()).isEqualTo(403);
        assertThat(admin.get("/api/calendar/years").body()).contains("\"year\":2026", "processes/calendars/2026.yaml");

        JsonNode before = json.readTree(admin.get("/api/calendar/working-days?to=2027-02-10").body());
        assertThat(before.get("officialSchedule").asBoolean()).isFalse();
        assertThat(before.get("yearsWithoutSchedule").toString()).isEqualTo("[2027]");
        assertThat(before.get("warning").asText()).contains("2027 年尚无国务院节假日安排");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-08"))).as("a Monday under the fallback").isTrue();

        Http.Response invalid = admin.post("/api/calendar/years/preview",
                body(SCHEDULE_2027.replace("to: 2027-02-11", "to: 2027-02-01")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("urn:duban:problem:invalid-request", "\"field\":\"content\"", "假日“春节”的结束日期早于开始日期");

        JsonNode preview = json.readTree(admin.post("/api/calendar/years/preview", body(SCHEDULE_2027)).body());
        assertThat(preview.get("newYear").asBoolean()).isTrue();
        assertThat(preview.get("addedDaysOff")).hasSize(10);
        assertThat(preview.get("addedWorkdays").toString()).isEqualTo("[\"2027-02-13\"]");
        assertThat(calendar.hasSchedule(2027)).as("a preview changes nothing").isFalse();
        assertThat(events.seen).isEmpty();

        Http.Response mismatch = admin.put("/api/calendar/years/2028", body(SCHEDULE_2027));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("\"field\":\"year\"");

        Http.Response applied = admin.put("/api/calendar/years/2027", body(SCHEDULE_2027));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.body()).contains("2027 年首次载入：假日 10 天，调休上班 1 天");
        assertThat(calendar.hasSchedule(2027)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-08"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-13"))).as("a swapped Saturday").isTrue();
        assertThat(events.seen).containsExactly(new WorkCalendarChanged(java.util.Set.of(2027), "admin"));

        // the same schedule again: nothing stored, nothing published
        assertThat(admin.put("/api/calendar/years/2027", body(SCHEDULE_2027)).body()).contains("\"unchanged\":true");
        assertThat(events.seen).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_schedule WHERE calendar_year = 2027 AND loaded_by = 'admin'",
                Integer.class)).isEqualTo(1);
        assertThat(admin.get("/api/calendar/years/2027").body()).contains("测试用安排", "\"loadedBy\":\"admin\"");

        JsonNode after = json.readTree(admin.get("/api/calendar/working-days?to=2027-02-10").body());
        assertThat(after.get("officialSchedule").asBoolean()).isTrue();
        assertThat(after.has("warning")).isFalse();
    }

    @Test
    void aScheduleStoredByAnotherNodeIsPickedUpWithoutAnEventHere() {
        assertThat(calendar.hasSchedule(2029)).isFalse();
        int eventsBefore = events.seen.size();
        // what another node's load leaves in the shared database
        jdbc.update("INSERT INTO calendar_schedule (calendar_year, source, content, loaded_by, loaded_at, change_summary) "
                + "VALUES (2029, 'x', ?, 'admin', ?, '2029 年首次载入')", "year: 2029\nholidays:\n  - {name: 元旦, from: 2029-01-01, to: 2029-01-01}\n",
                OffsetDateTime.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> calendar.hasSchedule(2029));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2029-01-01"))).isFalse();
        assertThat(events.seen).hasSize(eventsBefore);
    }

    @Test
    void thePageShowsTheYearsAndPreviewsALoad() {
        Http admin = Http.loggedIn(port, "admin", "demo");
        Http.Response page = admin.get("/admin/calendar");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("工作日历", "正在使用的安排", "载入历史", "2026");
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        Http.Response preview = admin.postForm("/admin/calendar/preview", "content="
                // 2038 falls on the same weekdays as 2027
                + java.net.URLEncoder.encode(SCHEDULE_2027.replace("2027", "2038"), java.nio.charset.StandardCharsets.UTF_8)
                + "&_csrf=" + csrf);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("预览", "确认载入", "2038-01-01");
        Http.Response apply = admin.postForm("/admin/calendar", "year=2038&content="
                + java.net.URLEncoder.encode(SCHEDULE_2027.replace("2027", "2038"), java.nio.charset.StandardCharsets.UTF_8)
                + "&_csrf=" + csrf);
        assertThat(apply.header("Location")).endsWith("/admin/calendar");
        assertThat(admin.get("/admin/calendar").body()).contains("已载入并生效：2038 年首次载入");
        assertThat(calendar.hasSchedule(2038)).isTrue();
        Http.Response refused = Http.loggedIn(port, "kjj", "demo").get("/admin/calendar");
        assertThat(refused.status()).isEqualTo(403);
    }

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @Test
    void openPartsWithDatesInTheLoadedYearAreRescheduledAndSayWhyInTheirTrail() throws Exception {
        // 2028's Spring Festival week, Wednesday 26 January to Tuesday 1 February; the deadline the Thursday after
        String schedule2028 = """
                year: 2028
                source: 测试用安排（非官方）
                holidays:
                  - name: 春节
                    from: 2028-01-26
                    to: 2028-02-01
                """;
        org.duban.support.ProcessDriver driver = new org.duban.support.ProcessDriver(engine);
        var directive = driver.issue("leader", "kjj", "", "2028-02-03", "none");
        String number = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(directive.getId())
                .singleResult().getBusinessKey();
        driver.sign("kjj", driver.departmentWork(number, "kjj"));
        String instance = driver.processInstanceOf(number, "kjj");
        LocalDate yellowBefore = jdbc.queryForObject("SELECT yellow_from FROM directive_department WHERE "
                + "directive_number = ? AND department = 'kjj'", LocalDate.class, number);
        java.util.Date timerBefore = engine.getManagementService().createJobQuery().processInstanceId(instance).timers()
                .singleResult().getDuedate();
        assertThat(yellowBefore).as("under the fallback the festival week counts as working days")
                .isAfterOrEqualTo(LocalDate.parse("2028-01-26"));

        assertThat(json.readTree(Http.basic(port, "leader", "demo").get("/api/directives/" + number).body())
                .get("calendarWarning").asText()).contains("2028 年的国务院节假日安排尚未发布");
        assertThat(Http.loggedIn(port, "leader", "demo").get("/directives/" + number).body())
                .contains("2028 年的国务院节假日安排尚未发布");
        Http.Response applied = Http.basic(port, "admin", "demo").put("/api/calendar/years/2028", body(schedule2028));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM directive_event "
                + "WHERE directive_number = ? AND department = 'kjj' AND type = 'RESCHEDULED'", Integer.class, number) == 1);
        LocalDate yellowAfter = jdbc.queryForObject("SELECT yellow_from FROM directive_department WHERE "
                + "directive_number = ? AND department = 'kjj'", LocalDate.class, number);
        assertThat(yellowAfter).as("three working days before the deadline now lie before the festival")
                .isBefore(LocalDate.parse("2028-01-26"));
        assertThat(calendar.isWorkingDay(yellowAfter)).isTrue();
        java.util.Date timerAfter = engine.getManagementService().createJobQuery().processInstanceId(instance).timers()
                .singleResult().getDuedate();
        assertThat(timerAfter).as("the supervision clock re-armed by the new calendar").isBefore(timerBefore);
        assertThat(timerAfter.toInstant().atZone(WorkCalendar.ZONE).toLocalDate()).isEqualTo(yellowAfter);
        assertThat(json.readTree(Http.basic(port, "leader", "demo").get("/api/directives/" + number).body())
                .path("calendarWarning").asText("")).as("the year has its schedule now").isEmpty();
        JsonNode trail = json.readTree(Http.basic(port, "kjj", "demo").get("/api/directives/" + number).body())
                .get("timeline");
        assertThat(trail).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("RESCHEDULED");
            assertThat(e.get("text").asText()).contains("2028 年节假日安排已更新").contains(yellowAfter.toString());
        });
    }

    private String body(String yaml) throws Exception {
        return json.writeValueAsString(java.util.Map.of("content", yaml));
    }
}
