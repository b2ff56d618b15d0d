package org.duban.system;

import java.time.Clock;

import org.duban.calendar.WorkCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(WorkCalendar.ZONE);
    }
}
