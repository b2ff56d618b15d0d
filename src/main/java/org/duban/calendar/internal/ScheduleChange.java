package org.duban.calendar.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.duban.calendar.CalendarYear;

/**
 * What loading a schedule changes against the one in force: days that become days off or working
 * days again, swapped working days added or dropped. Shown as the preview before it is applied, and
 * kept, in words, with the schedule's history.
 *
 * @param newYear the year had no schedule (it was counted Monday to Friday)
 */
record ScheduleChange(int year, boolean newYear, String sourceBefore, String source, List<LocalDate> addedDaysOff,
        List<LocalDate> removedDaysOff, List<LocalDate> addedWorkdays, List<LocalDate> removedWorkdays) {

    static ScheduleChange between(CalendarYear before, CalendarYear after) {
        Set<LocalDate> offBefore = before == null ? Set.of() : before.daysOff();
        Set<LocalDate> workBefore = before == null ? Set.of() : before.swappedWorkdays();
        return new ScheduleChange(after.year(), before == null, before == null ? null : before.source(), after.source(),
                minus(after.daysOff(), offBefore), minus(offBefore, after.daysOff()),
                minus(after.swappedWorkdays(), workBefore), minus(workBefore, after.swappedWorkdays()));
    }

    /** Nothing to apply: the same days (the source's wording alone does not move a deadline). */
    @JsonProperty
    public boolean unchanged() {
        return !newYear && addedDaysOff.isEmpty() && removedDaysOff.isEmpty() && addedWorkdays.isEmpty()
                && removedWorkdays.isEmpty();
    }

    /** The change in Chinese, for the history. */
    @JsonProperty
    public String summary() {
        if (newYear) {
            return year + " 年首次载入：假日 " + addedDaysOff.size() + " 天，调休上班 " + addedWorkdays.size() + " 天";
        }
        if (unchanged()) {
            return year + " 年安排未变";
        }
        StringBuilder text = new StringBuilder(year + " 年安排变更：");
        part(text, "新增假日", addedDaysOff);
        part(text, "取消假日", removedDaysOff);
        part(text, "新增调休上班", addedWorkdays);
        part(text, "取消调休上班", removedWorkdays);
        return text.toString();
    }

    private static void part(StringBuilder text, String label, List<LocalDate> days) {
        if (!days.isEmpty()) {
            if (text.charAt(text.length() - 1) != '：') {
                text.append('；');
            }
            text.append(label).append(' ').append(days.stream().map(LocalDate::toString).collect(Collectors.joining("、")));
        }
    }

    private static List<LocalDate> minus(Set<LocalDate> these, Set<LocalDate> those) {
        SortedSet<LocalDate> result = new TreeSet<>(these);
        result.removeAll(those);
        return List.copyOf(result);
    }
}
