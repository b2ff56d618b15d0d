package org.duban.report.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportScheduleTest {

    @Test
    void theFirstFiringOfADayIsInBeijingTime() {
        ReportSchedule schedule = new ReportSchedule("0 30 8 * * ?");
        assertThat(schedule.firstFiringOn(LocalDate.parse("2026-12-02")).toString())
                .isEqualTo("2026-12-02T08:30+08:00[Asia/Shanghai]");
        assertThat(new ReportSchedule("0 30 8 * * MON-FRI").firstFiringOn(LocalDate.parse("2026-12-05")))
                .as("a Saturday without a firing").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 30 8 * * ? 2026", "30 8 * * *", "every morning", ""})
    void refusesWhatTheEngineWouldRefuse(String cron) {
        // Camunda 7.24 reads Spring-style cron: a Quartz year field or a five-field Unix cron is refused
        assertThatThrownBy(() -> new ReportSchedule(cron)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("duban.reports.cron");
    }
}
