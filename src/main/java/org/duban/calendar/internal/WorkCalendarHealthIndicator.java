package org.duban.calendar.internal;

import java.util.SortedSet;

import org.duban.calendar.WorkCalendar;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Tells operators which years run on the weekends-only fallback, so that a missing holiday file is
 * noticed before deadlines land on holidays. The calendar still works, so the status stays UP.
 */
@Component("workCalendarHealthIndicator")
class WorkCalendarHealthIndicator implements HealthIndicator {

    private final WorkCalendar calendar;

    WorkCalendarHealthIndicator(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Health health() {
        int thisYear = calendar.today().getYear();
        int nextYear = thisYear + 1;
        SortedSet<Integer> fallbackYears = calendar.fallbackYearsUsed();
        if (!calendar.hasSchedule(thisYear)) {
            fallbackYears.add(thisYear);
        }
        Health.Builder health = Health.up()
                .withDetail("years", calendar.configuredYears())
                .withDetail("fallbackYears", fallbackYears);
        if (!fallbackYears.isEmpty()) {
            health.withDetail("warning", "No holiday file for " + fallbackYears
                    + ": those dates are counted Monday to Friday only");
        } else if (!calendar.hasSchedule(nextYear)) {
            health.withDetail("notice", "No holiday file for " + nextYear + " yet");
        }
        return health.build();
    }
}
