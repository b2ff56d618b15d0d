package org.duban.calendar.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.duban.calendar.CalendarYear;

/**
 * Reads and checks one year's schedule in the format of {@code processes/calendars/<year>.yaml}: from
 * the file at start-up, or as text loaded by an administrator. Every refusal says what is wrong in
 * English (log) and Chinese (page and API).
 */
class CalendarFileReader {

    record Holiday(String name, LocalDate from, LocalDate to) {}

    record CalendarFile(Integer year, String source, List<Holiday> holidays, List<LocalDate> workdays) {}

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A file: its name must name the year it declares. */
    CalendarYear read(String fileName, InputStream content) {
        CalendarYear year = parse(fileName, content);
        if (!fileName.endsWith(year.year() + ".yaml")) {
            throw new InvalidCalendarException(fileName + ": declares year " + year.year() + " but is named for another year",
                    "文件声明的年份 " + year.year() + " 与文件名不符");
        }
        return year;
    }

    /** Text an administrator loads; {@code label} names it in messages. */
    CalendarYear read(String label, String content) {
        if (content == null || content.isBlank()) {
            throw new InvalidCalendarException(label + ": empty", "请提供日历内容（与 processes/calendars/*.yaml 相同格式）");
        }
        return parse(label, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private CalendarYear parse(String fileName, InputStream content) {
        CalendarFile file;
        try {
            file = yaml.readValue(content, CalendarFile.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "第 " + e.getLocation().getLineNr() + " 行：";
            throw new InvalidCalendarException(fileName + ": not a readable calendar file: " + e.getOriginalMessage(),
                    "不是有效的日历内容，" + where + "格式或字段有误（字段只有 year、source、holidays、workdays）");
        } catch (IOException e) {
            throw new InvalidCalendarException(fileName + ": not a readable calendar file: " + e.getMessage(),
                    "日历内容无法读取");
        }
        if (file == null || file.year() == null) {
            throw new InvalidCalendarException(fileName + ": 'year' is missing", "缺少年份（year）");
        }
        int year = file.year();
        Set<LocalDate> daysOff = new HashSet<>();
        for (Holiday holiday : nullSafe(file.holidays())) {
            String entry = fileName + ": holiday '" + holiday.name() + "'";
            String chinese = "假日“" + holiday.name() + "”";
            if (holiday.from() == null || holiday.to() == null) {
                throw new InvalidCalendarException(entry + ": 'from' and 'to' are required", chinese + "须有起止日期（from、to）");
            }
            if (holiday.to().isBefore(holiday.from())) {
                throw new InvalidCalendarException(entry + ": ends before it starts", chinese + "的结束日期早于开始日期");
            }
            for (LocalDate day = holiday.from(); !day.isAfter(holiday.to()); day = day.plusDays(1)) {
                requireYear(entry, chinese, day, year);
                daysOff.add(day);
            }
        }
        Set<LocalDate> workdays = new HashSet<>();
        for (LocalDate day : nullSafe(file.workdays())) {
            String entry = fileName + ": swapped working day " + day;
            String chinese = "调休上班日 " + day;
            requireYear(entry, chinese, day, year);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new InvalidCalendarException(entry + ": is not a weekend day, so it needs no swap",
                        chinese + "不是周末，无需调休");
            }
            if (daysOff.contains(day)) {
                throw new InvalidCalendarException(entry + ": is also listed as a holiday", chinese + "同时被列为假日");
            }
            workdays.add(day);
        }
        return new CalendarYear(year, file.source(), daysOff, workdays);
    }

    private static void requireYear(String entry, String chinese, LocalDate day, int year) {
        if (day.getYear() != year) {
            throw new InvalidCalendarException(entry + ": " + day + " is outside " + year, chinese + "：" + day + " 不在 " + year + " 年内");
        }
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }
}
