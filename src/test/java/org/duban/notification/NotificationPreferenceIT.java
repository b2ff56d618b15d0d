package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each person's choice of immediate mail or daily digest, over the API and on the settings page. */
@DubanIntegrationTest
class NotificationPreferenceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String API = "/api/me/notification-preference";

    @LocalServerPort
    int port;

    @Test
    void theApiAnswersImmediateByDefaultStoresADigestChoiceAndNamesTheFieldOfABadOne() throws Exception {
        Http dfs = Http.basic(port, "dfs", "demo");
        JsonNode initial = JSON.readTree(dfs.get(API).body());
        assertThat(initial.get("delivery").asText()).isEqualTo("immediate");
        assertThat(initial.get("digestTime").asText()).isEqualTo("08:00");

        for (String bad : new String[] {"{\"delivery\":\"weekly\"}", "{}"}) {
            Http.Response refused = dfs.put(API, bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.get("type").asText()).isEqualTo("urn:duban:problem:invalid-request");
            assertThat(problem.at("/errors/0/field").asText()).isEqualTo("delivery");
            assertThat(problem.at("/errors/0/message").asText()).contains("immediate").contains("digest").contains("每日汇总");
        }
        assertThat(JSON.readTree(dfs.get(API).body()).get("delivery").asText()).as("nothing stored").isEqualTo("immediate");

        Http.Response stored = dfs.put(API, "{\"delivery\":\"digest\"}");
        assertThat(stored.status()).isEqualTo(200);
        assertThat(JSON.readTree(stored.body()).get("label").asText()).isEqualTo("每日汇总");
        assertThat(JSON.readTree(dfs.get(API).body()).get("delivery").asText()).isEqualTo("digest");
        assertThat(JSON.readTree(Http.basic(port, "kjj", "demo").get(API).body()).get("delivery").asText())
                .as("another person's choice is their own").isEqualTo("immediate");
        assertThat(Http.anonymous(port).get(API).status()).isEqualTo(401);
    }

    @Test
    void thePagePostsTheChoiceWithItsCsrfTokenAndConfirmsIt() throws Exception {
        Http browser = Http.loggedIn(port, "zdxq", "demo");
        Http.Response page = browser.get("/settings/notifications");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("通知设置", "即时发送", "每日汇总", "22:00", "07:00", "08:00")
                .contains("class=\"topbar\"").doesNotContain("已保存");
        assertThat(page.body()).containsPattern("value=\"immediate\"\\s+checked");

        assertThat(browser.postForm("/settings/notifications", "delivery=digest").status()).as("no CSRF token").isEqualTo(403);

        Http.Response saved = browser.postForm("/settings/notifications", "delivery=digest&_csrf=" + csrf(page.body()));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).endsWith("/settings/notifications?saved");
        Http.Response confirmed = browser.get("/settings/notifications?saved");
        assertThat(confirmed.body()).contains("已保存").contains("每日汇总").containsPattern("value=\"digest\"\\s+checked");
        assertThat(JSON.readTree(Http.basic(port, "zdxq", "demo").get(API).body()).get("delivery").asText()).isEqualTo("digest");

        Http.Response refused = browser.postForm("/settings/notifications", "delivery=hourly&_csrf=" + csrf(confirmed.body()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("取值须为 immediate（即时发送）或 digest（每日汇总）");
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("the form carries a CSRF token").isTrue();
        return matcher.group(1);
    }
}
