package org.duban.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.directive.DirectiveVariables.*;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 信息直达基层、逐级审核、结果跟踪反馈 through the whole stack: a leader targets every street of 郑东新区 (the district
 * leads, its streets are reached at once under it); 如意湖街道 passes its part to two communities; 如意东社区 is
 * returned for rework once; 如意西社区 asks its street for an extension and is refused; every part finishes upward;
 * the street, the district and the directive close with scores rolled up from the level below, each explained
 * component by component. Issued Tuesday 2026-12-01 10:00, deadline 2026-12-18.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@Tag("database")
class CascadeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    ProcessDriver driver;

    @BeforeEach
    void tuesdayMorning() {
        driver = new ProcessDriver(engine);
        ProcessDriver.clock("2026-12-01T10:00:00+08:00");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void threeLevelsDownAndTheScoresBackUp() throws Exception {
        Http leader = Http.basic(port, "leader", "demo");
        String request = """
                {"title":"背街小巷环境整治","instruction":"各街道组织辖区社区开展整治，月底前报送成效和照片。","priority":"normal",
                 "leadDepartment":"zdxq","targets":[{"under":"zdxq","level":"street"}],"deadline":"2026-12-18",
                 "reportCycle":"none"}""";
        long directivesBefore = count("directive");
        JsonNode preview = JSON.readTree(leader.post("/api/directives/preview", request).body());
        assertThat(preview.get("total").asInt()).as("the district and its three streets").isEqualTo(4);
        assertThat(preview.get("units")).extracting(u -> u.get("code").asText() + "<" + u.path("parent").asText(""))
                .containsExactly("zdxq<", "ruyihu<zdxq", "longzihu<zdxq", "boxuelu<zdxq");
        assertThat(count("directive")).as("a preview creates nothing").isEqualTo(directivesBefore);

        Http.Response issued = leader.post("/api/directives", request);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String number = JSON.readTree(issued.body()).get("number").asText();
        assertThat(parts(number)).containsExactly("zdxq lead -", "ruyihu sub zdxq", "longzihu sub zdxq",
                "boxuelu sub zdxq");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
                .taskCandidateGroup("dept-ruyihu").count()).as("the street has its sign task at once (一键直达)").isEqualTo(1);
        // delivered in one batch with its streets, the district's 签收 brief already lists them
        assertThat((String) engine.getTaskService().getVariableLocal(driver.task(work(number, "zdxq")).getId(), "brief"))
                .contains("**下级单位**").contains("如意湖街道办事处：待签收").contains("龙子湖街道办事处：待签收")
                .contains("博学路街道办事处：待签收");

        for (String unit : List.of("zdxq", "ruyihu", "longzihu", "boxuelu")) {
            driver.sign(unit, work(number, unit));
        }

        // 如意湖街道 passes its part to two communities, each with its own instruction and a deadline before its own
        Http ruyihu = Http.basic(port, "ruyihu", "demo");
        Http.Response tooLate = ruyihu.post("/api/directives/" + number + "/parts/ruyihu/sub-parts", """
                {"subParts":[{"unit":"ruyihu-ruyidong","instruction":"整治如意东片区","deadline":"2026-12-25"}]}""");
        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(tooLate.body()).contains("subParts[0].deadline").contains("不能晚于本单位的办结期限 2026-12-18");
        Http.Response notBelow = ruyihu.post("/api/directives/" + number + "/parts/ruyihu/sub-parts", """
                {"subParts":[{"unit":"longzihu-longxiang","instruction":"越级","deadline":"2026-12-15"}]}""");
        assertThat(notBelow.status()).isEqualTo(400);
        assertThat(notBelow.body()).contains("龙翔社区不是如意湖街道办事处的下级单位");
        assertThat(parts(number)).as("refusals add nothing").hasSize(4);
        Http.Response passed = ruyihu.post("/api/directives/" + number + "/parts/ruyihu/sub-parts", """
                {"subParts":[{"unit":"ruyihu-ruyidong","instruction":"整治如意东片区背街小巷，每周报送照片","deadline":"2026-12-15"},
                             {"unit":"ruyihu-ruyixi","instruction":"整治如意西片区背街小巷","deadline":"2026-12-15",
                              "reportCycle":"none"}]}""");
        assertThat(passed.status()).as(passed.body()).isEqualTo(201);
        assertThat(parts(number)).contains("ruyihu-ruyidong sub ruyihu", "ruyihu-ruyixi sub ruyihu");
        ProcessInstance east = work(number, "ruyihu-ruyidong");
        ProcessInstance west = work(number, "ruyihu-ruyixi");
        assertThat(driver.task(east).getName()).contains("如意东社区");
        assertThat((String) engine.getTaskService().getVariableLocal(driver.task(east).getId(), "brief"))
                .contains("如意湖街道办事处的工作要求").contains("整治如意东片区背街小巷");

        driver.sign("ruyihu-ruyidong", east);
        driver.sign("ruyihu-ruyixi", west);

        // the street cannot answer upward while its communities are open
        ProcessInstance street = work(number, "ruyihu");
        assertThatThrownBy(() -> driver.submit("ruyihu", street)).hasMessageContaining("下级单位尚未办结：如意东社区、如意西社区");

        // 如意西社区 asks its street for more time; beyond the street's own deadline it cannot, within it the street refuses
        assertThatThrownBy(() -> driver.complete("ruyihu-ruyixi", west, Map.of(OUTCOME, OUTCOME_EXTEND,
                REQUESTED_DEADLINE, "2026-12-21", EXTENSION_REASON, "施工需协调"))).hasMessageContaining("不能晚于上级单位");
        driver.complete("ruyihu-ruyixi", west, Map.of(OUTCOME, OUTCOME_EXTEND, REQUESTED_DEADLINE, "2026-12-17",
                EXTENSION_REASON, "施工需协调"));
        assertThat(driver.task(west).getTaskDefinitionKey()).isEqualTo("Task_DecideExtension");
        assertThat(engine.getTaskService().createTaskQuery().taskId(driver.task(west).getId()).taskCandidateGroup("dept-ruyihu")
                .count()).as("the street decides, not the office").isEqualTo(1);
        driver.complete("ruyihu", west, Map.of(EXTENSION_APPROVED, false, DECISION_COMMENT, "请按期完成"));
        assertThat(part(number, "ruyihu-ruyixi", "deadline")).isEqualTo("2026-12-15");

        // 如意东社区 is returned for rework once, then accepted by its street
        driver.submit("ruyihu-ruyidong", east);
        driver.complete("ruyihu", east, Map.of(ACCEPTED, false, REVIEW_COMMENT, "缺少整治前后对比照片"));
        driver.submit("ruyihu-ruyidong", east);
        driver.complete("ruyihu", east, Map.of(ACCEPTED, true, QUALITY_RATING, 4, REVIEW_COMMENT, "同意"));
        driver.submit("ruyihu-ruyixi", west);
        driver.complete("ruyihu", west, Map.of(ACCEPTED, true, QUALITY_RATING, 5, REVIEW_COMMENT, "同意"));
        assertThat(part(number, "ruyihu-ruyidong", "status")).isEqualTo("DONE");
        assertThat(part(number, "ruyihu-ruyidong", "score")).startsWith("85"); // 40+10+40-5
        assertThat(part(number, "ruyihu-ruyixi", "score")).startsWith("100");

        // the street answers to the district, the district's other streets too, the district to the office
        driver.submit("ruyihu", street);
        driver.complete("zdxq", street, Map.of(ACCEPTED, true, QUALITY_RATING, 5, REVIEW_COMMENT, "同意"));
        // 100 of its own, its communities averaging 92.5: (92.5 − 100) × 0.3 = −2.25, rounded −2
        assertThat(part(number, "ruyihu", "score")).startsWith("98");
        for (String unit : List.of("longzihu", "boxuelu")) {
            ProcessInstance other = work(number, unit);
            driver.submit(unit, other);
            driver.complete("zdxq", other, Map.of(ACCEPTED, true, QUALITY_RATING, 5, REVIEW_COMMENT, "同意"));
        }
        ProcessInstance district = work(number, "zdxq");
        driver.submit("zdxq", district);
        driver.accept(district, 5);
        driver.executeDueJobs();

        // streets 98, 100, 100 average 99.33: −0.2 rounds to 0, so the district keeps its 100; the directive takes it
        assertThat(part(number, "zdxq", "score")).startsWith("100");
        assertThat(jdbc.queryForObject("SELECT status FROM directive WHERE number = ?", String.class, number))
                .isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("SELECT score FROM directive WHERE number = ?", String.class, number)).startsWith("100");

        // every grant that opens this directive's engine history to a unit (its part's instance to the unit and the
        // units above, the tasks of a sub-part to those above) goes with that history: history cleanup removes it then
        List<Map<String, Object>> historyGrants = jdbc.queryForList("SELECT A.RESOURCE_TYPE_, A.GROUP_ID_, "
                + "A.ROOT_PROC_INST_ID_, A.REMOVAL_TIME_, H.REMOVAL_TIME_ AS HISTORY_REMOVAL FROM ACT_RU_AUTHORIZATION A "
                + "JOIN ACT_HI_PROCINST H ON H.ID_ = A.ROOT_PROC_INST_ID_ WHERE A.RESOURCE_TYPE_ IN (?, ?) "
                + "AND H.BUSINESS_KEY_ = ?", Resources.HISTORIC_PROCESS_INSTANCE.resourceType(),
                Resources.HISTORIC_TASK.resourceType(), number);
        assertThat(historyGrants).extracting(g -> ((Number) g.get("RESOURCE_TYPE_")).intValue())
                .as("the parts' instances and the sub-parts' tasks, each with its root")
                .contains(Resources.HISTORIC_PROCESS_INSTANCE.resourceType(), Resources.HISTORIC_TASK.resourceType());
        assertThat(historyGrants).extracting(g -> g.get("GROUP_ID_")).contains("dept-zdxq", "dept-ruyihu");
        assertThat(historyGrants).allSatisfy(g -> assertThat(g.get("REMOVAL_TIME_")).as(g.toString()).isNotNull()
                .isEqualTo(g.get("HISTORY_REMOVAL")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ IN (?, ?) "
                + "AND ROOT_PROC_INST_ID_ IS NULL AND RESOURCE_ID_ IN (SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? "
                + "UNION SELECT T.ID_ FROM ACT_HI_TASKINST T JOIN ACT_HI_PROCINST P ON P.ID_ = T.PROC_INST_ID_ "
                + "WHERE P.BUSINESS_KEY_ = ?)", Integer.class, Resources.HISTORIC_PROCESS_INSTANCE.resourceType(),
                Resources.HISTORIC_TASK.resourceType(), number, number)).as("no grant on its history left behind by cleanup")
                .isZero();

        // each score explains itself, the roll-up included, in Chinese
        JsonNode scores = JSON.readTree(Http.basic(port, "auditor", "demo").get("/api/audit/directives/" + number + "/scores")
                .body());
        JsonNode streetScore = null;
        for (JsonNode s : scores) {
            if (s.get("department").asText().equals("ruyihu")) {
                streetScore = s.get("score");
            }
        }
        assertThat(streetScore).as(scores.toString()).isNotNull();
        assertThat(streetScore.get("components")).anySatisfy(c -> {
            assertThat(c.get("label").asText()).isEqualTo("下级单位办理得分");
            assertThat(c.get("points").asInt()).isEqualTo(-2);
        });
        assertThat(streetScore.get("inputs")).anySatisfy(f -> {
            assertThat(f.get("label").asText()).isEqualTo("下级单位平均得分");
            assertThat(f.get("value").asDouble()).isEqualTo(92.5);
        });
    }

    @Test
    void aSubPartTakenBackLetsItsHolderSubmitAndNothingOfItStaysOpen() throws Exception {
        Http leader = Http.basic(port, "leader", "demo");
        String number = JSON.readTree(leader.post("/api/directives", """
                {"title":"撤回下派","instruction":"请办理","priority":"normal","leadDepartment":"ruyihu",
                 "deadline":"2026-12-18","reportCycle":"none"}""").body()).get("number").asText();
        driver.sign("ruyihu", work(number, "ruyihu"));
        Http ruyihu = Http.basic(port, "ruyihu", "demo");
        assertThat(ruyihu.post("/api/directives/" + number + "/parts/ruyihu/sub-parts", """
                {"subParts":[{"unit":"ruyihu-ruyidong","instruction":"请社区办理","deadline":"2026-12-15"}]}""").status())
                .isEqualTo(201);
        driver.sign("ruyihu-ruyidong", work(number, "ruyihu-ruyidong"));
        Http ruyidong = Http.basic(port, "ruyihu-ruyidong", "demo");
        assertThat(ruyidong.post("/api/directives/" + number + "/parts/ruyihu-ruyidong/sub-parts", """
                {"subParts":[{"unit":"ruyihu-ruyidong-g1","instruction":"网格员入户","deadline":"2026-12-14"}]}""").status())
                .as("a community passes on to its grid: down to the bottom level").isEqualTo(201);
        assertThat(parts(number)).contains("ruyihu-ruyidong-g1 sub ruyihu-ruyidong");

        Http.Response noReason = ruyihu.post("/api/directives/" + number + "/parts/ruyihu-ruyidong/withdrawal", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(Http.basic(port, "longzihu", "demo").post("/api/directives/" + number
                + "/parts/ruyihu-ruyidong/withdrawal", "{\"reason\":\"不是我的\"}").status()).isIn(403, 404);
        Http.Response withdrawn = ruyihu.post("/api/directives/" + number + "/parts/ruyihu-ruyidong/withdrawal",
                "{\"reason\":\"街道自行办理\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(JSON.readTree(withdrawn.body()).get("cancelled")).extracting(JsonNode::asText)
                .containsExactly("ruyihu-ruyidong", "ruyihu-ruyidong-g1");
        assertThat(part(number, "ruyihu-ruyidong-g1", "status")).isEqualTo("CANCELLED");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count())
                .as("the directive and the street only").isEqualTo(2);
        driver.submit("ruyihu", work(number, "ruyihu"));
        assertThat(part(number, "ruyihu", "status")).isEqualTo("UNDER_REVIEW");
        assertThat(jdbc.queryForList("SELECT type FROM directive_event WHERE directive_number = ? ORDER BY id", String.class,
                number)).contains("PASSED_DOWN", "SUB_PART_WITHDRAWN");
    }

    private ProcessInstance work(String number, String unit) {
        ProcessInstance work = driver.departmentWork(number, unit);
        assertThat(work).as(unit + "'s part of " + number).isNotNull();
        return work;
    }

    private List<String> parts(String number) {
        return jdbc.query("SELECT department, role, parent_department FROM directive_department WHERE directive_number = ? "
                + "ORDER BY position", (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " "
                + (rs.getString(3) == null ? "-" : rs.getString(3)), number);
    }

    private String part(String number, String unit, String column) {
        return String.valueOf(jdbc.queryForObject("SELECT " + column + " FROM directive_department WHERE directive_number = ? "
                + "AND department = ?", Object.class, number, unit));
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
