package org.duban.dashboard.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.duban.calendar.WorkCalendar;
import org.duban.dashboard.Dashboard;
import org.duban.directive.LightClock;
import org.duban.organisation.Department;
import org.duban.organisation.Organisation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Aggregates the read model for the overview. Each figure is one grouped query that the indexes of
 * V4 answer without reading the rows, so the page costs about the same with a hundred directives
 * as with a hundred thousand.
 */
@Component
class DashboardQueries {

    static final int LIST_LENGTH = 10;
    static final int WEEKS = 12;
    private static final List<String> LIGHTS = List.of("GREEN", "YELLOW", "RED", "DONE", "DONE_LATE");
    private static final List<String> STATUSES = List.of("DRAFT", "IN_PROGRESS", "CLOSED", "REJECTED", "CANCELLED");
    private static final List<String> PART_STATUSES = List.of("TO_SIGN", "HANDLING", "EXTENSION_REQUESTED",
            "UNDER_REVIEW", "DONE");

    private final JdbcTemplate jdbc;
    private final WorkCalendar calendar;
    private final Organisation organisation;
    private final LightClock lightClock;

    DashboardQueries(JdbcTemplate jdbc, WorkCalendar calendar, Organisation organisation, LightClock lightClock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.organisation = organisation;
        this.lightClock = lightClock;
    }

    /**
     * The overview for everyone ({@code departments} null) or for the parts of these departments.
     * Not one transaction: bringing the lights up to today writes, each directive on its own.
     */
    public Dashboard overview(Collection<String> departments) {
        lightClock.ensureCurrent();
        LocalDate today = calendar.today();
        if (departments == null) {
            return everything(today);
        }
        // a login in no department (an administrator, say) has no parts to count, not everyone's
        return departments.isEmpty() ? nothing(today) : ofDepartments(List.copyOf(departments), today);
    }

    private Dashboard nothing(LocalDate today) {
        return new Dashboard(Dashboard.DEPARTMENT, today, lightClock.lightsAsOf(), zeros(LIGHTS), zeros(PART_STATUSES), 0,
                List.of(), 0, List.of(), List.of(), weeks(today).entrySet().stream()
                        .map(e -> new Dashboard.Week(e.getKey(), 0, 0)).toList());
    }

    private Dashboard everything(LocalDate today) {
        Map<String, Long> byLight = zeros(LIGHTS);
        Map<String, Long> byStatus = zeros(STATUSES);
        jdbc.query("SELECT status, light, COUNT(*) FROM directive GROUP BY status, light", rs -> {
            byStatus.merge(rs.getString(1), rs.getLong(3), Long::sum);
            if (rs.getString(2) != null) {
                byLight.merge(rs.getString(2), rs.getLong(3), Long::sum);
            }
        });
        String open = " FROM directive d WHERE d.light = ? AND d.status = 'IN_PROGRESS'";
        String items = partItems("");
        return new Dashboard(Dashboard.ALL, today, lightClock.lightsAsOf(), byLight, byStatus,
                count("SELECT COUNT(*)" + open, "RED"), items(items, "RED", today, "RED"),
                count("SELECT COUNT(*)" + open, "YELLOW"), items(items, "YELLOW", today, "YELLOW"),
                departmentRows(List.of(), today), weeks(List.of(), today));
    }

    private Dashboard ofDepartments(List<String> departments, LocalDate today) {
        Map<String, Long> byLight = zeros(LIGHTS);
        Map<String, Long> byStatus = zeros(PART_STATUSES);
        String in = in(departments);
        // parts of drafts and withdrawn directives have no light: they never reached, or no longer bind, the department
        jdbc.query("SELECT p.status, p.light, COUNT(*) FROM directive_department p WHERE p.department IN (" + in
                + ") AND p.light IS NOT NULL GROUP BY p.status, p.light", rs -> {
            byStatus.merge(rs.getString(1), rs.getLong(3), Long::sum);
            byLight.merge(rs.getString(2), rs.getLong(3), Long::sum);
        }, departments.toArray());
        String parts = " FROM directive_department p WHERE p.department IN (" + in + ") AND p.light = ?";
        String items = partItems("p.department IN (" + in + ") AND ");
        return new Dashboard(Dashboard.DEPARTMENT, today, lightClock.lightsAsOf(), byLight, byStatus,
                count("SELECT COUNT(DISTINCT p.directive_number)" + parts, args(departments, "RED")),
                items(items, "RED", today, args(departments, "RED")),
                count("SELECT COUNT(DISTINCT p.directive_number)" + parts, args(departments, "YELLOW")),
                items(items, "YELLOW", today, args(departments, "YELLOW")),
                departmentRows(departments, today), weeks(departments, today));
    }

