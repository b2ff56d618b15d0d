package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.directive.DirectiveText;
import org.duban.directive.DirectiveTexts;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Duplicate detection and suggested units over HTTP: a reworded directive is found and another matter is not, a
 * unit sees only directives it takes part in, bad parameters and unknown follow-ups are refused in Chinese, and only
 * leaders and the office get suggestions.
 */
@DubanIntegrationTest
class IntakeApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LATER = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();

    @LocalServerPort
    int port;

    Http leader() {
        return Http.basic(port, "leader", "demo");
    }

    private String issue(String title, String instruction, String lead, String followUpOf) throws Exception {
        Http.Response response = leader().post("/api/directives", issueBody(title, instruction, lead, followUpOf));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("number").asText();
    }

    private static String issueBody(String title, String instruction, String lead, String followUpOf) throws Exception {
        return JSON.writeValueAsString(new java.util.LinkedHashMap<String, Object>() {{
                put("title", title);
                put("instruction", instruction);
                put("priority", "normal");
                put("leadDepartment", lead);
                put("deadline", LATER);
                if (followUpOf != null) {
                    put("followUpOf", followUpOf);
                }
            }});
    }

    private static List<String> numbers(Http.Response response) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        JSON.readTree(response.body()).forEach(match -> numbers.add(match.get("number").asText()));
        return numbers;
    }

    private static String similarPath(String title, String instruction) {
        return "/api/directives/similar?title=" + URLEncoder.encode(title, StandardCharsets.UTF_8) + "&instruction="
                + URLEncoder.encode(instruction, StandardCharsets.UTF_8);
    }

    @Autowired
    DirectiveTexts texts;

    /**
     * What each node reads every half minute: the directives issued since its last read, each with its units (and
     * the units of those directives only, not every part of every directive ever issued).
     */
    @Test
    void theDirectivesIssuedSinceALastReadComeWithTheirUnits() throws Exception {
        String earlier = issue("建设口袋公园", "年内建成口袋公园二十处。", "zdxq", null);
        OffsetDateTime lastRead = texts.one(earlier).get(0).issuedAt();
        Thread.sleep(20);
        Http.Response issued = leader().post("/api/directives", """
                {"title":"推进数字城管平台升级","instruction":"升级数字城管平台。","priority":"normal","leadDepartment":"kjj",
                 "coDepartments":["zdxq"],"deadline":"%s"}""".formatted(LATER));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String later = JSON.readTree(issued.body()).get("number").asText();

        List<DirectiveText> since = texts.issuedAfter(lastRead);
        assertThat(since).extracting(DirectiveText::number).contains(later).doesNotContain(earlier);
        assertThat(since.stream().filter(t -> t.number().equals(later)).findFirst().orElseThrow().units())
                .containsExactlyInAnyOrder("kjj", "zdxq");
        assertThat(texts.issuedAfter(null).stream().filter(t -> t.number().equals(earlier)).findFirst().orElseThrow()
                .units()).containsExactly("zdxq");
    }

    @Test
    void aRewordedDirectiveIsFoundAnotherMatterIsNotAndAUnitSeesOnlyItsOwn() throws Exception {
        String alleys = issue("整治背街小巷环境卫生", "对中心城区背街小巷的乱堆乱放、垃圾积存、违章搭建开展集中整治，第一批120条年底前完成。",
                "zdxq", null);
        String science = issue("科技型中小企业梯次培育", "实施科技型企业梯次培育计划，全年新增高新技术企业300家。", "kjj", null);

        String reworded = similarPath("开展背街小巷综合整治", "组织对主城区小街小巷私搭乱建、杂物堆放和卫生死角进行清理，第一批120条巷道年底前整治到位。");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(numbers(leader().get(reworded))).contains(alleys));
        JsonNode match = JSON.readTree(leader().get(reworded).body()).get(0);
        assertThat(match.get("number").asText()).isEqualTo(alleys);
        assertThat(match.get("score").asDouble()).isBetween(0.26, 1.0);
        assertThat(match.get("link").asText()).isEqualTo("/directives/" + alleys);
        assertThat(match.get("statusName").asText()).isEqualTo("办理中");

        assertThat(numbers(leader().get(similarPath("高校毕业生就业帮扶", "开发见习岗位，举办专场招聘会，帮扶离校未就业毕业生。"))))
                .doesNotContain(alleys, science);

        // kjj holds no part of the alleys directive: neither its number nor its title reaches kjj
        Http kjj = Http.basic(port, "kjj", "demo");
        Http.Response seenByKjj = kjj.get(reworded);
        assertThat(numbers(seenByKjj)).doesNotContain(alleys);
        assertThat(seenByKjj.body()).doesNotContain("整治背街小巷环境卫生");
        assertThat(numbers(kjj.get(similarPath("培育科技型中小企业", "分层次培育科技型企业，年内新增高新技术企业300家。"))))
                .contains(science);
    }

    @Test
    void theIssueAnswerListsSimilarDirectivesAndAFollowUpIsRecorded() throws Exception {
        String heating = issue("冬季供暖投诉快速处置", "供暖季群众反映的室温不达标、暖气不热问题，要24小时内上门处理并回访。", "zdxq", null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(numbers(leader().get(similarPath(
                "冬季供暖投诉快速处置", "供暖季群众反映的室温不达标、暖气不热问题，要24小时内上门处理并回访。")))).contains(heating));

        Http.Response again = leader().post("/api/directives", issueBody("做好供暖季居民投诉处理",
                "针对市民反映家中暖气不热、温度不够的诉求，接诉后一天内入户查看解决，办结后电话回访。", "zdxq", null));
        assertThat(again.status()).isEqualTo(201);
        JsonNode created = JSON.readTree(again.body());
        assertThat(created.get("number").asText()).as("the directive itself, unchanged").startsWith("DB-");
        List<String> similar = new ArrayList<>();
        created.get("similar").forEach(m -> similar.add(m.get("number").asText()));
        assertThat(similar).contains(heating).doesNotContain(created.get("number").asText());

        String followUp = issue("供暖投诉处置回头看", "对前期暖气不热投诉的处理情况开展回访复核。", "zdxq", heating);
        JsonNode view = JSON.readTree(leader().get("/api/directives/" + followUp).body());
        assertThat(view.get("followUpOf").asText()).isEqualTo(heating);
        Http pages = Http.loggedIn(port, "leader", "demo");
        String page = pages.get("/directives/" + followUp).body();
        assertThat(page).contains("本事项为").contains(heating).contains("的后续事项").contains("href=\"/directives/" + heating + "\"");
    }

    @Test
    void anUnknownFollowUpIsRefusedByField() throws Exception {
        Http.Response response = leader().post("/api/directives", issueBody("某事项", "请办理", "kjj", "DB-1999-9999"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo("followUpOf");
            assertThat(error.get("message").asText()).contains("不存在");
        });
    }

    @Test
    void badParametersAreRefusedInChinese() throws Exception {
        Http.Response empty = leader().get("/api/directives/similar?title=&instruction=");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
        assertThat(empty.body()).contains("请填写标题或批示内容");

        Http.Response tooLong = leader().get("/api/directives/similar?title=t&instruction=" + "x".repeat(5001));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.body()).get("errors").get(0).get("field").asText()).isEqualTo("instruction");
        assertThat(tooLong.body()).contains("不能超过 5000 个字");

        Http.Response noText = leader().get("/api/directives/suggestions?text=");
        assertThat(noText.status()).isEqualTo(400);
        assertThat(noText.body()).contains("请填写事项内容");
        assertThat(leader().get("/api/directives/suggestions?text=" + "x".repeat(5001)).status()).isEqualTo(400);
    }

    @Test
    void suggestionsNameTheUnitsWithTheirReasonsForLeadersAndTheOfficeOnly() throws Exception {
        String path = "/api/directives/suggestions?text=" + URLEncoder.encode(
                "整治背街小巷占道经营和流动摊贩，清理违法建设", StandardCharsets.UTF_8);
        Http.Response response = leader().get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode lead = JSON.readTree(response.body()).get("lead");
        assertThat(lead.get(0).get("code").asText()).isEqualTo("cgj");
        assertThat(lead.get(0).get("name").asText()).isEqualTo("市城市管理局");
        assertThat(lead.get(0).get("reason").asText()).contains("职责相符").contains("背街").contains("小巷");
        assertThat(lead.get(0).get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(Http.basic(port, "supervisor", "demo").get(path).status()).isEqualTo(200);

        Http.Response unit = Http.basic(port, "kjj", "demo").get(path);
        assertThat(unit.status()).isEqualTo(403);
        assertThat(unit.body()).contains("只有领导或督查室");
        Http.Response anonymous = Http.anonymous(port).get(path);
        assertThat(anonymous.status() == 401 || anonymous.redirectsToLogin()).isTrue();
    }
}
