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

import org.duban.calendar.WorkCalendar;
import org.duban.dashboard.Dashboard;
import org.duban.directive.DirectiveStatistics;
import org.duban.directive.DirectiveStatus;
import org.duban.directive.Light;
import org.duban.directive.PartStatus;
import org.duban.organisation.Department;
import org.duban.organisation.Organisation;
import org.springframework.stereotype.Component;

/**
 * Puts the overview together from the directive module's figures ({@link DirectiveStatistics}), each one grouped
 * query its indexes answer, so the page costs about the same with a hundred directives as with a hundred thousand.
 */
@Component
class DashboardQueries {

    static final int LIST_LENGTH = 10;
    static final int WEEKS = 12;
    private static final List<Light> LIGHTS = List.of(Light.values());

    private final DirectiveStatistics statistics;
    private final WorkCalendar calendar;
    private final Organisation organisation;

    DashboardQueries(DirectiveStatistics statistics, WorkCalendar calendar, Organisation organisation) {
        this.statistics = statistics;
        this.calendar = calendar;
        this.organisation = organisation;
    }

    /**
     * The overview for everyone ({@code departments} null) or for the parts of these units.
     * Not one transaction: bringing the lights up to today writes, each directive on its own.
     */
    public Dashboard overview(Collection<String> departments) {
        LocalDate lightsAsOf = statistics.ensureLightsCurrent();
        LocalDate today = calendar.today();
        if (departments == null) {
            return everything(today, lightsAsOf);
        }
        // a login in no unit (an administrator, say) has no parts to count, not everyone's
        return departments.isEmpty() ? nothing(today, lightsAsOf) : ofDepartments(List.copyOf(departments), today, lightsAsOf);
    }

    private Dashboard nothing(LocalDate today, LocalDate lightsAsOf) {
        return new Dashboard(Dashboard.DEPARTMENT, today, lightsAsOf, zeros(names(LIGHTS)), zeros(names(partStatuses())),
                0, List.of(), 0, List.of(), List.of(), weeks(today).entrySet().stream()
                        .map(e -> new Dashboard.Week(e.getKey(), 0, 0)).toList());
    }

    private Dashboard everything(LocalDate today, LocalDate lightsAsOf) {
        Map<String, Long> byLight = zeros(names(LIGHTS));
        Map<String, Long> byStatus = zeros(names(List.of(DirectiveStatus.DRAFT, DirectiveStatus.IN_PROGRESS,
                DirectiveStatus.CLOSED, DirectiveStatus.REJECTED, DirectiveStatus.CANCELLED)));
        for (DirectiveStatistics.StatusLightCount c : statistics.directivesByStatusAndLight()) {
            byStatus.merge(c.status().name(), c.count(), Long::sum);
            if (c.light() != null) {
                byLight.merge(c.light().name(), c.count(), Long::sum);
            }
        }
        return new Dashboard(Dashboard.ALL, today, lightsAsOf, byLight, byStatus,
                statistics.directivesInProgress(Light.RED), items(Light.RED, null, today),
                statistics.directivesInProgress(Light.YELLOW), items(Light.YELLOW, null, today),
                departmentRows(List.of(), today), weeks(List.of(), today));
    }

    private Dashboard ofDepartments(List<String> departments, LocalDate today, LocalDate lightsAsOf) {
        Map<String, Long> byLight = zeros(names(LIGHTS));
        Map<String, Long> byStatus = zeros(names(partStatuses()));
        for (DirectiveStatistics.PartStatusLightCount c : statistics.partsByStatusAndLight(departments)) {
            byStatus.merge(c.status().name(), c.count(), Long::sum);
            byLight.merge(c.light().name(), c.count(), Long::sum);
        }
        return new Dashboard(Dashboard.DEPARTMENT, today, lightsAsOf, byLight, byStatus,
                statistics.directivesWithPart(departments, Light.RED), items(Light.RED, departments, today),
                statistics.directivesWithPart(departments, Light.YELLOW), items(Light.YELLOW, departments, today),
                departmentRows(departments, today), weeks(departments, today));
    }

    /** The first directives by their earliest red (yellow) part, with how far past or before the deadline. */
    private List<Dashboard.Item> items(Light light, Collection<String> units, LocalDate today) {
        return statistics.earliestByPartLight(light, units, LIST_LENGTH).stream().map(item -> {
            boolean late = today.isAfter(item.deadline());
            return new Dashboard.Item(item.number(), item.title(), item.leadUnit(), name(item.leadUnit()), item.deadline(),
                    light.name(), late ? calendar.workingDaysBetween(item.deadline(), today) : 0,
                    late ? 0 : calendar.workingDaysBetween(today, item.deadline()));
        }).toList();
    }

    /** Lights per unit and this year's on-time rate, in one pass over the unit-light index. */
    private List<Dashboard.DepartmentRow> departmentRows(List<String> departments, LocalDate today) {
        Map<String, Map<String, Long>> lights = new TreeMap<>();
        Map<String, long[]> finished = new TreeMap<>();
        for (DirectiveStatistics.UnitLightCount c : statistics.unitLights(departments, today.withDayOfYear(1), today)) {
            lights.computeIfAbsent(c.unit(), k -> zeros(names(LIGHTS))).put(c.light().name(), c.count());
            long[] done = finished.computeIfAbsent(c.unit(), k -> new long[2]);
            if (c.light() == Light.DONE || c.light() == Light.DONE_LATE) {
                done[0] += c.finished();
            }
            if (c.light() == Light.DONE) {
                done[1] += c.finished();
            }
        }
        List<Dashboard.DepartmentRow> rows = new ArrayList<>();
        for (Department department : organisation.departments()) {
            String code = department.code();
            if (!departments.isEmpty() && !departments.contains(code)) {
                continue;
            }
            long[] done = finished.getOrDefault(code, new long[2]);
            rows.add(new Dashboard.DepartmentRow(code, department.name(), lights.getOrDefault(code, zeros(names(LIGHTS))),
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
        add(statistics.perDay(DirectiveStatistics.Day.DISPATCHED, first, today, departments), weeks, 0);
        add(statistics.perDay(DirectiveStatistics.Day.CLOSED, first, today, departments), weeks, 1);
        return weeks.entrySet().stream().map(e -> new Dashboard.Week(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    private static void add(Map<LocalDate, Long> perDay, Map<LocalDate, long[]> weeks, int slot) {
        perDay.forEach((day, count) -> {
            long[] week = weeks.get(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            if (week != null) {
                week[slot] += count;
            }
        });
    }

    private String name(String code) {
        return organisation.department(code).map(Department::name).orElse(code);
    }

    private static List<PartStatus> partStatuses() {
        return List.of(PartStatus.TO_SIGN, PartStatus.RETURNED, PartStatus.HANDLING, PartStatus.EXTENSION_REQUESTED,
                PartStatus.UNDER_REVIEW, PartStatus.DONE);
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> map = new LinkedHashMap<>();
        keys.forEach(k -> map.put(k, 0L));
        return map;
    }
}
