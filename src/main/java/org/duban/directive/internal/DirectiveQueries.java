package org.duban.directive.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.DepartmentStatus;
import org.duban.directive.DirectiveStatus;
import org.duban.directive.DirectiveSummary;
import org.duban.directive.DirectiveTemplates;
import org.duban.directive.DirectiveView;
import org.duban.directive.Light;
import org.duban.directive.Priority;
import org.duban.directive.Timeline;
import org.duban.organisation.Organisation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the directive read model; lights are derived from today's date on every read. */
@Component
class DirectiveQueries {

    record Page(List<DirectiveSummary> items, int page, int size, long total) {}

    private record Row(String number, String title, String instruction, String category, String priority,
            DirectiveStatus status, LocalDate deadline, String reportCycle, String lead, String issuedBy,
            OffsetDateTime issuedAt, OffsetDateTime closedAt, java.math.BigDecimal score) {}

    private static final TypeReference<Map<String, Integer>> COMPONENTS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final Timeline timeline;
    private final DirectiveTemplates templates;
    private final WorkCalendar calendar;
    private final Organisation organisation;
    private final ObjectMapper json;

    DirectiveQueries(JdbcTemplate jdbc, Timeline timeline, DirectiveTemplates templates, WorkCalendar calendar,
            Organisation organisation, ObjectMapper json) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.templates = templates;
        this.calendar = calendar;
        this.organisation = organisation;
        this.json = json;
    }

    Optional<DirectiveView> find(String number) {
        List<Row> rows = jdbc.query("SELECT * FROM directive WHERE number = ?", this::row, number);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row d = rows.get(0);
        List<DirectiveView.Department> departments = jdbc.query(
                "SELECT * FROM directive_department WHERE directive_number = ? ORDER BY position",
                (rs, i) -> department(rs, d), number);
        List<DirectiveView.TimelineEntry> entries = timeline.of(number).stream()
                .map(e -> new DirectiveView.TimelineEntry(e.at(), e.type().name(), e.type().label(), e.department(),
                        e.actor(), e.details()))
                .toList();
        return Optional.of(new DirectiveView(d.number(), d.title(), d.instruction(), d.category(), d.priority(),
                d.status(), directiveLight(d, departments.stream().map(DirectiveView.Department::light).toList()),
                d.deadline(), d.reportCycle(), d.lead(), d.issuedBy(), d.issuedAt(), d.closedAt(), d.score(),
                departments, entries));
    }

    Page list(DirectiveStatus status, String department, Light light, Collection<String> visibleDepartments, int page,
            int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            where.append(" AND d.status = ?");
            args.add(status.name());
        }
        if (department != null) {
            where.append(" AND EXISTS (SELECT 1 FROM directive_department p WHERE p.directive_number = d.number AND p.department = ?)");
            args.add(department);
        }
        if (visibleDepartments != null) {
            if (visibleDepartments.isEmpty()) {
                return new Page(List.of(), page, size, 0);
            }
            // drafts reach departments only once a leader has approved and dispatched them
            where.append(" AND d.status NOT IN ('DRAFT', 'REJECTED')");
            where.append(" AND EXISTS (SELECT 1 FROM directive_department v WHERE v.directive_number = d.number AND v.department IN (")
                    .append(visibleDepartments.stream().map(x -> "?").collect(Collectors.joining(","))).append("))");
            args.addAll(visibleDepartments);
        }
        List<Row> rows = jdbc.query("SELECT d.* FROM directive d" + where + " ORDER BY d.issued_at DESC, d.number DESC",
                this::row, args.toArray());
        Map<String, List<Light>> lights = departmentLights(rows);
        List<DirectiveSummary> all = rows.stream()
                .map(d -> new DirectiveSummary(d.number(), d.title(), d.priority(), d.category(), d.status(),
                        directiveLight(d, lights.getOrDefault(d.number(), List.of())), d.deadline(), d.lead(),
                        d.issuedBy(), d.issuedAt(), d.score()))
                .filter(s -> light == null || s.light() == light)
                .toList();
        int from = Math.min(all.size(), page * size);
        return new Page(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
    }

    private Map<String, List<Light>> departmentLights(List<Row> directives) {
        if (directives.isEmpty()) {
            return Map.of();
        }
        Map<String, Row> byNumber = new HashMap<>();
        directives.forEach(d -> byNumber.put(d.number(), d));
        Map<String, List<Light>> lights = new HashMap<>();
        String in = directives.stream().map(x -> "?").collect(Collectors.joining(","));
        jdbc.query("SELECT * FROM directive_department WHERE directive_number IN (" + in + ")", rs -> {
            Row d = byNumber.get(rs.getString("directive_number"));
            lights.computeIfAbsent(d.number(), k -> new ArrayList<>()).add(department(rs, d).light());
        }, byNumber.keySet().toArray());
        return lights;
    }

    /** Rejected and withdrawn directives have no light; a draft's light runs on its own deadline. */
    private Light directiveLight(Row d, List<Light> departmentLights) {
        return switch (d.status()) {
            case REJECTED, CANCELLED -> null;
            case DRAFT -> Light.of(DepartmentStatus.HANDLING, d.deadline(), yellowFrom(d, d.deadline()), null,
                    calendar.today());
            case IN_PROGRESS, CLOSED -> Light.worst(departmentLights);
        };
    }

    private DirectiveView.Department department(ResultSet rs, Row d) throws SQLException {
        DepartmentStatus status = DepartmentStatus.valueOf(rs.getString("status"));
        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
        OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
        LocalDate finishedOn = submitted == null ? null : submitted.atZoneSameInstant(WorkCalendar.ZONE).toLocalDate();
        Light light = status == DepartmentStatus.CANCELLED ? null
                : Light.of(status, deadline, yellowFrom(d, deadline), finishedOn, calendar.today());
        String code = rs.getString("department");
        return new DirectiveView.Department(code,
                organisation.department(code).map(org.duban.organisation.Department::name).orElse(code),
                rs.getString("role"), status, rs.getObject("original_deadline", LocalDate.class), deadline, light,
                rs.getInt("urge_count"), rs.getInt("extension_count"), rs.getInt("rework_count"),
                rs.getBoolean("escalated"), rs.getObject("signed_at", OffsetDateTime.class), submitted,
                rs.getObject("done_at", OffsetDateTime.class), (Integer) rs.getObject("late_days"),
                (Integer) rs.getObject("sign_late_days"), (Integer) rs.getObject("quality_rating"),
                rs.getBigDecimal("score"), rs.getBigDecimal("weight"), components(rs.getString("score_components")));
    }

    private LocalDate yellowFrom(Row d, LocalDate deadline) {
        int before = templates.forCategory(d.category()).offsets(Priority.ofKey(d.priority()).orElseThrow()).yellowBefore();
        return calendar.plusWorkingDays(deadline, -before);
    }

    private Map<String, Integer> components(String value) {
        try {
            return value == null ? null : json.readValue(value, COMPONENTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getString("number"), rs.getString("title"), rs.getString("instruction"),
                rs.getString("category"), rs.getString("priority"), DirectiveStatus.valueOf(rs.getString("status")),
                rs.getObject("deadline", LocalDate.class), rs.getString("report_cycle"), rs.getString("lead_department"),
                rs.getString("issued_by"), rs.getObject("issued_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class), rs.getBigDecimal("score"));
    }
}
