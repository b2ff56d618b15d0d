package org.duban.dashboard.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

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
 * query its indexes answer, so the page costs about the same with a hundred directives as with a hundred thousand;
 * the figures are asked side by side ({@link SideBySide}).
 */
@Component
class DashboardQueries {

    static final int LIST_LENGTH = 10;
    static final int WEEKS = 12;
    private static final List<Light> LIGHTS = List.of(Light.values());

    private final DirectiveStatistics statistics;
    private final WorkCalendar calendar;
    private final Organisation organisation;
    private final SideBySide reads;

    DashboardQueries(DirectiveStatistics statistics, WorkCalendar calendar, Organisation organisation, SideBySide reads) {
        this.statistics = statistics;
        this.calendar = calendar;
        this.organisation = organisation;
        this.reads = reads;
    }

    /**
     * The overview for everyone ({@code departments} null) or for the parts of these units.
     * Not one transaction: bringing the lights up to today writes, each directive on its own.
     */
    public Dashboard overview(Collection<String> departments) {
        return overview(departments, null);
    }

    /**
     * Drilled down to {@code under}: the parts of it and every unit below it, one row for its own parts (本级) and one
     * per unit right below it with that unit's whole subtree, so the city goes down to a district and on to its
     * streets (层层下钻). A unit may drill only into its own subtree.
     */
    public Dashboard overview(Collection<String> departments, String under) {
        LocalDate lightsAsOf = statistics.ensureLightsCurrent();
        LocalDate today = calendar.today();
        if (under != null) {
            if (organisation.department(under).isEmpty()) {
                throw new org.duban.system.InvalidRequestException("under", "单位“" + under + "”不存在");
            }
            if (departments != null && departments.stream().noneMatch(own -> organisation.subtree(own).contains(under))) {
                throw org.duban.system.ApiException.forbidden("只能查看本单位及其下级单位的情况。");
            }
            List<String> scope = List.copyOf(organisation.subtree(under));
            List<RowSpec> rows = new ArrayList<>();
            rows.add(new RowSpec(under, name(under) + "（本级）", Set.of(under), false));
            organisation.subUnitsOf(under).forEach(child -> rows.add(new RowSpec(child.code(), child.name(),
                    organisation.subtree(child.code()), true)));
            List<Dashboard.Area> path = new ArrayList<>();
            organisation.above(under).forEach(a -> path.add(0, new Dashboard.Area(a.code(), a.name())));
            path.add(new Dashboard.Area(under, name(under)));
            Dashboard d = ofDepartments(scope, rows, today, lightsAsOf);
            return new Dashboard(d.scope(), d.today(), d.lightsAsOf(), d.byLight(), d.byStatus(), d.overdueTotal(),
                    d.overdue(), d.dueSoonTotal(), d.dueSoon(), d.departments(), d.weeks(), under, List.copyOf(path));
        }
        if (departments == null) {
            return everything(today, lightsAsOf);
        }
        // a login in no unit (an administrator, say) has no parts to count, not everyone's
        return departments.isEmpty() ? nothing(today, lightsAsOf) : ofDepartments(List.copyOf(departments),
                departments.stream().map(code -> new RowSpec(code, name(code), Set.of(code), false)).toList(), today,
                lightsAsOf);
    }

    private Dashboard nothing(LocalDate today, LocalDate lightsAsOf) {
        return new Dashboard(Dashboard.DEPARTMENT, today, lightsAsOf, zeros(names(LIGHTS)), zeros(names(partStatuses())),
                0, List.of(), 0, List.of(), List.of(), weeks(today).entrySet().stream()
                        .map(e -> new Dashboard.Week(e.getKey(), 0, 0)).toList());
    }

    private Dashboard everything(LocalDate today, LocalDate lightsAsOf) {
        CompletableFuture<List<DirectiveStatistics.StatusLightCount>> statusLights =
                reads.ask(statistics::directivesByStatusAndLight);
        CompletableFuture<Long> redTotal = reads.ask(() -> statistics.directivesInProgress(Light.RED));
        CompletableFuture<List<Dashboard.Item>> red = reads.ask(() -> items(Light.RED, null, today));
        CompletableFuture<Long> yellowTotal = reads.ask(() -> statistics.directivesInProgress(Light.YELLOW));
        CompletableFuture<List<Dashboard.Item>> yellow = reads.ask(() -> items(Light.YELLOW, null, today));
        CompletableFuture<List<DirectiveStatistics.UnitLightCount>> unitLights =
                reads.ask(() -> statistics.unitLights(List.of(), today.withDayOfYear(1), today));
        CompletableFuture<List<Dashboard.Week>> weeks = reads.ask(() -> weeks(List.of(), today));
        Map<String, Long> byLight = zeros(names(LIGHTS));
        Map<String, Long> byStatus = zeros(names(List.of(DirectiveStatus.DRAFT, DirectiveStatus.IN_PROGRESS,
                DirectiveStatus.CLOSED, DirectiveStatus.REJECTED, DirectiveStatus.CANCELLED)));
        for (DirectiveStatistics.StatusLightCount c : SideBySide.answer(statusLights)) {
            byStatus.merge(c.status().name(), c.count(), Long::sum);
            if (c.light() != null) {
                byLight.merge(c.light().name(), c.count(), Long::sum);
            }
        }
        return new Dashboard(Dashboard.ALL, today, lightsAsOf, byLight, byStatus,
                SideBySide.answer(redTotal), SideBySide.answer(red),
                SideBySide.answer(yellowTotal), SideBySide.answer(yellow),
                departmentRows(SideBySide.answer(unitLights),
                        organisation.departments().stream().filter(u -> u.parentCode() == null)
                        .map(u -> new RowSpec(u.code(), u.name(), organisation.subtree(u.code()), true)).toList()),
                SideBySide.answer(weeks));
    }

