package org.duban.report.process;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A start after the report time fills in today's missing report, and those of the days it was down;
 * a start before it leaves today's to the timer.
 */
@DubanIntegrationTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
// catching up writes reports on every day since the last one; the classes after this one must not find them
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CatchUpMissedReportsIT {

    @Autowired
    CatchUpMissedReports catchUp;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aStartAfterHalfPastEightProducesTodaysMissingReportOnce() {
        ProcessDriver.clock("2026-03-04T08:29:00+08:00");
        catchUp.atStartUp();
        assertThat(reports("2026-03-04")).as("the timer will fire at 08:30").isZero();

        ProcessDriver.clock("2026-03-04T10:15:00+08:00");
        catchUp.atStartUp();
        catchUp.atStartUp();
        assertThat(reports("2026-03-04")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE subject = ?", Integer.class,
                "【督办报告】2026年3月4日督办日报告")).isEqualTo(2);
    }

    @Test
    void daysMissedWhileDownAreReportedAfterwardsEachOnce() {
        // the last report before the outage: Monday 11 May 2026
        ProcessDriver.clock("2026-05-11T09:00:00+08:00");
        catchUp.atStartUp();
        assertThat(reports("2026-05-11")).isEqualTo(1);

        // down on Tuesday and Wednesday, back on Thursday morning
        ProcessDriver.clock("2026-05-14T09:00:00+08:00");
        catchUp.atStartUp();
        catchUp.atStartUp();
        assertThat(List.of(reports("2026-05-12"), reports("2026-05-13"), reports("2026-05-14"))).containsExactly(1, 1, 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE subject = ?", Integer.class,
                "【督办报告】2026年5月12日督办日报告")).as("mailed late, but mailed once").isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT as_of FROM report WHERE kind = 'daily' AND period_key = '2026-05-12'",
                java.time.LocalDate.class)).as("reported as on its own day").isEqualTo("2026-05-12");
    }

    @Test
    void nothingIsCaughtUpOnAHoliday() {
        ProcessDriver.clock("2026-04-06T10:00:00+08:00");
        catchUp.atStartUp();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM report WHERE period_key = '2026-04-06'", Integer.class))
                .isZero();
    }

    private int reports(String day) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM report WHERE kind = 'daily' AND period_key = ?", Integer.class,
                day);
    }
}
