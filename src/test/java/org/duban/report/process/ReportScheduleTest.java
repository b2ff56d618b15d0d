package org.duban.report.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.duban.report.ReportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportScheduleTest {

    private static final String DAILY = "0 30 8 * * ?";

    @Test
    void eachKindHasItsOwnSetting() {
        ReportSchedule schedule = new ReportSchedule(DAILY, "0 0 9 * * ?", "0 0 10 * * ?", "0 0 11 * * ?");
        assertThat(schedule.getWeeklyCron()).isEqualTo(schedule.cron(ReportKind.WEEKLY)).isEqualTo("0 0 9 * * ?");
        assertThat(schedule.cron(ReportKind.QUARTERLY)).isEqualTo("0 0 11 * * ?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 30 8 * * ? 2026", "30 8 * * *", "every morning", ""})
    void refusesWhatTheEngineWouldRefuse(String cron) {
        // Camunda 7.24 reads Spring-style cron: a Quartz year field or a five-field Unix cron is refused
        assertThatThrownBy(() -> new ReportSchedule(DAILY, cron, DAILY, DAILY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("duban.reports.weekly-cron");
    }
}
