package org.duban.report;

import java.time.LocalDate;

import org.duban.scorecard.Period;

/**
 * What one report covers. A daily report is named after the working day it is issued on and covers the days
 * since the previous working day ({@code from}..{@code to}, holidays included); the other kinds are named after
 * the week, month or quarter they cover. Every figure is taken as it stood at the end of {@code to}, and lights
 * as they show on {@code asOf}, the day after: read-model dates, never the moment of generation.
 */
public record ReportPeriod(ReportKind kind, String key, String label, LocalDate from, LocalDate to, LocalDate asOf) {

    /** The daily report issued on {@code day}, covering the days after {@code previousWorkingDay}. */
    public static ReportPeriod daily(LocalDate day, LocalDate previousWorkingDay) {
        return new ReportPeriod(ReportKind.DAILY, day.toString(),
                day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日",
                previousWorkingDay, day.minusDays(1), day);
    }

    public static ReportPeriod covering(ReportKind kind, Period period) {
        if (kind.periodKind() != period.kind()) {
            throw new IllegalArgumentException(kind + " does not cover a " + period.kind());
        }
        return new ReportPeriod(kind, period.key(), period.label(), period.from(), period.to(), period.to().plusDays(1));
    }

    /** The scorecard period covered; only for weekly, monthly and quarterly reports. */
    public Period period() {
        return new Period(kind.periodKind(), from, to);
    }

    /** 2026年11月25日督办日报告, 2026年第四季度督办季讲评. */
    public String title() {
        return label + "督办" + kind.title();
    }
}
