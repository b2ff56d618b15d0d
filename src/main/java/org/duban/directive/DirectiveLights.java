package org.duban.directive;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.duban.calendar.WorkCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the stored traffic lights of the read model true. A step that changes a directive
 * refreshes its lights in the step's own transaction; {@link #refreshOpen()} moves every open one
 * on when the working day changes, which is the only other thing that can turn a light.
 *
 * <p>Concurrency: a part's light is written only if the part still has the status and deadline it
 * was computed from, so a refresh racing a step never overwrites the step's result. A step writes
 * only its own part and then the directive, in that order, like the refresh, so they cannot
 * deadlock. The directive's light is taken without a lock: two departments finishing at the same
 * moment may leave it one step behind, and the next step on the directive (at the latest, closing
 * it) puts it right.
 */
@Component
public class DirectiveLights {

    private record Part(String department, DepartmentStatus status, LocalDate deadline, LocalDate yellowFrom,
            OffsetDateTime submittedAt, Integer lateDays, String light) {}

    private final JdbcTemplate jdbc;
    private final WorkCalendar calendar;
    private final DirectiveTemplates templates;
    private final TransactionTemplate transaction;

    DirectiveLights(JdbcTemplate jdbc, WorkCalendar calendar, DirectiveTemplates templates,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.templates = templates;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The day from which a deadline shows yellow, by the directive's template and priority. */
    public LocalDate yellowFrom(String category, String priority, LocalDate deadline) {
        int before = templates.forCategory(category).offsets(Priority.ofKey(priority).orElseThrow()).yellowBefore();
        return calendar.plusWorkingDays(deadline, -before);
    }

    /** Recomputes one directive's lights as of today, in the caller's transaction; writes only what changed. */
    public void refresh(String number) {
        refresh(number, null, calendar.today());
    }

    /**
     * After a step on one department's part: that part's light and the directive's. Other parts are
     * left to their own steps, so two departments' steps never wait for each other's rows.
     */
    public void refresh(String number, String department) {
        refresh(number, department, calendar.today());
    }

    /**
     * Brings every open directive's lights up to today (and lights any written before lights were
     * stored), each directive in its own short transaction.
     *
     * @return how many directives changed light
     */
    public int refreshOpen() {
        fillMissingYellowFrom();
        LocalDate today = calendar.today();
        List<String> numbers = jdbc.queryForList("SELECT number FROM directive WHERE status IN ('DRAFT', 'IN_PROGRESS') "
                + "OR (light IS NULL AND status = 'CLOSED')", String.class);
        int changed = 0;
        for (String number : numbers) {
            changed += Boolean.TRUE.equals(transaction.execute(status -> refresh(number, null, today))) ? 1 : 0;
        }
        return changed;
    }

    private boolean refresh(String number, String onlyDepartment, LocalDate today) {
        List<Part> parts = jdbc.query("SELECT department, status, deadline, yellow_from, submitted_at, late_days, light "
                + "FROM directive_department WHERE directive_number = ? ORDER BY position", (rs, i) -> new Part(
                rs.getString(1), DepartmentStatus.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class), rs.getObject(5, OffsetDateTime.class), (Integer) rs.getObject(6),
                rs.getString(7)), number);
        List<java.util.Map<String, Object>> found = jdbc.queryForList(
                "SELECT status, deadline, yellow_from, light FROM directive WHERE number = ?", number);
        if (found.isEmpty()) {
            return false;
        }
        boolean draft = DirectiveStatus.DRAFT.name().equals(found.get(0).get("status"));
        for (Part part : parts) {
            if (onlyDepartment != null && !onlyDepartment.equals(part.department())) {
                continue;
            }
            // a draft has not reached its departments yet, so their parts have no light
            Light light = draft ? null : partLight(part, today);
            if (!same(light, part.light())) {
                // only if the part is still as read: a step that changed it meanwhile writes its own light
                jdbc.update("UPDATE directive_department SET light = ? WHERE directive_number = ? AND department = ? "
                        + "AND status = ? AND deadline = ?", name(light), number, part.department(), part.status().name(),
                        part.deadline());
            }
        }
        java.util.Map<String, Object> d = found.get(0);
        DirectiveStatus status = DirectiveStatus.valueOf((String) d.get("status"));
        Light light = switch (status) {
            case REJECTED, CANCELLED -> null;
            case DRAFT -> Light.of(DepartmentStatus.HANDLING, date(d.get("deadline")), date(d.get("yellow_from")), null, today);
            case IN_PROGRESS, CLOSED -> worstOfParts(number);
        };
        if (same(light, (String) d.get("light"))) {
            return false;
        }
        jdbc.update("UPDATE directive SET light = ? WHERE number = ?", name(light), number);
        return true;
    }

    /** Read again after this step's own part was written, so it counts with every part committed so far. */
    private Light worstOfParts(String number) {
        List<Light> lights = new ArrayList<>();
        jdbc.queryForList("SELECT light FROM directive_department WHERE directive_number = ? AND light IS NOT NULL",
                String.class, number).forEach(light -> lights.add(Light.valueOf(light)));
        return lights.isEmpty() ? null : Light.worst(lights);
    }

    /** Rows written before lights were stored have no yellow-from date yet. */
    private void fillMissingYellowFrom() {
        jdbc.query("SELECT number, category, priority, deadline FROM directive WHERE yellow_from IS NULL", rs -> {
            String number = rs.getString(1);
            String category = rs.getString(2);
            String priority = rs.getString(3);
            jdbc.update("UPDATE directive SET yellow_from = ? WHERE number = ?",
                    yellowFrom(category, priority, rs.getObject(4, LocalDate.class)), number);
            jdbc.queryForList("SELECT department, deadline FROM directive_department WHERE directive_number = ?", number)
                    .forEach(part -> jdbc.update("UPDATE directive_department SET yellow_from = ? "
                                    + "WHERE directive_number = ? AND department = ?",
                            yellowFrom(category, priority, date(part.get("deadline"))), number, part.get("department")));
        });
    }

    /**
     * A finished part is late by the same measure its score uses: submitted one working day or
     * more after its deadline. A result handed in on the Saturday after a Friday deadline is on time.
     */
    private static Light partLight(Part part, LocalDate today) {
        if (part.status() == DepartmentStatus.CANCELLED) {
            return null;
        }
        if (part.status() == DepartmentStatus.DONE && part.lateDays() != null) {
            return part.lateDays() > 0 ? Light.DONE_LATE : Light.DONE;
        }
        LocalDate finishedOn = part.submittedAt() == null ? null
                : part.submittedAt().atZoneSameInstant(WorkCalendar.ZONE).toLocalDate();
        return Light.of(part.status(), part.deadline(), part.yellowFrom(), finishedOn, today);
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    private static boolean same(Light light, String stored) {
        return light == null ? stored == null : light.name().equals(stored);
    }

    private static String name(Light light) {
        return light == null ? null : light.name();
    }
}
