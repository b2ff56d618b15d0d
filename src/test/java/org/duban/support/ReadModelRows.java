package org.duban.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import org.duban.calendar.WorkCalendar;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes directive read-model rows directly, for tests that count figures by hand: each row says exactly the
 * dates the scorecards and reports read, without driving a process through weeks of engine time.
 */
public final class ReadModelRows {

    private final JdbcTemplate jdbc;

    public ReadModelRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A directive issued (registered) on {@code issuedOn}, with its lead department first. */
    public Directive directive(String number, String issuedOn, String deadline) {
        return new Directive(number, LocalDate.parse(issuedOn), LocalDate.parse(deadline));
    }

    public final class Directive {

        private final String number;
        private final LocalDate issuedOn;
        private final LocalDate deadline;
        private String status = "IN_PROGRESS";
        private LocalDate closedOn;
        private BigDecimal score;
        private int parts;

        private Directive(String number, LocalDate issuedOn, LocalDate deadline) {
            this.number = number;
            this.issuedOn = issuedOn;
            this.deadline = deadline;
        }

        public Directive draft() {
            status = "DRAFT";
            return this;
        }

        public Directive rejected(String on) {
            status = "REJECTED";
            closedOn = LocalDate.parse(on);
            return this;
        }

        public Directive withdrawn(String on) {
            status = "CANCELLED";
            closedOn = LocalDate.parse(on);
            return this;
        }

        public Directive closed(String on, double directiveScore) {
            status = "CLOSED";
            closedOn = LocalDate.parse(on);
            score = BigDecimal.valueOf(directiveScore);
            return this;
        }

        /** Writes the directive; call before its parts. */
        public Directive save(String leadDepartment) {
            jdbc.update("INSERT INTO directive (number, title, instruction, category, priority, lead_department, deadline, "
                            + "report_cycle, status, issued_by, issued_at, issued_on, dispatched_on, closed_at, closed_on, score, "
                            + "yellow_from) VALUES (?, ?, '请按期办理。', 'general', 'normal', ?, ?, 'none', ?, 'leader', ?, ?, ?, ?, ?, ?, ?)",
                    number, "事项" + number, leadDepartment, deadline, status, at(issuedOn), issuedOn,
                    // a leader's directive reaches its departments the day it is issued
                    "DRAFT".equals(status) || "REJECTED".equals(status) ? null : issuedOn,
                    closedOn == null ? null : at(closedOn), closedOn, score, deadline.minusDays(3));
            return this;
        }

        /** A part not yet accepted: {@code status} TO_SIGN, HANDLING, UNDER_REVIEW or CANCELLED. */
        public Directive open(String department, String status, String partDeadline, String yellowFrom) {
            insertPart(department, status, LocalDate.parse(partDeadline), LocalDate.parse(yellowFrom), null, null, null, 0);
            return this;
        }

        /** A part accepted on {@code doneOn}; {@code lateDays} null or ≤ 0 is on time. */
        public Directive done(String department, String partDeadline, String doneOn, Integer lateDays, double partScore,
                int urges) {
            insertPart(department, "DONE", LocalDate.parse(partDeadline), LocalDate.parse(partDeadline).minusDays(3),
                    LocalDate.parse(doneOn), lateDays, BigDecimal.valueOf(partScore), urges);
            return this;
        }

        private void insertPart(String department, String partStatus, LocalDate partDeadline, LocalDate yellowFrom,
                LocalDate doneOn, Integer lateDays, BigDecimal partScore, int urges) {
            jdbc.update("INSERT INTO directive_department (directive_number, department, role, position, status, "
                            + "original_deadline, deadline, yellow_from, done_at, done_on, late_days, score, urge_count) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    number, department, parts == 0 ? "lead" : "co", parts, partStatus, deadline, partDeadline, yellowFrom,
                    doneOn == null ? null : at(doneOn), doneOn, lateDays, partScore, urges);
            parts++;
        }
    }

    private static OffsetDateTime at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(WorkCalendar.ZONE).toOffsetDateTime();
    }
}
