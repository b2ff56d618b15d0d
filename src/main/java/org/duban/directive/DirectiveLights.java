package org.duban.directive;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duban.calendar.WorkCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored traffic lights of the read model true. A step that changes a directive
 * refreshes its lights in the step's own transaction; {@link #refreshOpen()} moves every open one
 * on when the working day changes, which is the only other thing that can turn a light.
 */
@Component
public class DirectiveLights {

    private record Part(String department, DepartmentStatus status, LocalDate deadline, LocalDate yellowFrom,
            OffsetDateTime submittedAt, String light) {}

    private record Directive(String number, DirectiveStatus status, LocalDate deadline, LocalDate yellowFrom,
            String light) {}

    private final JdbcTemplate jdbc;
    private final WorkCalendar calendar;
    private final DirectiveTemplates templates;

    DirectiveLights(JdbcTemplate jdbc, WorkCalendar calendar, DirectiveTemplates templates) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.templates = templates;
    }

    /** The day from which a deadline shows yellow, by the directive's template and priority. */
    public LocalDate yellowFrom(String category, String priority, LocalDate deadline) {
        int before = templates.forCategory(category).offsets(Priority.ofKey(priority).orElseThrow()).yellowBefore();
        return calendar.plusWorkingDays(deadline, -before);
    }

    /** Recomputes one directive's lights as of today; writes only what changed. */
    public void refresh(String number) {
        List<Directive> found = jdbc.query("SELECT number, status, deadline, yellow_from, light FROM directive WHERE number = ?",
                (rs, i) -> new Directive(rs.getString(1), DirectiveStatus.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5)), number);
        if (found.isEmpty()) {
            return;
        }
        refresh(found.get(0), calendar.today());
    }

    /**
     * Brings every open directive's lights up to today. Each directive is refreshed on its own so
     * that no long transaction holds rows a process step is waiting for.
     *
     * @return how many directives changed light
     */
    public int refreshOpen() {
        fillMissingYellowFrom();
        LocalDate today = calendar.today();
        List<Directive> open = jdbc.query("SELECT number, status, deadline, yellow_from, light FROM directive "
                        + "WHERE status IN ('DRAFT', 'IN_PROGRESS')",
                (rs, i) -> new Directive(rs.getString(1), DirectiveStatus.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5)));
        int changed = 0;
        for (Directive directive : open) {
            changed += refresh(directive, today) ? 1 : 0;
        }
        return changed;
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
                            yellowFrom(category, priority, ((java.sql.Date) part.get("deadline")).toLocalDate()),
                            number, part.get("department")));
        });
    }

    private boolean refresh(Directive d, LocalDate today) {
        Map<String, Part> parts = parts(d.number());
        List<Light> partLights = new ArrayList<>();
        parts.values().forEach(part -> {
            // a draft has not reached its departments yet, so their parts have no light
            Light light = d.status() == DirectiveStatus.DRAFT ? null : partLight(part, today);
            if (light != null) {
                partLights.add(light);
            }
            if (!same(light, part.light())) {
                jdbc.update("UPDATE directive_department SET light = ? WHERE directive_number = ? AND department = ?",
                        name(light), d.number(), part.department());
            }
        });
        Light light = switch (d.status()) {
            case REJECTED, CANCELLED -> null;
            case DRAFT -> Light.of(DepartmentStatus.HANDLING, d.deadline(), d.yellowFrom(), null, today);
            case IN_PROGRESS, CLOSED -> partLights.isEmpty() ? null : Light.worst(partLights);
        };
        if (same(light, d.light())) {
            return false;
        }
        jdbc.update("UPDATE directive SET light = ? WHERE number = ?", name(light), d.number());
        return true;
    }

    private Map<String, Part> parts(String number) {
        Map<String, Part> parts = new LinkedHashMap<>();
        jdbc.query("SELECT department, status, deadline, yellow_from, submitted_at, light FROM directive_department "
                + "WHERE directive_number = ? ORDER BY position", rs -> {
            Part part = new Part(rs.getString(1), DepartmentStatus.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                    rs.getObject(4, LocalDate.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6));
            parts.put(part.department(), part);
        }, number);
        return parts;
    }

    private static Light partLight(Part part, LocalDate today) {
        if (part.status() == DepartmentStatus.CANCELLED) {
            return null;
        }
        LocalDate finishedOn = part.submittedAt() == null ? null
                : part.submittedAt().atZoneSameInstant(WorkCalendar.ZONE).toLocalDate();
        return Light.of(part.status(), part.deadline(), part.yellowFrom(), finishedOn, today);
    }

    private static boolean same(Light light, String stored) {
        return light == null ? stored == null : light.name().equals(stored);
    }

    private static String name(Light light) {
        return light == null ? null : light.name();
    }
}
