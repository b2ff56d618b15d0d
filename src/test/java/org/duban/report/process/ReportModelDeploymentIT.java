package org.duban.report.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.report.ReportKind;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The configured crons reach the timers: written into the report model when it is deployed, so a changed cron
 * deploys it again and an unchanged one does not.
 */
@DubanIntegrationTest
@TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=false", "duban.reports.cron=0 0 9 * * ?"})
class ReportModelDeploymentIT {

    @Autowired
    ReportModelDeployment deployment;
    @Autowired
    ProcessEngine engine;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachTimerRunsOnItsConfiguredCronInBeijingTime() {
        ProcessDriver.clock("2026-03-04T10:00:00+08:00");
        assertThat(deployment.withConfiguredCrons()).contains("0 0 9 * * ?").doesNotContain("${reportSchedule.");
        assertThat(dueOf().getHour()).as("09:00 Beijing, whatever the machine's zone").isEqualTo(9);
        assertThat(dueOf().getMinute()).isZero();
    }

    @Test
    void anUnchangedCronIsNotDeployedAgainAChangedOneIs() {
        int versions = versions();
        deployment.atStartUp();
        assertThat(versions()).as("nothing changed").isEqualTo(versions);

        ReportModelDeployment changed = new ReportModelDeployment(new ReportSchedule("0 0 7 * * ?"),
                engine.getRepositoryService());
        ProcessDriver.clock("2026-03-04T10:00:00+08:00");
        changed.atStartUp();
        assertThat(versions()).isEqualTo(versions + 1);
        assertThat(dueOf().toInstant()).as("the old version's timer is replaced")
                .isEqualTo(OffsetDateTime.parse("2026-03-05T07:00:00+08:00").toInstant());
        deployment.atStartUp();
    }

    private java.time.ZonedDateTime dueOf() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(ReportKind.PROCESS).timers()
                .singleResult().getDuedate().toInstant().atZone(org.duban.calendar.WorkCalendar.ZONE);
    }

    private int versions() {
        return (int) engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(ReportKind.PROCESS)
                .count();
    }
}
