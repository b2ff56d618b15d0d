package org.duban.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.Deployment;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Reloading {@code organisation.yaml} without a restart: an administrator previews a new organisation (a unit added,
 * one removed while it holds open work, a street moved to another district, a unit renamed, a person added), sees
 * exactly that with the removed unit's open directive listed, and applies what was previewed. Then the new unit's
 * person logs in, its group, authorizations, Tasklist filter and form choices exist, the removed unit's group is gone,
 * and the version is in the history. Invalid content is refused in Chinese and changes nothing; content other than
 * the previewed is refused with 409; only administrators may do any of it.
 */
@DubanIntegrationTest
@DirtiesContext
class OrganisationReloadIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Organisation organisation;

    @Test
    void anAdministratorPreviewsAndAppliesANewOrganisation() throws Exception {
        String number = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(
                new ProcessDriver(engine).issue("leader", "wmb", "", LocalDate.now().plusMonths(1).toString(), "none")
                        .getId()).singleResult().getBusinessKey();
        String next = changedOrganisation();
        Http admin = Http.basic(port, "admin", "demo");
        long versionBefore = JSON.readTree(admin.get("/api/organisation").body()).get("version").asLong();

        // only administrators
        assertThat(Http.basic(port, "supervisor", "demo").post("/api/organisation/preview", body(next, null)).status())
                .isEqualTo(403);

        // invalid: refused in Chinese, nothing changed
        Http.Response invalid = admin.post("/api/organisation/preview",
                body(next.replaceAll("department: \"?wlj\"?", "department: nowhere"), null));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        assertThat(invalid.body()).contains("\"field\":\"content\"", "人员“wlj”：所属单位“nowhere”不存在");

        // the preview says exactly what changes, and lists the open work of the unit that goes
        Http.Response previewed = admin.post("/api/organisation/preview", body(next, null));
        assertThat(previewed.status()).as(previewed.body()).isEqualTo(200);
        JsonNode preview = JSON.readTree(previewed.body());
        JsonNode changes = preview.get("changes");
        assertThat(changes.get("addedUnits").findValuesAsText("code")).containsExactly("wlj");
        assertThat(changes.get("removedUnits").findValuesAsText("code")).containsExactly("wmb");
        assertThat(changes.get("movedUnits").findValuesAsText("code")).containsExactly("shaolin");
        assertThat(changes.get("movedUnits").get(0).get("to").asText()).isEqualTo("郑东新区管委会");
        assertThat(changes.get("renamedUnits").get(0).get("to").asText()).isEqualTo("市城市管理局（市综合行政执法局）");
        assertThat(changes.get("addedPeople").findValuesAsText("id")).containsExactly("wlj");
        assertThat(changes.get("openWorkOfRemovedUnits").findValuesAsText("number")).containsExactly(number);
        assertThat(preview.get("summary").asText()).contains("新增单位 1 个", "撤销单位 1 个", "调整隶属 1 个");
        assertThat(organisation.department("wlj")).as("a preview changes nothing").isEmpty();

        // only what was previewed is applied
        assertThat(admin.put("/api/organisation", body(next + "\n# 另一版本\n", preview.get("sha256").asText())).status())
                .isEqualTo(409);
        Http.Response applied = admin.put("/api/organisation", body(next, preview.get("sha256").asText()));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);

        // in force: the organisation, the engine's identity, authorizations, Tasklist filters and forms
        assertThat(organisation.department("wlj")).isPresent();
        assertThat(organisation.department("wmb")).isEmpty();
        assertThat(organisation.department("shaolin").orElseThrow().parentCode()).isEqualTo("zdxq");
        IdentityService identity = engine.getIdentityService();
        assertThat(identity.createGroupQuery().groupMember("wlj").list()).extracting(g -> g.getId())
                .containsExactly(Groups.department("wlj"));
        assertThat(identity.createGroupQuery().groupId(Groups.department("wmb")).count()).isZero();
        AuthorizationService authorizations = engine.getAuthorizationService();
        assertThat(authorizations.isUserAuthorized("wlj", List.of(Groups.department("wlj")), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
        FilterService filters = engine.getFilterService();
        assertThat(filters.createFilterQuery().filterName("市文化广电和旅游局待办").count()).isEqualTo(1);
        RepositoryService repository = engine.getRepositoryService();
        Deployment forms = repository.createDeploymentQuery().orderByDeploymentTime().desc().list().stream()
                .filter(d -> repository.getDeploymentResourceNames(d.getId()).contains("start-directive.form"))
                .findFirst().orElseThrow();
        try (InputStream form = repository.getResourceAsStream(forms.getId(), "start-directive.form")) {
            String text = new String(form.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("\"wlj\"", "市文化广电和旅游局").doesNotContain("\"wmb\"");
        }
        Http wlj = Http.loggedIn(port, "wlj", "demo");
        assertThat(wlj.get("/").body()).contains("文旅联络员");

        // the history, and the administrator's page
        JsonNode current = JSON.readTree(admin.get("/api/organisation").body());
        assertThat(current.get("version").asLong()).isGreaterThan(versionBefore);
        assertThat(current.get("history").get(0).get("loadedBy").asText()).isEqualTo("admin");
        assertThat(current.get("history").get(0).get("summary").asText()).contains("新增单位 1 个");
        Http page = Http.loggedIn(port, "admin", "demo");
        assertThat(page.get("/admin/organisation").body()).contains("组织名单", "新增单位 1 个");
        assertThat(Http.loggedIn(port, "supervisor", "demo").get("/admin/organisation").status()).isEqualTo(403);

        // the same content again changes nothing and stores nothing
        Http.Response again = admin.post("/api/organisation/preview", body(next, null));
        assertThat(JSON.readTree(again.body()).get("summary").asText()).isEqualTo("无变化");
    }

    /** The shipped organisation with 市文明办 removed, 市文旅局 and its person added, 少林街道 moved, 城管局 renamed. */
    @SuppressWarnings("unchecked")
    private static String changedOrganisation() throws Exception {
        Map<String, Object> file;
        try (InputStream in = new ClassPathResource("processes/organisation.yaml").getInputStream()) {
            file = YAML.readValue(in, Map.class);
        }
        List<Map<String, Object>> units = new ArrayList<>((List<Map<String, Object>>) file.get("departments"));
        units.removeIf(unit -> "wmb".equals(unit.get("code")));
        for (Map<String, Object> unit : units) {
            if ("shaolin".equals(unit.get("code"))) {
                unit.put("parent", "zdxq");
            }
            if ("cgj".equals(unit.get("code"))) {
                unit.put("name", "市城市管理局（市综合行政执法局）");
            }
        }
        Map<String, Object> wlj = new LinkedHashMap<>();
        wlj.put("code", "wlj");
        wlj.put("level", "city");
        wlj.put("name", "市文化广电和旅游局");
        wlj.put("mailbox", "wlj@zhengzhou.gov.cn");
        units.add(wlj);
        file.put("departments", units);
        List<Map<String, Object>> users = new ArrayList<>((List<Map<String, Object>>) file.get("users"));
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", "wlj");
        person.put("name", "文旅联络员");
        person.put("email", "wlj.staff@zhengzhou.gov.cn");
        person.put("department", "wlj");
        person.put("roles", List.of("department"));
        users.add(person);
        file.put("users", users);
        return YAML.writeValueAsString(file);
    }

    private static String body(String content, String previewed) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", content);
        if (previewed != null) {
            body.put("previewed", previewed);
        }
        return JSON.writeValueAsString(body);
    }
}
