package org.duban.dashboard.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duban.dashboard.Dashboard;

/**
 * The overview's chart series in the plain shapes ECharts takes, inlined into the page so the
 * charts draw the very numbers the tiles show, without asking the server twice.
 */
record OverviewCharts(List<String> departments, Map<String, List<Long>> lights, List<Double> onTimeRates,
        List<String> weeks, List<Long> issued, List<Long> closed) {

    static OverviewCharts of(Dashboard d) {
        Map<String, List<Long>> lights = new LinkedHashMap<>();
        for (String light : List.of("GREEN", "YELLOW", "RED", "DONE", "DONE_LATE")) {
            lights.put(light, d.departments().stream().map(row -> row.lights().getOrDefault(light, 0L)).toList());
        }
        return new OverviewCharts(d.departments().stream().map(Dashboard.DepartmentRow::name).toList(), lights,
                d.departments().stream().map(Dashboard.DepartmentRow::onTimeRate).toList(),
                d.weeks().stream().map(w -> w.start().toString().substring(5)).toList(),
                d.weeks().stream().map(Dashboard.Week::issued).toList(),
                d.weeks().stream().map(Dashboard.Week::closed).toList());
    }
}
