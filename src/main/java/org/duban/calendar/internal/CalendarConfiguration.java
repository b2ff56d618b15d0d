package org.duban.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
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

@Slf4j
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    WorkCalendar workCalendar(ResourcePatternResolver resources, Clock clock,
            @Value("${duban.calendar.location}") String location) throws IOException {
        CalendarFileReader reader = new CalendarFileReader();
        Map<Integer, CalendarYear> years = new HashMap<>();
        for (Resource resource : resources.getResources(location)) {
            String name = "processes/calendars/" + resource.getFilename();
            try (InputStream in = resource.getInputStream()) {
                CalendarYear year = reader.read(name, in);
                if (years.put(year.year(), year) != null) {
                    throw new InvalidCalendarException(name + ": a second file for " + year.year());
                }
            }
        }
        log.info("Working-day calendar loaded for {}", years.keySet());
        return new WorkCalendar(years, clock);
    }
}
