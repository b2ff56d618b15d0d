package org.duban.directive;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

import org.duban.calendar.WorkCalendar;

/** How often a department must report progress while handling (进度反馈). */
public enum ReportCycle {
    NONE("none"), DAILY("daily"), WEEKLY("weekly"), MONTHLY("monthly");

    private final String key;

    ReportCycle(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The working day by which the next report is due, counting from {@code from}. */
    public LocalDate nextDue(LocalDate from, WorkCalendar calendar) {
        return switch (this) {
            case NONE -> throw new IllegalStateException("no progress reports are due");
            case DAILY -> calendar.plusWorkingDays(from, 1);
            case WEEKLY -> calendar.plusWorkingDays(from, 5);
            case MONTHLY -> firstWorkingDayOnOrAfter(from.plusMonths(1), calendar);
        };
    }

    private static LocalDate firstWorkingDayOnOrAfter(LocalDate date, WorkCalendar calendar) {
        return calendar.isWorkingDay(date) ? date : calendar.plusWorkingDays(date, 1);
    }

    public static Optional<ReportCycle> ofKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
