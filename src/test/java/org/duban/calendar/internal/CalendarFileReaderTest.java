package org.duban.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.duban.calendar.CalendarYear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarFileReaderTest {

    private final CalendarFileReader reader = new CalendarFileReader();

    @Test
    void readsHolidayRangesAndSwappedDays() {
        CalendarYear year = read("2026.yaml", """
                year: 2026
                holidays:
                  - {name: 春节, from: 2026-02-15, to: 2026-02-17}
                workdays: [2026-02-14]
                """);
        assertThat(year.daysOff()).containsExactlyInAnyOrder(
                LocalDate.parse("2026-02-15"), LocalDate.parse("2026-02-16"), LocalDate.parse("2026-02-17"));
        assertThat(year.swappedWorkdays()).containsExactly(LocalDate.parse("2026-02-14"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "year: 2026\\nholidays: [{name: 春节, from: 2026-02-20, to: 2026-02-15}]|holiday '春节': ends before it starts",
            "year: 2026\\nholidays: [{name: 元旦, from: 2025-12-31, to: 2026-01-01}]|2025-12-31 is outside 2026",
            "year: 2026\\nworkdays: [2026-02-13]|2026-02-13: is not a weekend day",
            "year: 2026\\nholidays: [{name: x, from: 2026-02-14, to: 2026-02-14}]\\nworkdays: [2026-02-14]|also listed as a holiday",
            "year: 2025|declares year 2025 but is named for another year",
            "holidays: []|'year' is missing",
            "year: 2026\\nholiday: []|not a readable calendar file"})
    void refusesAWrongFileNamingTheEntry(String content, String message) {
        assertThatThrownBy(() -> read("2026.yaml", content.replace("\\n", "\n")))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageStartingWith("processes/calendars/2026.yaml: ")
                .hasMessageContaining(message);
    }

    private CalendarYear read(String name, String content) {
        return reader.read("processes/calendars/" + name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }
}
