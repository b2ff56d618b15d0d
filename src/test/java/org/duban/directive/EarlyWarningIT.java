package org.duban.directive;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.duban.directive.internal.EarlyWarning;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Early warning over the whole stack: a co-unit left unsigned after the lead started is flagged once with its
 * reason, seen by the office and by that unit only, refused to a unit's handling, and handled by the office with
 * a note. Issued Tuesday 2026-12-01; the pass runs on Friday 2026-12-04, three working days after the lead signed.
 */
@DubanIntegrationTest
class EarlyWarningIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    EarlyWarning earlyWarning;
    @Autowired
    JdbcTemplate jdbc;

    ProcessDriver driver;

    @BeforeEach
    void start() {
        BpmnAwareTests.init(engine);
        driver = new ProcessDriver(engine);
        ProcessDriver.clock("2026-12-01T10:00:00+08:00");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void coUnitNotSignedIsFlaggedOnceAndTheOfficeHandlesIt() {
        ProcessInstance directive = driver.issue("leader", "kjj", "zdxq", "2026-12-31", "none");
        String number = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(directive.getId()).singleResult().getBusinessKey();
        driver.sign("kjj", driver.departmentWork(number, "kjj"));

        ProcessDriver.clock("2026-12-03T10:00:00+08:00");
        earlyWarning.scan();
        assertThat(flags(number)).as("two working days are allowed").isZero();

        ProcessDriver.clock("2026-12-04T10:00:00+08:00");
        earlyWarning.scan();
        earlyWarning.scan();
        assertThat(flags(number)).as("raised once, however often the pass runs").isEqualTo(1);

        Http office = Http.basic(port, "supervisor", "demo");
        Http.Response open = office.get("/api/risks?directive=" + number);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body()).contains("\"rule\":\"co-not-signed\"", "\"unit\":\"zdxq\"", "仍未签收");
        assertThat(Http.basic(port, "zdxq", "demo").get("/api/risks?directive=" + number).body())
                .as("the unit sees its own flag").contains("co-not-signed");
        assertThat(Http.basic(port, "kjj", "demo").get("/api/risks?directive=" + number).body())
                .as("another unit does not").isEqualTo("[]");

        String overview = Http.loggedIn(port, "supervisor", "demo").get("/overview").body();
        assertThat(overview).as("the overview lists the flag with its reason and link")
                .contains("风险预警", "协办单位未签收", "仍未签收", "/directives/" + number);

        String page = Http.loggedIn(port, "supervisor", "demo").get("/directives/" + number).body();
        assertThat(page).as("the directive page shows the flag with a handling form for the office")
                .contains("id=\"risks\"", "协办单位未签收", "仍未签收", "risk-handling", "标记已处理");
        assertThat(Http.loggedIn(port, "zdxq", "demo").get("/directives/" + number).body())
                .as("the unit sees its flag, without the office's form").contains("协办单位未签收", "待督查室处理")
                .doesNotContain("标记已处理");
        assertThat(Http.loggedIn(port, "zdxq", "demo").get("/").body()).as("and on its desk")
                .contains("id=\"desk-risks\"", "协办单位未签收", number);
        assertThat(Http.loggedIn(port, "kjj", "demo").get("/").body()).as("not on another unit's desk")
                .doesNotContain("协办单位未签收");

        Http.Response report = Http.basic(port, "admin", "demo").post("/api/reports/daily/2026-12-04/regeneration", "");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT content FROM report WHERE kind = 'daily' AND period_key = '2026-12-04'",
                String.class)).as("the daily report lists the flag").contains("协办单位未签收", "仍未签收", number);

        long id = jdbc.queryForObject("SELECT id FROM risk_flag WHERE directive_number = ?", Long.class, number);
        String handling = "/api/directives/" + number + "/risks/" + id + "/handling";
        Http.Response byUnit = Http.basic(port, "zdxq", "demo").post(handling, "{\"note\":\"已签收\"}");
        assertThat(byUnit.status()).isEqualTo(403);
        Http.Response noNote = office.post(handling, "{\"note\":\"  \"}");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body()).contains("请填写处理情况");
        assertThat(flags(number)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM risk_flag WHERE directive_number = ? AND handled_at IS NULL",
                Integer.class, number)).as("refused handling changed nothing").isEqualTo(1);

        Http.Response handled = office.post(handling, "{\"note\":\"已电话督促协办单位当日签收\"}");
        assertThat(handled.status()).isEqualTo(200);
        assertThat(handled.body()).contains("已电话督促协办单位当日签收", "\"handledBy\":\"supervisor\"");
        assertThat(office.get("/api/risks?directive=" + number).body()).isEqualTo("[]");
        assertThat(office.get("/api/directives/" + number + "/risks").body()).contains("已电话督促协办单位当日签收");
        String trail = office.get("/api/directives/" + number).body();
        assertThat(trail).as("the timeline shows the flag and its handling")
                .contains("RISK_FLAGGED", "RISK_HANDLED", "协办单位未签收", "已电话督促协办单位当日签收");
        assertThat(Http.loggedIn(port, "supervisor", "demo").get("/directives/" + number).body())
                .contains("已处理：", "已电话督促协办单位当日签收").doesNotContain("标记已处理");
        Http.Response again = office.post(handling, "{\"note\":\"再次处理\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("已处理");
    }

    @Test
    void aSecondExtensionRequestIsFlaggedBeforeTheDeadlinePasses() {
        ProcessInstance directive = driver.issue("leader", "kjj", "", "2026-12-31", "none");
        String number = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(directive.getId()).singleResult().getBusinessKey();
        ProcessInstance work = driver.departmentWork(number, "kjj");
        driver.sign("kjj", work);
        driver.complete("kjj", work, java.util.Map.of("outcome", "extend", "requestedDeadline", "2027-01-15",
                "extensionReason", "需协调市场主体"));
        driver.complete("supervisor", work, java.util.Map.of("extensionApproved", true));
        earlyWarning.scan();
        assertThat(flags(number)).as("one extension is no warning").isZero();

        ProcessDriver.clock("2026-12-08T10:00:00+08:00");
        driver.complete("kjj", work, java.util.Map.of("outcome", "extend", "requestedDeadline", "2027-01-29",
                "extensionReason", "仍需协调"));
        earlyWarning.scan();
        assertThat(flags(number)).isEqualTo(1);
        assertThat(Http.basic(port, "supervisor", "demo").get("/api/risks?directive=" + number).body())
                .contains("\"rule\":\"second-extension\"", "已延期1次，又第2次申请延期");
    }

    @Test
    void noProgressReportForLongerThanTheCadenceIsFlagged() {
        ProcessInstance directive = driver.issue("leader", "kjj", "", "2027-02-26", "weekly");
        String number = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(directive.getId()).singleResult().getBusinessKey();
        driver.sign("kjj", driver.departmentWork(number, "kjj"));
        ProcessDriver.clock("2026-12-04T10:00:00+08:00");
        earlyWarning.scan();
        assertThat(flags(number)).as("within the week").isZero();

        ProcessDriver.clock("2026-12-16T10:00:00+08:00");
        earlyWarning.scan();
        assertThat(flags(number)).isEqualTo(1);
        assertThat(Http.basic(port, "kjj", "demo").get("/api/risks?directive=" + number).body())
                .contains("\"rule\":\"no-progress\"");
    }

    int flags(String number) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM risk_flag WHERE directive_number = ?", Integer.class, number);
    }
}
