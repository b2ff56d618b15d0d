package org.duban.calendar.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import lombok.extern.slf4j.Slf4j;

import org.duban.calendar.CalendarYear;
import org.duban.calendar.WorkCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The calendar at start-up: the files {@code processes/calendars/<year>.yaml} seed the database, which
 * holds the schedules in force from then on. A year is taken from its file when the database has none,
 * or when the one it has came from an older version of that file; a year an administrator loaded is
 * kept (the log says when the file differs).
 */
@Slf4j
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    WorkCalendar workCalendar(ResourcePatternResolver resources, Clock clock, CalendarSchedules schedules,
            @Value("${duban.calendar.location}") String location) throws IOException {
        CalendarFileReader reader = new CalendarFileReader();
        Map<Integer, String> files = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        for (Resource resource : resources.getResources(location)) {
            String name = "processes/calendars/" + resource.getFilename();
            String content;
            try (InputStream in = resource.getInputStream()) {
                content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            CalendarYear year = reader.read(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
            if (files.put(year.year(), content) != null) {
                throw new InvalidCalendarException(name + ": a second file for " + year.year(), year.year() + " 年有两个日历文件");
            }
            names.put(year.year(), name);
        }
        Map<Integer, CalendarSchedules.Stored> stored = schedules.current();
        files.forEach((number, content) -> seed(schedules, stored.get(number), reader, names.get(number), content, clock));

        Map<Integer, CalendarYear> years = new HashMap<>();
        schedules.current().forEach((number, row) -> years.put(number,
                reader.read("calendar_schedule " + row.id() + " (" + number + ")", row.content())));
        log.info("Working-day calendar loaded for {}", years.keySet());
        return new WorkCalendar(years, clock);
    }

    private static void seed(CalendarSchedules schedules, CalendarSchedules.Stored stored, CalendarFileReader reader,
            String name, String content, Clock clock) {
        if (stored != null && (!stored.fromFile() || stored.content().equals(content))) {
            if (!stored.fromFile() && !stored.content().equals(content)) {
                log.info("{} differs from the schedule {} loaded on {}; the loaded one stays in force", name,
                        stored.loadedBy(), stored.loadedAt());
            }
            return;
        }
        CalendarYear year = reader.read(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        CalendarYear before = stored == null ? null
                : reader.read("calendar_schedule " + stored.id(), stored.content());
        ScheduleChange change = ScheduleChange.between(before, year);
        schedules.insert(year.year(), year.source(), content, null, name, OffsetDateTime.now(clock),
                change.summary() + "（来自 " + name + "）");
    }
}
