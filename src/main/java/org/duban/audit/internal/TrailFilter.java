package org.duban.audit.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.duban.calendar.WorkCalendar;

/**
 * What an auditor narrows a trail to, by source (督办 events, the engine, mail), unit, person, event type and
 * period; the same on the page, the API and the exports. Every criterion is optional.
 */
record TrailFilter(String source, String department, String person, String type, LocalDate from, LocalDate to) {

    static final Map<String, String> SOURCES = Map.of("DUBAN", "督办事件", "ENGINE", "流程引擎", "MAIL", "邮件通知");

    List<TrailEntry> apply(List<TrailEntry> entries) {
        return entries.stream()
                .filter(e -> blank(source) || source.equalsIgnoreCase(e.source()))
                .filter(e -> blank(department) || department.equals(e.department()))
                .filter(e -> blank(person) || person.equals(e.actor()))
                .filter(e -> blank(type) || type.equalsIgnoreCase(e.type()))
                .filter(e -> from == null || !e.at().isBefore(startOf(from)))
                .filter(e -> to == null || e.at().isBefore(startOf(to.plusDays(1))))
                .toList();
    }

    boolean isEmpty() {
        return blank(source) && blank(department) && blank(person) && blank(type) && from == null && to == null;
    }

    static OffsetDateTime startOf(LocalDate date) {
        return date.atStartOfDay(WorkCalendar.ZONE).toOffsetDateTime();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
