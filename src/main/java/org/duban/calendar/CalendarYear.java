package org.duban.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * One year's official schedule: the days off that fall on weekdays or weekends, and the weekend
 * days that are worked instead (调休).
 */
public record CalendarYear(int year, String source, Set<LocalDate> daysOff, Set<LocalDate> swappedWorkdays) {

    public CalendarYear {
        daysOff = Set.copyOf(daysOff);
        swappedWorkdays = Set.copyOf(swappedWorkdays);
    }
}
