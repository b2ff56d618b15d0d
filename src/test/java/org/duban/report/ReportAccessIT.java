package org.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Who reads and who regenerates reports, over HTTP: the API answers problem+json in Chinese, the pages work
 * from a login session. Uses March 2026, which the timer tests leave alone.
 */
@DubanIntegrationTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class ReportAccessIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void inMarch() {
        ProcessDriver.clock("2026-03-11T10:00:00+08:00");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void reportsAreForTheLeadersTheOfficeAuditorsAndAdministrators() throws Exception {
        for (String login : List.of("leader", "supervisor", "auditor", "admin")) {
            assertThat(Http.basic(port, login, "demo").get("/api/reports?kind=daily").status()).as(login).isEqualTo(200);
        }
        Http.Response department = Http.basic(port, "kjj", "demo").get("/api/reports");
        assertThat(department.status()).isEqualTo(403);
        assertThat(department.header("Content-Type")).startsWith("application/problem+json");
        assertThat(json.readTree(department.body()).path("detail").asText()).contains("仅向领导、督查室、审计/纪检人员和管理员开放");
        assertThat(Http.basic(port, "kjj", "demo").get("/api/reports/daily/2026-03-09").status()).isEqualTo(403);
        assertThat(Http.basic(port, "leader", "demo").get("/api/reports/daily/2025-01-01").status()).isEqualTo(404);
        assertThat(Http.basic(port, "leader", "demo").get("/api/reports?kind=yearly").status()).isEqualTo(400);
    }

    @Test
    void onlyAdministratorsRegenerate() {
        for (String login : List.of("leader", "supervisor", "auditor", "kjj")) {
            Http.Response refused = Http.basic(port, login, "demo").post("/api/reports/daily/2026-03-09/regeneration", "");
            assertThat(refused.status()).as(login).isEqualTo(403);
            assertThat(refused.body()).contains("只有管理员可以重新生成报告");
        }
    }

    @Test
    void aBadKindOrPeriodIsRefusedInChinese() throws Exception {
        assertRefused("yearly", "2026", "kind", "报告类型应为 daily（日报告）");
        assertRefused("monthly", "2026-13", "period", "月小结的期间应写作 2026-11");
        assertRefused("daily", "2026-02-16", "period", "2026-02-16 不是工作日，没有日报告");
        assertRefused("weekly", "2026-W08", "period", "2026年第8周没有工作日");
        assertRefused("monthly", "2026-03", "period", "2026年3月尚未结束，还不能生成月小结");
        assertRefused("quarterly", "2026-11", "period", "季讲评的期间应写作 2026-Q4");
    }

    @Test
    void anAdministratorFillsAMissingReportFromThePageAndTheOfficeReadsIt() {
        Http admin = Http.loggedIn(port, "admin", "demo");
        Http.Response list = admin.get("/reports");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("重新生成某一期报告");
        Matcher csrf = CSRF.matcher(list.body());
        assertThat(csrf.find()).isTrue();

        Http.Response regenerated = admin.postForm("/reports/regeneration",
                "kind=daily&period=2026-03-09&_csrf=" + csrf.group(1));
        assertThat(regenerated.status()).isEqualTo(302);
        assertThat(regenerated.header("Location")).endsWith("/reports/daily/2026-03-09");
        Http.Response shown = admin.get("/reports/daily/2026-03-09");
        assertThat(shown.body()).contains("已补生成该期报告").contains("2026年3月9日督办日报告")
                .contains("统计区间：<span>2026-03-06</span>").contains("逾期事项（红灯）").contains("重新生成本期报告");

        Http leader = Http.loggedIn(port, "leader", "demo");
        Http.Response page = leader.get("/reports?kind=daily");
        assertThat(page.body()).contains("href=\"/reports/daily/2026-03-09\"").contains("日报告")
                .doesNotContain("重新生成某一期报告");
        Http.Response report = leader.get("/reports/daily/2026-03-09");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("width=device-width").contains("2026年3月9日督办日报告")
                .doesNotContain("重新生成本期报告");

        Http department = Http.loggedIn(port, "kjj", "demo");
        assertThat(department.get("/reports").status()).isEqualTo(403);
        assertThat(department.get("/").body()).doesNotContain("href=\"/reports\"").contains("href=\"/scorecards\"");
        assertThat(leader.get("/").body()).contains("href=\"/reports\"");
    }

    private void assertRefused(String kind, String period, String field, String message) throws Exception {
        Http.Response response = Http.basic(port, "admin", "demo")
                .post("/api/reports/" + kind + "/" + period + "/regeneration", "");
        assertThat(response.status()).as(kind + " " + period).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = json.readTree(response.body()).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("message").asText()).contains(message);
    }
}
