package org.duban.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.duban.support.Http;
import org.duban.support.Nodes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * Two nodes on one database: an organisation applied on node A is in force on node B within its poll, without a
 * restart — B's login, pages and suggestions know the new unit; and a node started later on that database starts with
 * the applied version, not the file's.
 */
@Tag("database")
class OrganisationReloadOnTwoNodesIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] QUIET = {"duban.notifications.poll-interval=PT1H", "duban.organisation.poll-interval=PT1S",
            "camunda.bpm.job-execution.enabled=false", "logging.level.org.duban=warn"};

    @Test
    @SuppressWarnings("unchecked")
    void anOrganisationAppliedOnOneNodeIsInForceOnTheOther() throws Exception {
        try (Nodes nodes = Nodes.onFreshDatabase("orgreload")) {
            ConfigurableApplicationContext a = nodes.start("node-a", QUIET);
            ConfigurableApplicationContext b = nodes.start("node-b", QUIET);
            Map<String, Object> file;
            try (InputStream in = new ClassPathResource("processes/organisation.yaml").getInputStream()) {
                file = YAML.readValue(in, Map.class);
            }
            ((List<Map<String, Object>>) file.get("departments")).add(new LinkedHashMap<>(Map.of("code", "tjj",
                    "level", "city", "name", "市统计局")));
            ((List<Map<String, Object>>) file.get("users")).add(new LinkedHashMap<>(Map.of("id", "tjj", "name",
                    "统计联络员", "email", "tjj.staff@zhengzhou.gov.cn", "department", "tjj", "roles", List.of("department"))));
            String content = YAML.writeValueAsString(file);

            Http admin = Http.basic(Nodes.port(a), "admin", "demo");
            JsonNode preview = JSON.readTree(admin.post("/api/organisation/preview",
                    JSON.writeValueAsString(Map.of("content", content))).body());
            assertThat(admin.put("/api/organisation", JSON.writeValueAsString(Map.of("content", content,
                    "previewed", preview.get("sha256").asText()))).status()).isEqualTo(200);

            Organisation onB = b.getBean(Organisation.class);
            await().atMost(Duration.ofSeconds(15)).until(() -> onB.department("tjj").isPresent());
            assertThat(Http.loggedIn(Nodes.port(b), "tjj", "demo").get("/").body()).contains("统计联络员");

            a.close();
            b.close();
            ConfigurableApplicationContext c = nodes.start("node-c", QUIET);
            assertThat(c.getBean(Organisation.class).department("tjj")).as("the applied version, not the file's")
                    .isPresent();
        }
    }
}
