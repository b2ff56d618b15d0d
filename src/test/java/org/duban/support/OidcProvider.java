package org.duban.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID Connect provider for the single sign-on tests, started in the test JVM on its own port: Spring
 * Authorization Server (discovery, authorization code with PKCE, client credentials, JWKS, user info, RP-initiated
 * logout) with a login form of its own. It plays the city's identity service:
 * <ul>
 *   <li>people log in with the password {@value #PASSWORD}; {@code kjj} and {@code supervisor} are in Duban's
 *       organisation, {@code stranger} is not;</li>
 *   <li>Duban's client {@value #CLIENT}; machine clients get tokens by client credentials: {@code data-platform}
 *       acts as {@code supervisor}, {@code kjj-robot} as {@code kjj}, {@code stranger-robot} as a person Duban does
 *       not know, and {@code other-app}'s tokens are meant for another application (their audience is not Duban).</li>
 * </ul>
 * Every token names its person in {@code preferred_username}, as Keycloak and most city identity services do.
 */
public final class OidcProvider implements AutoCloseable {

    public static final String CLIENT = "duban";
    public static final String SECRET = "duban-secret";
    public static final String PASSWORD = "sso-pass";
    public static final String MACHINE_SECRET = "machine-secret";
    /** Machine client → the person its tokens name. */
    public static final Map<String, String> MACHINES = Map.of("data-platform", "supervisor", "kjj-robot", "kjj",
            "stranger-robot", "nobody-here", "other-app", "supervisor");

    /** Duban's callbacks the provider accepts (exact match, as the standard asks): add each Duban's before logging in. */
    public static final Set<String> REDIRECTS = ConcurrentHashMap.newKeySet();

    private final ConfigurableApplicationContext context;
    private final String issuer;

    private OidcProvider(ConfigurableApplicationContext context, String issuer) {
        this.context = context;
        this.issuer = issuer;
    }

    public static OidcProvider start() {
        int port = freePort();
        String issuer = "http://localhost:" + port;
        // as arguments: they must win over Duban's application.yaml, which is on the same class path
        ConfigurableApplicationContext context = new SpringApplicationBuilder(oidc.provider.TestOidcServer.class)
                .web(WebApplicationType.SERVLET)
                .run("--server.port=" + port, "--spring.main.banner-mode=off", "--provider.issuer=" + issuer,
                        // not a Duban: no database of its own (TestDatabaseInitializer)
                        "--" + TestDatabaseInitializer.OWN_DATABASE + "=true", "--spring.application.name=oidc-provider");
        return new OidcProvider(context, issuer);
    }

    public String issuer() {
        return issuer;
    }

    /** Points a Duban under test at this provider, as Duban's client {@value #CLIENT}. */
    public void configure(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("duban.sso.issuer", this::issuer);
        registry.add("duban.sso.client-id", () -> CLIENT);
        registry.add("duban.sso.client-secret", () -> SECRET);
    }

    /** Lets a Duban at {@code base} (e.g. http://127.0.0.1:8080) receive logins and come back after logout. */
    public void allow(String base) {
        REDIRECTS.add(base + "/login/oauth2/code/" + CLIENT);
        REDIRECTS.add(base + "/login?logout");
    }

    /** An access token for a machine client (client credentials), as the provider's token endpoint answers. */
    public String machineToken(String client) {
        try {
            String basic = Base64.getEncoder().encodeToString((client + ":" + MACHINE_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(issuer + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=duban")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            return new ObjectMapper().readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
