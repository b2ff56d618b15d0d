package org.duban.report.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The configured cron reaches the timers: at deployment, and after a change of configuration, which the
 * application's deployment (changed files only) would not notice by itself.
 */
@DubanIntegrationTest
@TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=false", "duban.reports.weekly-cron=0 0 9 * * ?"})
class ApplyReportScheduleIT {

    @Autowired
    ApplyReportSchedule apply;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachTimerRunsOnItsConfiguredCron() {
        assertThat(repeat("daily-report")).isEqualTo("0 30 8 * * ?");
        assertThat(repeat("weekly-report")).isEqualTo("0 0 9 * * ?");
    }

    @Test
    void aTimerLeftOnAnOldCronIsDeployedAgainWithTheConfiguredOne() {
        // as if the model had been deployed while another cron was configured
        jdbc.update("UPDATE ACT_RU_JOB SET REPEAT_ = '0 0 7 * * ?' WHERE PROCESS_DEF_KEY_ = 'monthly-report'");
        int versions = versions("monthly-report");

        ProcessDriver.clock("2026-03-04T10:00:00+08:00");
        apply.atStartUp();

        assertThat(versions("monthly-report")).isEqualTo(versions + 1);
        assertThat(repeat("monthly-report")).isEqualTo("0 30 8 * * ?");
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey("monthly-report").timers()
                .singleResult().getDuedate().toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-03-05T08:30:00+08:00").toInstant());
        assertThat(versions("daily-report")).as("untouched").isEqualTo(1);

        apply.atStartUp();
        assertThat(versions("monthly-report")).as("nothing to do the second time").isEqualTo(versions + 1);
    }

    private String repeat(String processKey) {
        return ((TimerEntity) engine.getManagementService().createJobQuery().processDefinitionKey(processKey).timers()
                .singleResult()).getRepeat();
    }

    private int versions(String processKey) {
        return (int) engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey).count();
    }
}
