package org.duban.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.duban.calendar.CalendarYear;

/** Reads and checks one {@code processes/calendars/<year>.yaml}. */
class CalendarFileReader {

    record Holiday(String name, LocalDate from, LocalDate to) {}

    record CalendarFile(Integer year, String source, List<Holiday> holidays, List<LocalDate> workdays) {}

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    CalendarYear read(String fileName, InputStream content) {
        CalendarFile file;
        try {
            file = yaml.readValue(content, CalendarFile.class);
        } catch (IOException e) {
            throw new InvalidCalendarException(fileName + ": not a readable calendar file: " + e.getMessage());
        }
        if (file == null || file.year() == null) {
            throw new InvalidCalendarException(fileName + ": 'year' is missing");
        }
        int year = file.year();
        if (!fileName.endsWith(year + ".yaml")) {
            throw new InvalidCalendarException(fileName + ": declares year " + year + " but is named for another year");
        }
        Set<LocalDate> daysOff = new HashSet<>();
        for (Holiday holiday : nullSafe(file.holidays())) {
            String entry = fileName + ": holiday '" + holiday.name() + "'";
            if (holiday.from() == null || holiday.to() == null) {
                throw new InvalidCalendarException(entry + ": 'from' and 'to' are required");
            }
            if (holiday.to().isBefore(holiday.from())) {
                throw new InvalidCalendarException(entry + ": ends before it starts");
            }
            for (LocalDate day = holiday.from(); !day.isAfter(holiday.to()); day = day.plusDays(1)) {
                requireYear(entry, day, year);
                daysOff.add(day);
            }
        }
        Set<LocalDate> workdays = new HashSet<>();
        for (LocalDate day : nullSafe(file.workdays())) {
            String entry = fileName + ": swapped working day " + day;
            requireYear(entry, day, year);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new InvalidCalendarException(entry + ": is not a weekend day, so it needs no swap");
            }
            if (daysOff.contains(day)) {
                throw new InvalidCalendarException(entry + ": is also listed as a holiday");
            }
            workdays.add(day);
        }
        return new CalendarYear(year, file.source(), daysOff, workdays);
    }

    private static void requireYear(String entry, LocalDate day, int year) {
        if (day.getYear() != year) {
            throw new InvalidCalendarException(entry + ": " + day + " is outside " + year);
        }
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }
}
