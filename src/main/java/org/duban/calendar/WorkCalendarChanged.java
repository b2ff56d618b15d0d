package org.duban.calendar;

import java.util.Set;

/**
 * Published once, on the node where an administrator loaded a schedule, after it is in force there
 * (other nodes pick the schedule up without an event). Listeners re-arm timers and recompute the
 * dates of open work that fall in {@code years}. Published inside the loading transaction, so a
 * transactional listener runs after it committed.
 *
 * @param years     the years whose schedule changed
 * @param changedBy the administrator's login
 */
public record WorkCalendarChanged(Set<Integer> years, String changedBy) {

    public WorkCalendarChanged {
        years = Set.copyOf(years);
    }
}
