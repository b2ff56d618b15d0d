package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The identity provider is away: Duban starts all the same (the provider's configuration is read at the first login,
 * not at start-up), stays ready, sends a person who presses the single sign-on button back to the login page with a
 * Chinese reason, answers bearer tokens with 503 (not 401: the token may well be good) and still lets password logins
 * in where they are on.
 */
@DubanIntegrationTest
class SsoProviderDownIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void providerThatIsNotThere(DynamicPropertyRegistry registry) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        registry.add("duban.sso.issuer", () -> "http://localhost:" + port);
        registry.add("duban.sso.client-secret", () -> "secret");
    }

    @LocalServerPort
    int port;

    @Test
    void theLoginButtonExplainsThatTheProviderIsAway() {
        Http.Response start = Http.anonymous(port).get("/oauth2/authorization/duban");
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.header("Location")).endsWith("/login?sso=unavailable");
        assertThat(Http.anonymous(port).get("/login?sso=unavailable").body()).contains("统一身份认证服务暂时无法连接");
    }

    @Test
    void bearerTokensWaitForTheProviderWith503() throws Exception {
        Http.Response call = Http.bearer(port, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln").get("/api/directives");
        assertThat(call.status()).isEqualTo(503);
        assertThat(call.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(call.body()).get("type").asText()).isEqualTo("urn:duban:problem:identity-provider-unavailable");
    }

    @Test
    void passwordLoginsAndReadinessAreUnaffected() {
        Http kjj = Http.loggedIn(port, "kjj", "demo");
        assertThat(kjj.get("/").body()).contains("夏科技");
        assertThat(Http.anonymous(port).get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/login").body()).contains("id=\"sso-login\"", "id=\"password\"");
    }
}
