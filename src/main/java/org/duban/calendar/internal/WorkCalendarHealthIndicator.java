package org.duban.calendar.internal;

import java.util.SortedSet;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.duban.calendar.WorkCalendar;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Tells operators which years run on the weekends-only fallback, so that a missing holiday file is
 * noticed before deadlines land on holidays. The calendar still works, so the status stays UP.
 * Gauge {@code duban.calendar.fallback-years}.
 */
@Component("workCalendarHealthIndicator")
class WorkCalendarHealthIndicator implements HealthIndicator {

    private final WorkCalendar calendar;

    WorkCalendarHealthIndicator(WorkCalendar calendar, MeterRegistry registry) {
        this.calendar = calendar;
        Gauge.builder("duban.calendar.fallback-years", this, indicator -> indicator.fallbackYears().size())
                .description("Years counted Monday to Friday for want of an official holiday schedule").register(registry);
    }

    @Override
    public Health health() {
        int nextYear = calendar.today().getYear() + 1;
        SortedSet<Integer> fallbackYears = fallbackYears();
        Health.Builder health = Health.up()
                .withDetail("years", calendar.configuredYears())
                .withDetail("fallbackYears", fallbackYears);
        if (!fallbackYears.isEmpty()) {
            health.withDetail("warning", "No holiday schedule for " + fallbackYears
                    + ": those dates are counted Monday to Friday only");
        } else if (!calendar.hasSchedule(nextYear)) {
            health.withDetail("notice", "No holiday schedule for " + nextYear + " yet (load it on /admin/calendar)");
        }
        return health.build();
    }

    /** Years asked for without a schedule, and this year when it has none. */
    private SortedSet<Integer> fallbackYears() {
        int thisYear = calendar.today().getYear();
        SortedSet<Integer> years = calendar.fallbackYearsUsed();
        if (!calendar.hasSchedule(thisYear)) {
            years.add(thisYear);
        }
        return years;
    }
}
