package org.duban.report.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duban.organisation.Department;
import org.duban.organisation.Organisation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which directives were open at the end of a given day, and which of them showed yellow or red the next
 * morning, reconstructed from the read model's dates (issued, closed, each part's acceptance) rather than from
 * the stored lights, which only ever say how things stand now.
 */
@Component
class OpenDirectives {

    record Snapshot(int open, List<ReportContent.Line> dueSoon, List<ReportContent.Line> overdue) {}

    private record Part(String number, String title, String lead, String department, LocalDate deadline,
            LocalDate yellowFrom) {}

    private static final Comparator<ReportContent.Line> EARLIEST_DEADLINE_FIRST = Comparator
            .comparing(ReportContent.Line::deadline).thenComparing(ReportContent.Line::number);

    private final JdbcTemplate jdbc;
    private final Organisation organisation;

    OpenDirectives(JdbcTemplate jdbc, Organisation organisation) {
        this.jdbc = jdbc;
        this.organisation = organisation;
    }

    /**
     * Directives dispatched by the end of {@code lastDay} and neither closed nor withdrawn by then, with their
     * departments not yet accepted by then; lit as on {@code lightDay}: red once past a deadline, yellow from
     * the warning day. A part waiting for review counts as open: it is not done until the office accepts it.
     */
    Snapshot asOf(LocalDate lastDay, LocalDate lightDay) {
        Map<String, List<Part>> byDirective = new LinkedHashMap<>();
        jdbc.query("SELECT d.number, d.title, d.lead_department, p.department, p.deadline, p.yellow_from "
                        + "FROM directive d JOIN directive_department p ON p.directive_number = d.number "
                        + "WHERE d.dispatched_on <= ? "
                        + "AND (d.closed_on IS NULL OR d.closed_on > ?) AND (p.done_on IS NULL OR p.done_on > ?) "
                        + "ORDER BY d.number, p.position",
                rs -> {
                    Part part = new Part(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class));
                    byDirective.computeIfAbsent(part.number(), n -> new ArrayList<>()).add(part);
                }, lastDay, lastDay, lastDay);
        List<ReportContent.Line> dueSoon = new ArrayList<>();
        List<ReportContent.Line> overdue = new ArrayList<>();
        for (List<Part> parts : byDirective.values()) {
            List<Part> red = parts.stream().filter(p -> p.deadline().isBefore(lightDay)).toList();
            List<Part> yellow = parts.stream().filter(p -> !p.deadline().isBefore(lightDay))
                    .filter(p -> p.yellowFrom() != null && !p.yellowFrom().isAfter(lightDay)).toList();
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

    private ReportContent.Line line(List<Part> parts) {
        Part first = parts.get(0);
        LocalDate deadline = parts.stream().map(Part::deadline).min(LocalDate::compareTo).orElseThrow();
        return new ReportContent.Line(first.number(), first.title(), name(first.lead()), deadline,
                parts.stream().map(p -> name(p.department())).toList(), null);
    }

    private String name(String code) {
        return organisation.department(code).map(Department::name).orElse(code);
    }
}
