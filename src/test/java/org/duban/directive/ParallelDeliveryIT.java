package org.duban.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.duban.support.ProcessDriver;
import org.duban.support.TwentyUnits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job executor delivers a directive's batches two at a time, each on its own thread: every unit receives its
 * part exactly once, the two lanes of a round join without an incident (a conflict of two batches finishing together
 * repeats only the join), and the directive waits for the parts with all of them delivered and lit.
 */
@SpringBootTest(properties = {TwentyUnits.ORGANISATION, "duban.dispatch.batch-size=2",
        "duban.dispatch.first-batch-size=2"})
@Tag("database")
class ParallelDeliveryIT {

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void batchesGoOutTwoAtATimeAndEveryUnitReceivesItsPartOnce() throws Exception {
        ProcessDriver driver = new ProcessDriver(engine);
        String instance = TwentyUnits.issueToAll(driver);
        String number = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance)
                .singleResult().getBusinessKey();

        await().atMost(Duration.ofSeconds(60)).until(() -> engine.getRuntimeService().createExecutionQuery()
                .processInstanceId(instance).activityId("Task_AwaitParts").count() == 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT process_instance_id) FROM directive_department "
                + "WHERE directive_number = ? AND light = 'GREEN'", Integer.class, number)).isEqualTo(TwentyUnits.COUNT);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count())
                .as("the directive and one department-work instance per unit").isEqualTo(TwentyUnits.COUNT + 1);
        for (String code : TwentyUnits.codes()) {
            assertThat(driver.departmentWork(number, code)).as(code).isNotNull();
        }
        // how many batches it took depends on how the two lanes met (H2 may hand a lane fewer parts than the batch
        // holds while the other lane has the next ones locked): what holds is that each unit was reached by one
        List<String> reached = new ArrayList<>();
        for (String details : jdbc.queryForList("SELECT details FROM directive_event WHERE directive_number = ? "
                + "AND type = 'DISPATCHED' ORDER BY id", String.class, number)) {
            new ObjectMapper().readTree(details).get("departments").forEach(unit -> reached.add(unit.asText()));
        }
        assertThat(reached).as("each unit named by one delivery").containsExactlyInAnyOrderElementsOf(TwentyUnits.codes());
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).count())
                .as("no batch or join left behind").isZero();
        assertThat(jdbc.queryForObject("SELECT light FROM directive WHERE number = ?", String.class, number))
                .isEqualTo("GREEN");
    }
}
