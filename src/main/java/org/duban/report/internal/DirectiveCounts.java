package org.duban.report.internal;

import java.time.LocalDate;
import java.util.List;

import org.duban.organisation.Department;
import org.duban.organisation.Organisation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Directives dispatched and closed within a span of days, by the read model's {@code dispatched_on} and {@code closed_on}. */
@Component
class DirectiveCounts {

    /** Office drafts count on the day a leader approved and dispatched them; refused or withdrawn drafts never do. */
    private static final String DISPATCHED = "dispatched_on >= ? AND dispatched_on <= ?";
    private static final String CLOSED = "closed_on >= ? AND closed_on <= ? AND status = 'CLOSED'";

    private final JdbcTemplate jdbc;
    private final Organisation organisation;

    DirectiveCounts(JdbcTemplate jdbc, Organisation organisation) {
        this.jdbc = jdbc;
        this.organisation = organisation;
    }

    int dispatched(LocalDate from, LocalDate to) {
        return count(DISPATCHED, from, to);
    }

    int closed(LocalDate from, LocalDate to) {
        return count(CLOSED, from, to);
    }

    ReportContent.Listing dispatchedList(LocalDate from, LocalDate to, int limit) {
        return listing(DISPATCHED, "NULL", from, to, limit);
    }

    ReportContent.Listing closedList(LocalDate from, LocalDate to, int limit) {
        return listing(CLOSED, "score", from, to, limit);
    }

    private int count(String where, LocalDate from, LocalDate to) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM directive WHERE " + where, Integer.class, from, to);
        return count == null ? 0 : count;
    }

    /** {@code score} is shown only for closed directives: an open one's score is not final, and a report must not change. */
    private ReportContent.Listing listing(String where, String score, LocalDate from, LocalDate to, int limit) {
        List<ReportContent.Line> lines = jdbc.query("SELECT number, title, lead_department, deadline, " + score
                        + " FROM directive "
                        + "WHERE " + where + " ORDER BY number LIMIT ?",
                (rs, i) -> new ReportContent.Line(rs.getString(1), rs.getString(2), name(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), null, rs.getBigDecimal(5)),
                from, to, limit);
        return new ReportContent.Listing(count(where, from, to), lines);
    }

    private String name(String code) {
        return organisation.department(code).map(Department::name).orElse(code);
    }
}
