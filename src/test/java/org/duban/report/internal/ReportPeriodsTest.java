package org.duban.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.duban.calendar.WorkCalendar;
import org.duban.calendar.internal.ShippedCalendar;
import org.duban.report.ReportKind;
import org.duban.report.ReportPeriod;
import org.duban.system.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Report days by the shipped 2026 calendar, around the Spring Festival and National Day. */
class ReportPeriodsTest {

    private final WorkCalendar calendar = ShippedCalendar.of2026(
            Clock.fixed(Instant.parse("2026-11-25T00:30:00Z"), WorkCalendar.ZONE));
    private final ReportPeriods periods = new ReportPeriods(calendar);

    @Test
    void theSpringFestival() {
        assertThat(reportsBetween("2026-02-09", "2026-03-03")).containsExactly(
                Map.entry("2026-02-09", "daily 2026-02-09 (2026-02-06..2026-02-08), weekly 2026-W06"),
                Map.entry("2026-02-10", "daily 2026-02-10 (2026-02-09..2026-02-09)"),
                Map.entry("2026-02-11", "daily 2026-02-11 (2026-02-10..2026-02-10)"),
                Map.entry("2026-02-12", "daily 2026-02-12 (2026-02-11..2026-02-11)"),
                Map.entry("2026-02-13", "daily 2026-02-13 (2026-02-12..2026-02-12)"),
                // the swapped Saturday is worked, and reported
                Map.entry("2026-02-14", "daily 2026-02-14 (2026-02-13..2026-02-13)"),
                // nine days off; the week of 9 February is analysed on the first working day after them, and
                // the week of 16 February, all holiday, has no analysis
                Map.entry("2026-02-24", "daily 2026-02-24 (2026-02-14..2026-02-23), weekly 2026-W07"),
                Map.entry("2026-02-25", "daily 2026-02-25 (2026-02-24..2026-02-24)"),
                Map.entry("2026-02-26", "daily 2026-02-26 (2026-02-25..2026-02-25)"),
                Map.entry("2026-02-27", "daily 2026-02-27 (2026-02-26..2026-02-26)"),
                // February's last day is a working Saturday: the month is summed up after it, on Monday
                Map.entry("2026-02-28", "daily 2026-02-28 (2026-02-27..2026-02-27)"),
                Map.entry("2026-03-02", "daily 2026-03-02 (2026-02-28..2026-03-01), weekly 2026-W09, monthly 2026-02"),
                Map.entry("2026-03-03", "daily 2026-03-03 (2026-03-02..2026-03-02)"));
    }

    @Test
    void midAutumnAndNationalDay() {
        assertThat(reportsBetween("2026-09-24", "2026-10-12")).containsExactly(
                Map.entry("2026-09-24", "daily 2026-09-24 (2026-09-23..2026-09-23)"),
                Map.entry("2026-09-28", "daily 2026-09-28 (2026-09-24..2026-09-27), weekly 2026-W39"),
                Map.entry("2026-09-29", "daily 2026-09-29 (2026-09-28..2026-09-28)"),
                Map.entry("2026-09-30", "daily 2026-09-30 (2026-09-29..2026-09-29)"),
                // the first working day of October is also the first of the fourth quarter
                Map.entry("2026-10-08", "daily 2026-10-08 (2026-09-30..2026-10-07), weekly 2026-W40, monthly 2026-09, "
                        + "quarterly 2026-Q3"),
                Map.entry("2026-10-09", "daily 2026-10-09 (2026-10-08..2026-10-08)"),
                Map.entry("2026-10-10", "daily 2026-10-10 (2026-10-09..2026-10-09)"),
                Map.entry("2026-10-12", "daily 2026-10-12 (2026-10-10..2026-10-11), weekly 2026-W41"));
    }

    @Test
    void theNewYearHolidayMovesTheYearsFirstReports() {
        assertThat(reportsBetween("2025-12-29", "2026-01-05")).containsExactly(
                Map.entry("2025-12-29", "daily 2025-12-29 (2025-12-26..2025-12-28), weekly 2025-W52"),
                Map.entry("2025-12-30", "daily 2025-12-30 (2025-12-29..2025-12-29)"),
                Map.entry("2025-12-31", "daily 2025-12-31 (2025-12-30..2025-12-30)"),
                // 1–3 January off, Sunday 4 January worked
                Map.entry("2026-01-04", "daily 2026-01-04 (2025-12-31..2026-01-03), monthly 2025-12, quarterly 2025-Q4"),
                Map.entry("2026-01-05", "daily 2026-01-05 (2026-01-04..2026-01-04), weekly 2026-W01"));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "yearly    | 2026      | kind   | 报告类型应为",
            "daily     | 2026-02-16| period | 2026-02-16 不是工作日，没有日报告",
            "daily     | 20260224  | period | 日报告的期间应为日期",
            "weekly    | 2026-W08  | period | 2026年第8周没有工作日，没有周分析",
            "weekly    | 2026-11   | period | 周分析的期间应写作 2026-W48",
            "monthly   | 2026-13   | period | 月小结的期间应写作 2026-11",
            "monthly   | 2026-11   | period | 2026年11月尚未结束，还不能生成月小结",
            "quarterly | 2026-Q4   | period | 尚未结束",
            "daily     | 2026-11-26| period | 尚未结束"})
    void refusesPeriodsWithoutAReport(String kind, String period, String field, String message) {
        assertThatThrownBy(() -> periods.parse(kind, period)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo(field);
                    assertThat(p.message()).contains(message);
                }));
    }

    @Test
    void acceptsEndedPeriods() {
        assertThat(periods.parse("daily", "2026-11-25").from()).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(periods.parse("weekly", "2026-W47").asOf()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(periods.parse("quarterly", "2026-Q3").title()).isEqualTo("2026年第三季度督办季讲评");
    }

    private Map<String, String> reportsBetween(String first, String last) {
        Map<String, String> days = new LinkedHashMap<>();
        for (LocalDate day = LocalDate.parse(first); !day.isAfter(LocalDate.parse(last)); day = day.plusDays(1)) {
            StringBuilder due = new StringBuilder();
            for (ReportKind kind : ReportKind.values()) {
                LocalDate today = day;
                periods.dueOn(kind, day).ifPresent(p -> {
                    due.append(due.isEmpty() ? "" : ", ").append(kind.key()).append(' ').append(p.key());
                    if (kind == ReportKind.DAILY) {
                        due.append(" (").append(p.from()).append("..").append(p.to()).append(')');
                        assertThat(p.asOf()).isEqualTo(today);
                    }
                });
            }
            if (!due.isEmpty()) {
                days.put(day.toString(), due.toString());
            }
        }
        return days;
    }
}
