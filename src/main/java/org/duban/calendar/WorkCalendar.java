package org.duban.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

import lombok.extern.slf4j.Slf4j;

/**
 * Working days as Chinese government offices count them: Monday to Friday, minus the State
 * Council's holidays, plus its swapped working weekends. A year without a schedule is counted
 * Monday to Friday only, and that is reported, never hidden: guessing holidays would move deadlines.
 * Schedules are loaded without a restart (admin page, API) and then replaced on every node.
 */
@Slf4j
public class WorkCalendar {

    /** Business dates are Beijing time, whatever the server's zone. */
    public static final ZoneId ZONE = org.duban.system.BeijingTime.ZONE;

    /** Replaced whole when a schedule is loaded, so a computation sees one version of the calendar. */
    private volatile Map<Integer, CalendarYear> years;
    private final Clock clock;
    private final Set<Integer> fallbackYearsUsed = new ConcurrentSkipListSet<>();

    public WorkCalendar(Map<Integer, CalendarYear> years, Clock clock) {
        this.years = Map.copyOf(years);
        this.clock = clock.withZone(ZONE);
    }

    /**
     * Puts the schedules of {@code loaded} in force, replacing every year held so far. Called by the
     * calendar module only (at start-up and whenever a node sees a schedule loaded on the admin page);
     * others learn of a change from {@link WorkCalendarChanged}.
     */
    public void replaceYears(Map<Integer, CalendarYear> loaded) {
        this.years = Map.copyOf(loaded);
        fallbackYearsUsed.removeAll(loaded.keySet());
    }

    /** The schedule in force for {@code year}, if there is one. */
    public Optional<CalendarYear> schedule(int year) {
        return Optional.ofNullable(years.get(year));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public boolean isWorkingDay(LocalDate date) {
        return isWorkingDay(years, date);
    }

    private boolean isWorkingDay(Map<Integer, CalendarYear> years, LocalDate date) {
        CalendarYear year = years.get(date.getYear());
        if (year == null) {
            noteFallback(date.getYear());
            return !isWeekend(date);
        }
        if (year.swappedWorkdays().contains(date)) {
            return true;
        }
        return !isWeekend(date) && !year.daysOff().contains(date);
    }

    /** The date {@code days} working days after {@code date} (before it when negative). */
    public LocalDate plusWorkingDays(LocalDate date, int days) {
        Map<Integer, CalendarYear> years = this.years;
        int step = days >= 0 ? 1 : -1;
        LocalDate result = date;
        for (int remaining = Math.abs(days); remaining > 0; ) {
            result = result.plusDays(step);
            if (isWorkingDay(years, result)) {
                remaining--;
            }
        }
        return result;
    }

    /**
     * Working days from {@code from} (exclusive) to {@code to} (inclusive); negative when {@code to}
     * lies before {@code from}. When {@code plusWorkingDays(a, n)} is {@code b}, this is {@code n}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        Map<Integer, CalendarYear> years = this.years;
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(years, day)) {
                count++;
            }
        }
        return count;
    }

    public SortedSet<Integer> configuredYears() {
        return new TreeSet<>(years.keySet());
    }

    /** Years for which a date was asked but no holiday file exists. */
    public SortedSet<Integer> fallbackYearsUsed() {
        return new TreeSet<>(fallbackYearsUsed);
    }

    public boolean hasSchedule(int year) {
        return years.containsKey(year);
    }

    private void noteFallback(int year) {
        if (fallbackYearsUsed.add(year)) {
            log.warn("No holiday schedule for {}: counting Monday to Friday only. Load it on /admin/calendar "
                    + "(or PUT /api/calendar/years/{}) once the State Council publishes it.", year, year);
        }
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