    /**
     * The first directives by the earliest deadline among their parts of one light: a directive is
     * red (yellow) exactly when one of its parts is, and extensions move parts, not the directive.
     * The parts are picked from the light-deadline index before their directives are read.
     */
    private static String partItems(String condition) {
        return "SELECT d.number, d.title, d.lead_department, p.deadline FROM (SELECT p.directive_number, "
                + "MIN(p.deadline) AS deadline FROM directive_department p WHERE " + condition + "p.light = ? "
                + "GROUP BY p.directive_number ORDER BY deadline, p.directive_number LIMIT " + LIST_LENGTH + ") p "
                + "JOIN directive d ON d.number = p.directive_number ORDER BY p.deadline, d.number";
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    /** Rows of (number, title, lead department, deadline), shown with how far past or before the deadline they are. */
    private List<Dashboard.Item> items(String sql, String light, LocalDate today, Object... args) {
        return jdbc.query(sql, (rs, i) -> {
            LocalDate deadline = rs.getObject(4, LocalDate.class);
            String lead = rs.getString(3);
            boolean late = today.isAfter(deadline);
            return new Dashboard.Item(rs.getString(1), rs.getString(2), lead, name(lead), deadline, light,
                    late ? calendar.workingDaysBetween(deadline, today) : 0,
                    late ? 0 : calendar.workingDaysBetween(today, deadline));
        }, args);
    }

    /** Lights per department and this year's on-time rate, in one pass over the department-light index. */
    private List<Dashboard.DepartmentRow> departmentRows(List<String> departments, LocalDate today) {
        Map<String, Map<String, Long>> lights = new TreeMap<>();
        Map<String, long[]> finished = new TreeMap<>();
        List<Object> args = new ArrayList<>(List.of(today.withDayOfYear(1), today));
        args.addAll(departments);
        jdbc.query("SELECT p.department, p.light, COUNT(*), SUM(CASE WHEN p.done_on >= ? AND p.done_on <= ? THEN 1 ELSE 0 END) "
                + "FROM directive_department p WHERE p.light IS NOT NULL"
                + (departments.isEmpty() ? "" : " AND p.department IN (" + in(departments) + ")")
                + " GROUP BY p.department, p.light", rs -> {
            String department = rs.getString(1);
            String light = rs.getString(2);
            lights.computeIfAbsent(department, k -> zeros(LIGHTS)).put(light, rs.getLong(3));
            long[] done = finished.computeIfAbsent(department, k -> new long[2]);
            if (light.equals("DONE") || light.equals("DONE_LATE")) {
                done[0] += rs.getLong(4);
            }
            if (light.equals("DONE")) {
                done[1] += rs.getLong(4);
            }
        }, args.toArray());
        List<Dashboard.DepartmentRow> rows = new ArrayList<>();
        for (Department department : organisation.departments()) {
            String code = department.code();
            if (!departments.isEmpty() && !departments.contains(code)) {
                continue;
            }
            long[] done = finished.getOrDefault(code, new long[2]);
            rows.add(new Dashboard.DepartmentRow(code, department.name(), lights.getOrDefault(code, zeros(LIGHTS)),
                    done[0], done[1], done[0] == 0 ? null : Math.round(1000.0 * done[1] / done[0]) / 10.0));
        }
        return rows;
    }

    /** The last twelve weeks by their Mondays, oldest first, with room for the two counts. */
    private static Map<LocalDate, long[]> weeks(LocalDate today) {
        LocalDate first = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
        Map<LocalDate, long[]> weeks = new LinkedHashMap<>();
        for (int i = 0; i < WEEKS; i++) {
            weeks.put(first.plusWeeks(i), new long[2]);
        }
        return weeks;
    }

    private List<Dashboard.Week> weeks(List<String> departments, LocalDate today) {
        Map<LocalDate, long[]> weeks = weeks(today);
        LocalDate first = weeks.keySet().iterator().next();
        count(departments, "dispatched_on", "", first, today, weeks, 0);
        count(departments, "closed_on", " AND d.status = 'CLOSED'", first, today, weeks, 1);
        return weeks.entrySet().stream().map(e -> new Dashboard.Week(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    private void count(List<String> departments, String column, String condition, LocalDate from, LocalDate to,
            Map<LocalDate, long[]> weeks, int slot) {
        List<Object> args = new ArrayList<>(List.of(from, to));
        args.addAll(departments);
        String visible = departments.isEmpty() ? "" : " AND EXISTS (SELECT 1 FROM directive_department v "
                + "WHERE v.directive_number = d.number AND v.department IN (" + in(departments) + "))";
        jdbc.query("SELECT d." + column + ", COUNT(*) FROM directive d WHERE d." + column + " >= ? AND d." + column
                + " <= ?" + condition + visible + " GROUP BY d." + column, rs -> {
            LocalDate day = rs.getObject(1, LocalDate.class);
            long[] week = weeks.get(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            if (week != null) {
                week[slot] += rs.getLong(2);
            }
        }, args.toArray());
    }

    private String name(String code) {
        return organisation.department(code).map(Department::name).orElse(code);
    }

    private static Object[] args(List<String> departments, String light) {
        List<Object> args = new ArrayList<>(departments);
        args.add(light);
        return args.toArray();
    }

    private static String in(List<String> departments) {
        return departments.isEmpty() ? "NULL" : departments.stream().map(d -> "?").collect(Collectors.joining(","));
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> map = new LinkedHashMap<>();
        keys.forEach(k -> map.put(k, 0L));
        return map;
    }
}