    private Dashboard ofDepartments(List<String> departments, List<RowSpec> rows, LocalDate today, LocalDate lightsAsOf) {
        // one pass gives the totals by status and light, and the rows per unit below
        // (no units: no counts; an empty list would mean every unit to unitLights)
        CompletableFuture<List<DirectiveStatistics.UnitLightCount>> unitLights = departments.isEmpty()
                ? CompletableFuture.completedFuture(List.of())
                : reads.ask(() -> statistics.unitLights(departments, today.withDayOfYear(1), today));
        CompletableFuture<Long> redTotal = reads.ask(() -> statistics.directivesWithPart(departments, Light.RED));
        CompletableFuture<List<Dashboard.Item>> red = reads.ask(() -> items(Light.RED, departments, today));
        CompletableFuture<Long> yellowTotal = reads.ask(() -> statistics.directivesWithPart(departments, Light.YELLOW));
        CompletableFuture<List<Dashboard.Item>> yellow = reads.ask(() -> items(Light.YELLOW, departments, today));
        CompletableFuture<List<Dashboard.Week>> weeks = reads.ask(() -> weeks(departments, today));
        Map<String, Long> byLight = zeros(names(LIGHTS));
        Map<String, Long> byStatus = zeros(names(partStatuses()));
        List<DirectiveStatistics.UnitLightCount> counts = SideBySide.answer(unitLights);
        for (DirectiveStatistics.UnitLightCount c : counts) {
            byStatus.merge(c.status().name(), c.count(), Long::sum);
            byLight.merge(c.light().name(), c.count(), Long::sum);
        }
        return new Dashboard(Dashboard.DEPARTMENT, today, lightsAsOf, byLight, byStatus,
                SideBySide.answer(redTotal), SideBySide.answer(red),
                SideBySide.answer(yellowTotal), SideBySide.answer(yellow),
                departmentRows(counts, rows), SideBySide.answer(weeks));
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

    /** One row of the overview's unit table: a unit, and the units whose parts it counts (itself, or its subtree). */
    private record RowSpec(String code, String name, Set<String> counted, boolean withBelow) {}

    /** Lights per row and this year's on-time rate, from the units' counts (finished: this year). */
    private List<Dashboard.DepartmentRow> departmentRows(List<DirectiveStatistics.UnitLightCount> counts,
            List<RowSpec> specs) {
        Map<String, Map<String, Long>> lights = new TreeMap<>();
        Map<String, long[]> finished = new TreeMap<>();
        for (DirectiveStatistics.UnitLightCount c : counts) {
            lights.computeIfAbsent(c.unit(), k -> zeros(names(LIGHTS))).merge(c.light().name(), c.count(), Long::sum);
            long[] done = finished.computeIfAbsent(c.unit(), k -> new long[2]);
            if (c.light() == Light.DONE || c.light() == Light.DONE_LATE) {
                done[0] += c.finished();
            }
            if (c.light() == Light.DONE) {
                done[1] += c.finished();
            }
        }
        List<Dashboard.DepartmentRow> rows = new ArrayList<>();
        for (RowSpec spec : specs) {
            Map<String, Long> sum = zeros(names(LIGHTS));
            long[] done = new long[2];
            for (String unit : spec.counted()) {
                lights.getOrDefault(unit, Map.of()).forEach((light, count) -> sum.merge(light, count, Long::sum));
                long[] f = finished.getOrDefault(unit, new long[2]);
                done[0] += f[0];
                done[1] += f[1];
            }
            String level = organisation.department(spec.code()).map(u -> u.level().label()).orElse(null);
            rows.add(new Dashboard.DepartmentRow(spec.code(), spec.name(), sum, done[0], done[1],
                    done[0] == 0 ? null : Math.round(1000.0 * done[1] / done[0]) / 10.0, level, spec.withBelow(),
                    !organisation.subUnitsOf(spec.code()).isEmpty()));
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
        statistics.perDay(first, today, departments).forEach((day, count) -> {
            long[] week = weeks.get(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            if (week != null) {
                week[0] += count[0];
                week[1] += count[1];
            }
        });
        return weeks.entrySet().stream().map(e -> new Dashboard.Week(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
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
