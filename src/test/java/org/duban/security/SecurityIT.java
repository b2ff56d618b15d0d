package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@DubanIntegrationTest
class SecurityIT {

    @LocalServerPort
    int port;

    @Test
    void healthIsPublicAndUp() {
        Http.Response health = Http.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("workCalendar");
    }

    @Test
    void adminsSeeTheCalendarDetailInHealth() {
        Http.Response health = Http.basic(port, "admin", "demo").get("/actuator/health");
        assertThat(health.body()).contains("workCalendar").contains("2026");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/api/directives", "/engine-rest/user"})
    void machineEndpointsAnswer401WithoutLogin(String path) {
        Http.Response response = Http.anonymous(port).get(path);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("urn:duban:problem:unauthenticated").contains("请先登录");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/camunda/app/tasklist/", "/camunda/app/cockpit/default/", "/swagger-ui.html",
            "/v3/api-docs"})
    void pagesRedirectToTheLoginPageWithoutLogin(String path) {
        assertThat(Http.anonymous(port).get(path).redirectsToLogin()).as(path).isTrue();
    }

    @Test
    void actuatorIsForAdminsOnly() {
        assertThat(Http.anonymous(port).get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(Http.basic(port, "kjj", "demo").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(Http.basic(port, "admin", "demo").get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void theOutboxIsForAdminsOnly() {
        assertThat(Http.basic(port, "kjj", "demo").get("/api/notifications").status()).isEqualTo(403);
        Http.Response outbox = Http.basic(port, "admin", "demo").get("/api/notifications?status=pending");
        assertThat(outbox.status()).isEqualTo(200);
        assertThat(outbox.body()).startsWith("[");
        // a directive's dispatch queues mail; the list names its fields in camelCase like the rest of the API
        Http.Response issued = Http.basic(port, "leader", "demo").post("/api/directives", """
                {"title":"发件箱字段","instruction":"请办理","priority":"normal","leadDepartment":"kjj","deadline":"%s"}"""
                .formatted(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String all = Http.basic(port, "admin", "demo").get("/api/notifications").body();
        assertThat(all).contains("\"directiveNumber\"", "\"nextAttemptAt\"", "\"createdAt\"")
                .doesNotContain("DIRECTIVE_NUMBER").doesNotContain("directive_number");
    }

    @Test
    void theLoginPageIsChinese() {
        Http.Response login = Http.anonymous(port).get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("登录").contains("用户名").contains("密码").contains("_csrf");
    }

    @Test
    void wrongPasswordIsRefused() {
        // a user of its own: wrong passwords count against the account (LoginThrottle; see LoginThrottleIT)
        assertThat(Http.basic(port, "dsjj-szzf", "wrong").get("/engine-rest/task").status()).isEqualTo(401);
    }

    @Test
    void aLoginFormWithoutCsrfTokenIsRefused() {
        Http.Response response = Http.anonymous(port).post("/login", "");
        assertThat(response.status()).isIn(302, 403);
        assertThat(response.status() == 403 || response.header("Location").contains("error")).isTrue();
    }

    @Test
    void oneLoginOpensTasklistButNotCockpitOrAdminForADepartment() {
        Http browser = Http.loggedIn(port, "zdxq", "demo");
        assertThat(browser.get("/").body()).contains("孙东区").contains("郑东新区管委会");
        assertThat(browser.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").body())
                .contains("\"userId\":\"zdxq\"").contains("tasklist").doesNotContain("cockpit").doesNotContain("\"admin\"");
        assertThat(browser.get("/camunda/app/cockpit/default/").status()).isEqualTo(403);
        assertThat(browser.get("/camunda/app/admin/default/").status()).isEqualTo(403);
    }

    @Test
    void tasklistSpeaksChineseByDefault() {
        Http browser = Http.loggedIn(port, "kjj", "demo");
        Http.Response config = browser.get("/camunda/app/tasklist/scripts/config.js");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("fallbackLocale: 'zh-CN'");
        Http.Response chinese = browser.get("/camunda/app/tasklist/locales/zh-CN.json");
        assertThat(chinese.status()).isEqualTo(200);
        assertThat(chinese.body()).contains("认领").contains("任务");
        assertThat(browser.get("/camunda/app/tasklist/styles/user-styles.css").body()).contains(".ce-eol-banner");
    }

    @Test
    void auditorsOpenCockpitButNotAdmin() {
        Http browser = Http.loggedIn(port, "auditor", "demo");
        assertThat(browser.get("/camunda/app/cockpit/default/").status()).isEqualTo(200);
        assertThat(browser.get("/camunda/app/admin/default/").status()).isEqualTo(403);
    }

    @Test
    void adminsOpenAdmin() {
        Http browser = Http.loggedIn(port, "admin", "demo");
        Http.Response admin = browser.get("/camunda/app/admin/default/");
        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
    }

    @Test
    void theInitialAdminSetupIsClosed() {
        Http browser = Http.loggedIn(port, "kjj", "demo");
        assertThat(browser.get("/camunda/app/admin/default/setup/").status()).isEqualTo(403);
        assertThat(browser.post("/camunda/api/admin/setup/default/user/create",
                "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}").status()).isEqualTo(403);
    }

    @Test
    void logoutEndsTheSession() {
        Http browser = Http.loggedIn(port, "kjj", "demo");
        assertThat(browser.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        String csrf = browser.get("/").body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        Http.Response logout = browser.postForm("/logout", "_csrf=" + csrf);
        assertThat(logout.header("Location")).endsWith("/login?logout");
        assertThat(browser.get("/camunda/app/tasklist/default/").redirectsToLogin()).isTrue();
    }
}
