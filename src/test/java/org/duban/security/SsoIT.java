package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.duban.support.OidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on as production runs it: a real OpenID Connect provider ({@link OidcProvider}), password login and HTTP
 * Basic switched off. Machine clients bring the provider's bearer tokens to {@code /api} and {@code /engine-rest} and
 * act as the organisation's person the token names, with that person's rights; tokens meant for another application,
 * tokens naming nobody Duban knows and forged tokens are refused with a Chinese problem and change nothing. The
 * browser login itself is {@code SsoInBrowserIT}.
 */
@DubanIntegrationTest
class SsoIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static OidcProvider provider;

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        provider = OidcProvider.start();
        provider.configure(registry);
        registry.add("duban.login.password", () -> "false");
        registry.add("duban.login.http-basic", () -> "false");
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLoginPageOffersSingleSignOnAndNoPasswordForm() {
        Http.Response page = Http.anonymous(port).get("/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"sso-login\"", "使用统一身份认证登录").doesNotContain("id=\"password\"");
        assertThat(Http.anonymous(port).get("/").redirectsToLogin()).isTrue();
    }

    @Test
    void theLoginButtonSendsTheBrowserToTheProvider() {
        Http.Response start = Http.anonymous(port).get("/oauth2/authorization/duban");
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.header("Location")).startsWith(provider.issuer() + "/oauth2/authorize?")
                .contains("client_id=duban", "scope=openid", "state=", "nonce=");
    }

    @Test
    void passwordsAreRefusedWhereSwitchedOff() {
        Http.Response basic = Http.basic(port, "admin", "demo").get("/api/directives");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.header("Content-Type")).startsWith("application/problem+json");
        assertThat(basic.header("WWW-Authenticate")).contains("Bearer").doesNotContain("Basic");
        Http browser = Http.anonymous(port);
        Http.Response form = browser.postForm("/login", "username=admin&password=demo");
        assertThat(form.status()).isIn(403, 405);
        assertThat(browser.get("/").redirectsToLogin()).as("no session from the switched-off form").isTrue();
    }

    @Test
    void aMachineTokenActsAsThePersonItNamesWithThatPersonsRights() throws Exception {
        Http office = Http.bearer(port, provider.machineToken("data-platform"));
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        Http.Response issued = office.post("/api/directives", """
                {"title":"统一身份认证令牌交办","instruction":"请办理","priority":"normal","leadDepartment":"kjj","deadline":"%s"}
                """.formatted(deadline));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String number = JSON.readTree(issued.body()).get("number").asText();
        JsonNode directive = JSON.readTree(office.get("/api/directives/" + number).body());
        assertThat(directive.get("issuedBy").asText()).isEqualTo("supervisor");

        // /engine-rest with the same tokens, under the engine's authorizations: the office sees the directive's
        // history, the department not before the leader approved it (nothing has reached it yet)
        String history = "/engine-rest/history/process-instance?processInstanceBusinessKey=" + number;
        assertThat(JSON.readTree(office.get(history).body()).size()).isEqualTo(1);
        Http kjj = Http.bearer(port, provider.machineToken("kjj-robot"));
        Http.Response kjjHistory = kjj.get(history);
        assertThat(kjjHistory.status()).isEqualTo(200);
        assertThat(JSON.readTree(kjjHistory.body()).size()).isZero();
        assertThat(kjj.get("/api/directives/" + number).status()).isIn(403, 404);
    }

    @Test
    void tokensForAnotherApplicationForNobodyOrForgedAreRefusedAndChangeNothing() throws Exception {
        int before = directives();
        String body = """
                {"title":"不应交办","instruction":"请办理","priority":"normal","leadDepartment":"kjj","deadline":"%s"}
                """.formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30));

        Http.Response otherApp = Http.bearer(port, provider.machineToken("other-app")).post("/api/directives", body);
        assertThat(otherApp.status()).isEqualTo(401);
        assertThat(otherApp.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(otherApp.body()).get("type").asText()).isEqualTo("urn:duban:problem:invalid-token");
        assertThat(JSON.readTree(otherApp.body()).get("detail").asText()).contains("令牌无效");

        Http.Response nobody = Http.bearer(port, provider.machineToken("stranger-robot")).post("/api/directives", body);
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(JSON.readTree(nobody.body()).get("type").asText()).isEqualTo("urn:duban:problem:unknown-person");
        assertThat(JSON.readTree(nobody.body()).get("detail").asText()).contains("nobody-here", "不在督办系统的组织名单中");

        String real = provider.machineToken("data-platform");
        String[] parts = real.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"supervisor\"", "\"leader\"");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        Http.Response tampered = Http.bearer(port, forged).post("/api/directives", body);
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(JSON.readTree(tampered.body()).get("type").asText()).isEqualTo("urn:duban:problem:invalid-token");
        assertThat(Http.bearer(port, "not-a-token").get("/engine-rest/task").status()).isEqualTo(401);

        assertThat(directives()).isEqualTo(before);
    }

    private int directives() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM directive", Integer.class);
    }
}
