package org.duban.report.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duban.directive.DirectiveStatistics;
import org.duban.directive.Light;
import org.duban.organisation.Department;
import org.duban.organisation.Organisation;
import org.springframework.stereotype.Component;

/**
 * Which directives were open at the end of a given day, and which of them showed yellow or red the next
 * morning: their parts as the directive module reconstructs them for that day, lit by the one light rule, so a
 * report says what the overview said that morning.
 */
@Component
class OpenDirectives {

    record Snapshot(int open, List<ReportContent.Line> dueSoon, List<ReportContent.Line> overdue) {}

    private static final Comparator<ReportContent.Line> EARLIEST_DEADLINE_FIRST = Comparator
            .comparing(ReportContent.Line::deadline).thenComparing(ReportContent.Line::number);

    private final DirectiveStatistics statistics;
    private final Organisation organisation;

    OpenDirectives(DirectiveStatistics statistics, Organisation organisation) {
        this.statistics = statistics;
        this.organisation = organisation;
    }

    /**
     * Directives dispatched by the end of {@code lastDay} and neither closed nor withdrawn by then, with their parts
     * not yet accepted by then; a directive is overdue when one of those parts shows red on {@code lightDay}, and
     * due soon when none does and one shows yellow.
     */
    Snapshot asOf(LocalDate lastDay, LocalDate lightDay) {
        Map<String, List<DirectiveStatistics.OpenPart>> byDirective = new LinkedHashMap<>();
        statistics.openPartsAsOf(lastDay, lightDay)
                .forEach(p -> byDirective.computeIfAbsent(p.number(), n -> new ArrayList<>()).add(p));
        List<ReportContent.Line> dueSoon = new ArrayList<>();
        List<ReportContent.Line> overdue = new ArrayList<>();
        for (List<DirectiveStatistics.OpenPart> parts : byDirective.values()) {
            List<DirectiveStatistics.OpenPart> red = parts.stream().filter(p -> p.light() == Light.RED).toList();
            List<DirectiveStatistics.OpenPart> yellow = parts.stream().filter(p -> p.light() == Light.YELLOW).toList();
            if (!red.isEmpty()) {
                overdue.add(line(red));
            } else if (!yellow.isEmpty()) {
                dueSoon.add(line(yellow));
            }
        }
        dueSoon.sort(EARLIEST_DEADLINE_FIRST);
        overdue.sort(EARLIEST_DEADLINE_FIRST);
        return new Snapshot(byDirective.size(), dueSoon, overdue);
    }

    private ReportContent.Line line(List<DirectiveStatistics.OpenPart> parts) {
        DirectiveStatistics.OpenPart first = parts.get(0);
        LocalDate deadline = parts.stream().map(DirectiveStatistics.OpenPart::deadline).min(LocalDate::compareTo)
                .orElseThrow();
        return new ReportContent.Line(first.number(), first.title(), name(first.leadUnit()), deadline,
                parts.stream().map(p -> name(p.unit())).toList(), null);
    }

    private String name(String code) {
        return organisation.department(code).map(Department::name).orElse(code);
    }
}
