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
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregates the read model for the overview. Every figure is one grouped query over indexed
 * columns, so the page costs the same with a hundred directives as with a hundred thousand.
 */
@Component
class DashboardQueries {

    static final int LIST_LENGTH = 10;
    static final int WEEKS = 12;
    private static final List<String> LIGHTS = List.of("GREEN", "YELLOW", "RED", "DONE", "DONE_LATE");
    private static final List<String> STATUSES = List.of("DRAFT", "IN_PROGRESS", "CLOSED", "REJECTED", "CANCELLED");

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

    /** The overview for everyone ({@code departments} null) or for the directives of these departments. */
    @Transactional(readOnly = true)
    public Dashboard overview(Collection<String> departments) {
        lightClock.ensureCurrent();
        LocalDate today = calendar.today();
        Scope scope = Scope.of(departments);
        Map<String, Long> byLight = zeros(LIGHTS);
        Map<String, Long> byStatus = zeros(scope.all() ? STATUSES : List.of("IN_PROGRESS", "CLOSED", "CANCELLED"));
        jdbc.query("SELECT d.status, d.light, COUNT(*) FROM directive d" + scope.where("1 = 1") + " GROUP BY d.status, d.light",
                rs -> {
                    byStatus.merge(rs.getString(1), rs.getLong(3), Long::sum);
                    if (rs.getString(2) != null) {
                        byLight.merge(rs.getString(2), rs.getLong(3), Long::sum);
                    }
                }, scope.args());
        return new Dashboard(today, lightClock.lightsAsOf(), byLight, byStatus,
                openCount(scope, "RED"), items(scope, "RED", today),
                openCount(scope, "YELLOW"), items(scope, "YELLOW", today), departmentRows(scope, today),
                weeks(scope, today));
    }

    private long openCount(Scope scope, String light) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM directive d" + scope.where("d.light = ? AND d.status = 'IN_PROGRESS'"),
                Long.class, scope.args(light));
        return count == null ? 0 : count;
    }

    private List<Dashboard.Item> items(Scope scope, String light, LocalDate today) {
        return jdbc.query("SELECT d.number, d.title, d.lead_department, d.deadline FROM directive d"
                        + scope.where("d.light = ? AND d.status = 'IN_PROGRESS'") + " ORDER BY d.deadline, d.number LIMIT "
                        + LIST_LENGTH,
                (rs, i) -> {
                    LocalDate deadline = rs.getObject(4, LocalDate.class);
                    String lead = rs.getString(3);
                    boolean late = today.isAfter(deadline);
                    return new Dashboard.Item(rs.getString(1), rs.getString(2), lead, name(lead), deadline, light,
                            late ? calendar.workingDaysBetween(deadline, today) : 0,
                            late ? 0 : calendar.workingDaysBetween(today, deadline));
                }, scope.args(light));
    }

    private List<Dashboard.DepartmentRow> departmentRows(Scope scope, LocalDate today) {
        Map<String, Map<String, Long>> lights = new TreeMap<>();
        jdbc.query("SELECT p.department, p.light, COUNT(*) FROM directive_department p WHERE p.light IS NOT NULL"
                + scope.partFilter() + " GROUP BY p.department, p.light", rs -> {
            lights.computeIfAbsent(rs.getString(1), k -> zeros(LIGHTS)).put(rs.getString(2), rs.getLong(3));
        }, scope.args());
        Map<String, long[]> finished = new TreeMap<>();
        List<Object> args = new ArrayList<>(List.of(today.withDayOfYear(1), today));
        args.addAll(List.of(scope.args()));
        jdbc.query("SELECT p.department, COUNT(*), SUM(CASE WHEN p.light = 'DONE' THEN 1 ELSE 0 END) "
                + "FROM directive_department p WHERE p.done_on >= ? AND p.done_on <= ?" + scope.partFilter()
                + " GROUP BY p.department", rs -> {
            finished.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }, args.toArray());
        List<Dashboard.DepartmentRow> rows = new ArrayList<>();
        for (Department department : organisation.departments()) {
            String code = department.code();
            if (!scope.all() && !scope.departments().contains(code)) {
                continue;
            }
            long[] done = finished.getOrDefault(code, new long[] {0, 0});
            rows.add(new Dashboard.DepartmentRow(code, department.name(), lights.getOrDefault(code, zeros(LIGHTS)),
                    done[0], done[1], done[0] == 0 ? null : Math.round(1000.0 * done[1] / done[0]) / 10.0));
        }
        return rows;
    }

    private List<Dashboard.Week> weeks(Scope scope, LocalDate today) {
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisMonday.minusWeeks(WEEKS - 1);
        Map<LocalDate, long[]> weeks = new LinkedHashMap<>();
        for (int i = 0; i < WEEKS; i++) {
            weeks.put(first.plusWeeks(i), new long[2]);
        }
        count(scope, "issued_on", first, today, weeks, 0);
        count(scope, "closed_on", first, today, weeks, 1);
        return weeks.entrySet().stream().map(e -> new Dashboard.Week(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    private void count(Scope scope, String column, LocalDate from, LocalDate to, Map<LocalDate, long[]> weeks, int slot) {
        List<Object> args = new ArrayList<>(List.of(from, to));
        args.addAll(List.of(scope.args()));
        String closedOnly = column.equals("closed_on") ? " AND d.status = 'CLOSED'" : " AND d.status NOT IN ('DRAFT', 'REJECTED')";
        jdbc.query("SELECT d." + column + ", COUNT(*) FROM directive d" + scope.where("d." + column + " >= ? AND d."
                + column + " <= ?" + closedOnly) + " GROUP BY d." + column, rs -> {
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

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> map = new LinkedHashMap<>();
        keys.forEach(k -> map.put(k, 0L));
        return map;
    }

    /** Everyone's directives, or those a department takes part in once dispatched. */
    private record Scope(boolean all, List<String> departments) {

        static Scope of(Collection<String> departments) {
            return departments == null ? new Scope(true, List.of()) : new Scope(false, List.copyOf(departments));
        }

        String where(String condition) {
            if (all) {
                return " WHERE " + condition;
            }
            return " WHERE " + condition + " AND d.status NOT IN ('DRAFT', 'REJECTED') AND EXISTS (SELECT 1 FROM "
                    + "directive_department v WHERE v.directive_number = d.number AND v.department IN (" + marks() + "))";
        }

        String partFilter() {
            return all ? "" : " AND p.department IN (" + marks() + ")";
        }

        Object[] args(Object... first) {
            List<Object> args = new ArrayList<>(List.of(first));
            args.addAll(departments);
            return args.toArray();
        }

        private String marks() {
            return departments.isEmpty() ? "NULL" : departments.stream().map(d -> "?").collect(Collectors.joining(","));
        }
    }
}
