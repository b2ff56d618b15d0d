package org.duban.directive;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.duban.calendar.WorkCalendar;

/** Timer dates as the engine reads them: ISO 8601 with Beijing's offset. */
public final class BusinessTime {

    /** Reminders and urges go out at the start of the office day. */
    public static final LocalTime OFFICE_HOURS_START = LocalTime.of(9, 0);
    private static final LocalTime PROGRESS_DUE_TIME = LocalTime.of(17, 30);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private BusinessTime() {
    }

    public static String at(LocalDate date, LocalTime time) {
        return ISO.format(date.atTime(time).atZone(WorkCalendar.ZONE).toOffsetDateTime());
    }

    public static String morningOf(LocalDate date) {
        return at(date, OFFICE_HOURS_START);
    }

    /** A date as people and forms send it: {@code 2026-12-31}, or a date-time whose date part counts. */
    public static LocalDate parseDate(String text) {
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    /** Progress reports are due at the end of the office day they fall on. */
    public static String progressDueAt(LocalDate day) {
        return at(day, PROGRESS_DUE_TIME);
    }

    public static LocalDate dateOf(String iso) {
        return OffsetDateTime.parse(iso).atZoneSameInstant(WorkCalendar.ZONE).toLocalDate();
    }
}
