package org.duban.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A directive to more units than one batch: the issuing request returns with the first batch delivered, the rest
 * follow as jobs of their own, two side by side (here run by hand, one after the other), each unit once; the page
 * counts 已送达 N/M. {@link ParallelDeliveryIT} lets the job executor run them at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=false", "duban.dispatch.batch-size=2"})
@Tag("database")
class BatchDeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstBatchGoesOutWithTheRequestAndTheRestFollowInJobs() throws Exception {
        Http leader = Http.basic(port, "leader", "demo");
        Http.Response issued = leader.post("/api/directives", """
                {"title":"分批送达","instruction":"请各单位办理","priority":"normal","leadDepartment":"dsjj",
                 "coDepartments":["kjj","zdxq","dfs","dsjj-zwfw"],"deadline":"%s"}
                """.formatted(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30)));
        assertThat(issued.status()).isEqualTo(201);
        JsonNode directive = JSON.readTree(issued.body());
        String number = directive.get("number").asText();
        assertThat(directive.get("delivered").asInt()).isEqualTo(2);
        assertThat(directive.get("parts").asInt()).isEqualTo(5);
        String page = Http.loggedIn(port, "leader", "demo").get("/directives/" + number).body();
        assertThat(page).contains("已送达 2/5");
        assertThat(page.split("送达中", -1)).as("the three parts not yet delivered say so").hasSize(4);
        assertThat(Http.basic(port, "dfs", "demo").get("/engine-rest/task?processInstanceBusinessKey=" + number).body())
                .as("a unit of a later batch has no task yet").isEqualTo("[]");
        assertThat(lights(number)).as("a part lights up as it reaches its unit, not before")
                .containsExactly("dsjj=GREEN", "kjj=GREEN", "zdxq=-", "dfs=-", "dsjj-zwfw=-");
        assertThat(jdbc.queryForObject("SELECT light FROM directive WHERE number = ?", String.class, number))
                .as("the directive with its first batch").isEqualTo("GREEN");

        ProcessDriver driver = new ProcessDriver(engine);
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM directive WHERE number = ?", String.class,
                number);
        List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instance).messages().list();
        assertThat(jobs).as("the two batches left go out side by side").hasSize(2);
        while (!jobs.isEmpty()) {
            engine.getManagementService().executeJob(jobs.get(0).getId());
            jobs = engine.getManagementService().createJobQuery().processInstanceId(instance).messages().list();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directive_department WHERE directive_number = ? "
                + "AND process_instance_id IS NOT NULL", Integer.class, number)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT process_instance_id) FROM directive_department "
                + "WHERE directive_number = ?", Integer.class, number)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directive_event WHERE directive_number = ? "
                + "AND type = 'DISPATCHED'", Integer.class, number)).as("one delivery record per batch").isEqualTo(3);
        for (String unit : List.of("dsjj", "kjj", "zdxq", "dfs", "dsjj-zwfw")) {
            assertThat(driver.departmentWork(number, unit)).as(unit).isNotNull();
        }
        assertThat(JSON.readTree(leader.get("/api/directives/" + number).body()).get("delivered").asInt()).isEqualTo(5);
        assertThat(lights(number)).containsExactly("dsjj=GREEN", "kjj=GREEN", "zdxq=GREEN", "dfs=GREEN",
                "dsjj-zwfw=GREEN");
        assertThat(Http.loggedIn(port, "leader", "demo").get("/directives/" + number).body()).doesNotContain("送达中");
    }

    /** unit=light of every part in position order, {@code -} for none. */
    private List<String> lights(String number) {
        return jdbc.query("SELECT department, light FROM directive_department WHERE directive_number = ? ORDER BY position",
                (rs, i) -> rs.getString(1) + "=" + (rs.getString(2) == null ? "-" : rs.getString(2)), number);
    }
}
