package org.duban.directive;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the directive read model. Called from process steps, so each write joins the engine's
 * transaction: the read model never shows a step that did not commit, nor misses one that did.
 */
@Component
public class DirectiveRecords {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DirectiveLights lights;

    DirectiveRecords(JdbcTemplate jdbc, Clock clock, DirectiveLights lights) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lights = lights;
    }

    public void insert(NewDirective d, String processInstanceId) {
        LocalDate yellowFrom = lights.yellowFrom(d.category(), d.priority().key(), d.deadline());
        jdbc.update("INSERT INTO directive (number, title, instruction, category, priority, lead_department, deadline, "
                        + "report_cycle, status, issued_by, issued_at, issued_on, process_instance_id, yellow_from) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                d.number(), d.title(), d.instruction(), d.category(), d.priority().key(), d.leadDepartment(),
                d.deadline(), d.reportCycle().key(), (d.draft() ? DirectiveStatus.DRAFT : DirectiveStatus.IN_PROGRESS).name(),
                d.issuedBy(), now(), today(), processInstanceId, yellowFrom);
        List<String> departments = d.departments();
        for (int i = 0; i < departments.size(); i++) {
            jdbc.update("INSERT INTO directive_department (directive_number, department, role, position, status, "
                            + "original_deadline, deadline, yellow_from) VALUES (?,?,?,?,?,?,?,?)",
                    d.number(), departments.get(i), i == 0 ? "lead" : "co", i, DepartmentStatus.TO_SIGN.name(),
                    d.deadline(), d.deadline(), yellowFrom);
        }
        lights.refresh(d.number());
    }

    public java.util.Optional<String> issuer(String number) {
        return jdbc.queryForList("SELECT issued_by FROM directive WHERE number = ?", String.class, number).stream().findFirst();
    }

    public java.util.Optional<String> title(String number) {
        return jdbc.queryForList("SELECT title FROM directive WHERE number = ?", String.class, number).stream().findFirst();
    }

    public java.util.Optional<DirectiveStatus> status(String number) {
        return jdbc.queryForList("SELECT status FROM directive WHERE number = ?", String.class, number).stream()
                .findFirst().map(DirectiveStatus::valueOf);
    }

    /** The departments taking part in a directive, lead first. */
    public List<String> departmentsOf(String number) {
        return jdbc.queryForList("SELECT department FROM directive_department WHERE directive_number = ? ORDER BY position",
                String.class, number);
    }

    public void status(String number, DirectiveStatus status) {
        jdbc.update("UPDATE directive SET status = ? WHERE number = ?", status.name(), number);
        lights.refresh(number);
    }

    /** The directive reaches its departments: from now on they see it. */
    public void dispatched(String number) {
        jdbc.update("UPDATE directive SET status = ?, dispatched_on = ? WHERE number = ?", DirectiveStatus.IN_PROGRESS.name(),
                today(), number);
        lights.refresh(number);
    }

    /** Whether the directive ever reached its departments (a withdrawn draft never did). */
    public boolean wasDispatched(String number) {
        return !jdbc.queryForList("SELECT number FROM directive WHERE number = ? AND dispatched_on IS NOT NULL",
                String.class, number).isEmpty();
    }

    public java.util.Optional<DepartmentStatus> departmentStatus(String number, String department) {
        return jdbc.queryForList("SELECT status FROM directive_department WHERE directive_number = ? AND department = ?",
                String.class, number, department).stream().findFirst().map(DepartmentStatus::valueOf);
    }

    public void departmentStatus(String number, String department, DepartmentStatus status) {
        jdbc.update("UPDATE directive_department SET status = ? WHERE directive_number = ? AND department = ?",
                status.name(), number, department);
        lights.refresh(number, department);
    }

    public void signed(String number, String department, int signLateDays) {
        jdbc.update("UPDATE directive_department SET status = ?, signed_at = ?, sign_late_days = ? "
                        + "WHERE directive_number = ? AND department = ?",
                DepartmentStatus.HANDLING.name(), now(), signLateDays, number, department);
        lights.refresh(number, department);
    }

    public void submitted(String number, String department, int lateDays) {
        jdbc.update("UPDATE directive_department SET status = ?, submitted_at = ?, late_days = ? "
                        + "WHERE directive_number = ? AND department = ?",
                DepartmentStatus.UNDER_REVIEW.name(), now(), lateDays, number, department);
        lights.refresh(number, department);
    }

    public int urged(String number, String department) {
        return increment("urge_count", number, department);
    }

    public int returnedForRework(String number, String department) {
        jdbc.update("UPDATE directive_department SET status = ? WHERE directive_number = ? AND department = ?",
                DepartmentStatus.HANDLING.name(), number, department);
        lights.refresh(number, department);
        return increment("rework_count", number, department);
    }

    public int extended(String number, String department, LocalDate newDeadline) {
        Map<String, Object> d = jdbc.queryForMap("SELECT category, priority FROM directive WHERE number = ?", number);
        jdbc.update("UPDATE directive_department SET deadline = ?, yellow_from = ?, status = ? WHERE directive_number = ? "
                        + "AND department = ?", newDeadline,
                lights.yellowFrom((String) d.get("category"), (String) d.get("priority"), newDeadline),
                DepartmentStatus.HANDLING.name(), number, department);
        lights.refresh(number, department);
        return increment("extension_count", number, department);
    }

    public void escalated(String number, String department) {
        jdbc.update("UPDATE directive_department SET escalated = TRUE WHERE directive_number = ? AND department = ?",
                number, department);
    }

    public void scored(String number, String department, DepartmentScore score) {
        jdbc.update("UPDATE directive_department SET status = ?, done_at = ?, done_on = ?, score = ?, weight = ?, "
                        + "score_components = ?, quality_rating = ? WHERE directive_number = ? AND department = ?",
                DepartmentStatus.DONE.name(), now(), today(), score.score(), score.weight(), score.componentsJson(),
                score.qualityRating(), number, department);
        lights.refresh(number, department);
    }

    public void directiveScore(String number, BigDecimal score) {
        jdbc.update("UPDATE directive SET score = ? WHERE number = ?", score, number);
    }

    public void closed(String number) {
        jdbc.update("UPDATE directive SET status = ?, closed_at = ?, closed_on = ? WHERE number = ?",
                DirectiveStatus.CLOSED.name(), now(), today(), number);
        lights.refresh(number);
    }

    public void rejected(String number) {
        ended(number, DirectiveStatus.REJECTED);
    }

    public void cancelled(String number) {
        ended(number, DirectiveStatus.CANCELLED);
    }

    /** Rejected or withdrawn: every department part that is not done is cancelled with it. */
    private void ended(String number, DirectiveStatus status) {
        jdbc.update("UPDATE directive SET status = ?, closed_at = ?, closed_on = ? WHERE number = ?", status.name(), now(),
                today(), number);
        jdbc.update("UPDATE directive_department SET status = ? WHERE directive_number = ? AND status <> ?",
                DepartmentStatus.CANCELLED.name(), number, DepartmentStatus.DONE.name());
        lights.refresh(number);
    }

    /** Records that a reminder of this kind went out for this date; false if it already had. */
    public boolean firstReminder(String number, String department, String kind, LocalDate referenceDate) {
        return jdbc.update("INSERT INTO reminder_sent (directive_number, department, kind, reference_date) "
                        + "SELECT ?, ?, ?, ? FROM directive_department WHERE directive_number = ? AND department = ? "
                        + "AND NOT EXISTS (SELECT 1 FROM reminder_sent WHERE directive_number = ? AND department = ? "
                        + "AND kind = ? AND reference_date = ?)",
                number, department, kind, referenceDate, number, department, number, department, kind, referenceDate) > 0;
    }

    public List<DepartmentScore> scores(String number) {
        return jdbc.query("SELECT score, weight, score_components, quality_rating FROM directive_department "
                        + "WHERE directive_number = ? AND status = ? ORDER BY position",
                (rs, row) -> new DepartmentScore(rs.getBigDecimal("score"), rs.getBigDecimal("weight"),
                        rs.getString("score_components"), (Integer) rs.getObject("quality_rating")),
                number, DepartmentStatus.DONE.name());
    }

    private int increment(String column, String number, String department) {
        jdbc.update("UPDATE directive_department SET " + column + " = " + column + " + 1 "
                + "WHERE directive_number = ? AND department = ?", number, department);
        return count("SELECT " + column + " FROM directive_department WHERE directive_number = ? AND department = ?",
                number, department);
    }

    private int count(String sql, Object... args) {
        Integer value = jdbc.queryForObject(sql, Integer.class, args);
        return value == null ? 0 : value;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(org.duban.calendar.WorkCalendar.ZONE));
    }
}
