package org.duban.system.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.support.Nodes;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the engine keeps of a directive on Duban's history level, and a database made by FULL taken over.
 * The audit tests (AuditIT and the trail's pages) prove that auditors read everything they did before.
 */
@Tag("database")
class EngineHistoryIT {

    private static final String QUIET = "logging.level.root=warn";

    @Test
    void keepsTasksOperationsAndDecisionsAndNoneOfTheStepsVariablesOrActivities() {
        assertThat(new AuditHistoryLevel().keeps(HistoryEventTypes.USER_OPERATION_LOG)).isTrue();
        try (Nodes nodes = Nodes.onFreshDatabase("history")) {
            ConfigurableApplicationContext node = nodes.start("history-a", QUIET);
            ProcessEngine engine = node.getBean(ProcessEngine.class);
            assertThat(engine.getProcessEngineConfiguration().getHistory()).isEqualTo(AuditHistoryLevel.NAME);
            String number = closeADirective(engine);

            HistoryService history = engine.getHistoryService();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).finished().count())
                    .as("the directive's and its part's instances").isEqualTo(2);
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number).finished().count())
                    .as("sign, handle, review").isEqualTo(3);
            assertThat(history.createUserOperationLogQuery().operationType("Complete").count()).isGreaterThanOrEqualTo(3);
            assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("department-score").count())
                    .as("Cockpit's decision instances").isEqualTo(1);
            assertThat(history.createHistoricActivityInstanceQuery().count()).isZero();
            assertThat(history.createHistoricVariableInstanceQuery().count()).isZero();
            assertThat(history.createHistoricDetailQuery().count()).isZero();
            assertThat(history.createHistoricJobLogQuery().count()).as("jobs that ran fine leave no log").isZero();
            assertThat(history.createHistoricIdentityLinkLogQuery().count()).isZero();
        }
    }

    @Test
    void aDatabaseStartedOnFullHistoryIsTakenOverAtTheNextStart() {
        try (Nodes nodes = Nodes.onFreshDatabase("history_switch")) {
            ConfigurableApplicationContext full = nodes.start("history-full", QUIET, "camunda.bpm.history-level=full");
            JdbcTemplate jdbc = new JdbcTemplate(full.getBean(javax.sql.DataSource.class));
            assertThat(stored(jdbc)).isEqualTo("3");
            closeADirective(full.getBean(ProcessEngine.class));
            full.close();

            ConfigurableApplicationContext duban = nodes.start("history-duban", QUIET);
            assertThat(stored(new JdbcTemplate(duban.getBean(javax.sql.DataSource.class))))
                    .isEqualTo(Integer.toString(AuditHistoryLevel.ID));
            ProcessEngine engine = duban.getBean(ProcessEngine.class);
            long activities = engine.getHistoryService().createHistoricActivityInstanceQuery().count();
            assertThat(activities).as("FULL's history stays readable").isPositive();
            closeADirective(engine);
            assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().count()).isEqualTo(activities);
        }
    }

    private static String stored(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'", String.class);
    }

    private static String closeADirective(ProcessEngine engine) {
        ProcessDriver driver = new ProcessDriver(engine);
        ProcessInstance directive = driver.issue("leader", "kjj", "", LocalDate.now(ZoneId.of("Asia/Shanghai"))
                .plusMonths(1).toString(), "none");
        driver.executeDueJobs();
        String number = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(directive.getId()).singleResult().getBusinessKey();
        ProcessInstance work = driver.departmentWork(number, "kjj");
        driver.sign("kjj", work);
        driver.submit("kjj", work);
        driver.accept(work, 5);
        driver.executeDueJobs();
        return number;
    }
}
