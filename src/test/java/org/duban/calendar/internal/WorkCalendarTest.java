package org.duban.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.duban.calendar.CalendarYear;
import org.duban.calendar.WorkCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 2026 schedule as published, read from the very file the application deploys. */
class WorkCalendarTest {

    static WorkCalendar calendar;

    @BeforeAll
    static void readTheShippedCalendar() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("processes/calendars/2026.yaml"))) {
            CalendarYear year = new CalendarFileReader().read("processes/calendars/2026.yaml", in);
            calendar = new WorkCalendar(Map.of(2026, year),
                    Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), WorkCalendar.ZONE));
        }
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-02-13, 1, 2026-02-14",   // Friday before the Spring Festival: the swapped Saturday is worked
            "2026-02-14, 1, 2026-02-24",   // then nine days off
            "2026-09-30, 1, 2026-10-08",   // National Day week
            "2026-01-02, 1, 2026-01-04",   // New Year: Sunday 4 January is worked
            "2026-04-03, 1, 2026-04-07",   // Qingming
            "2026-11-25, 3, 2026-11-30",   // an ordinary week: over the weekend
            "2026-02-24, -1, 2026-02-14",  // backwards over the holiday
            "2026-11-30, -3, 2026-11-25",
            "2026-11-25, 0, 2026-11-25"})
    void addsWorkingDays(LocalDate from, int days, LocalDate expected) {
        assertThat(calendar.plusWorkingDays(from, days)).isEqualTo(expected);
    }

    @Test
    void knowsHolidaysAndSwappedWeekends() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();   // Saturday, swapped
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse();  // Monday, Spring Festival
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();   // Saturday, swapped
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-28"))).isFalse();  // ordinary Saturday
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-25"))).isTrue();   // ordinary Wednesday
    }

    @Test
    void countsWorkingDaysBetweenDates() {
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-02-13"), LocalDate.parse("2026-02-24"))).isEqualTo(2);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-09"))).isEqualTo(2);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-10-09"), LocalDate.parse("2026-09-30"))).isEqualTo(-2);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-25"))).isZero();
        // September has 22 weekdays, minus Friday 25th off, plus Sunday 20th worked
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-08-31"), LocalDate.parse("2026-09-30"))).isEqualTo(22);
    }

    @Test
    void aYearWithoutAFileFallsBackToWeekdaysAndSaysSo() {
        assertThat(calendar.fallbackYearsUsed()).doesNotContain(2027);
        // 2027-01-01 is a Friday: without the 2027 notice it is counted as a working day, not guessed
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isTrue();
        assertThat(calendar.plusWorkingDays(LocalDate.parse("2026-12-31"), 2)).isEqualTo(LocalDate.parse("2027-01-04"));
        assertThat(calendar.fallbackYearsUsed()).contains(2027);
        assertThat(calendar.hasSchedule(2027)).isFalse();
    }

    @Test
    void todayIsBeijingTime() {
        WorkCalendar lateUtc = new WorkCalendar(Map.of(), Clock.fixed(Instant.parse("2026-11-25T17:00:00Z"), java.time.ZoneOffset.UTC));
        assertThat(lateUtc.today()).isEqualTo(LocalDate.parse("2026-11-26"));
    }
}
