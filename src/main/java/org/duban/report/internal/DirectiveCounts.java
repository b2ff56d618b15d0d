package org.duban.report.internal;

import java.time.LocalDate;

import org.duban.directive.DirectiveStatistics;
import org.duban.directive.DirectiveStatistics.Day;
import org.duban.organisation.Department;
import org.duban.organisation.Organisation;
import org.springframework.stereotype.Component;

/** Directives dispatched and closed within a span of days, as the directive module counts them. */
@Component
class DirectiveCounts {

    private final DirectiveStatistics statistics;
    private final Organisation organisation;

    DirectiveCounts(DirectiveStatistics statistics, Organisation organisation) {
        this.statistics = statistics;
        this.organisation = organisation;
    }

    int dispatched(LocalDate from, LocalDate to) {
        return statistics.count(Day.DISPATCHED, from, to);
    }

    int closed(LocalDate from, LocalDate to) {
        return statistics.count(Day.CLOSED, from, to);
    }

    ReportContent.Listing dispatchedList(LocalDate from, LocalDate to, int limit) {
        return listing(Day.DISPATCHED, from, to, limit);
    }

    ReportContent.Listing closedList(LocalDate from, LocalDate to, int limit) {
        return listing(Day.CLOSED, from, to, limit);
    }

    private ReportContent.Listing listing(Day day, LocalDate from, LocalDate to, int limit) {
        var lines = statistics.list(day, from, to, limit).stream()
                .map(l -> new ReportContent.Line(l.number(), l.title(), name(l.leadUnit()), l.deadline(), null, l.score()))
                .toList();
        return new ReportContent.Listing(statistics.count(day, from, to), lines);
    }

    private String name(String code) {
        return organisation.department(code).map(Department::name).orElse(code);
    }
}
