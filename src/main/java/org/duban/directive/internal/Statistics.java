package org.duban.directive.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.duban.directive.DirectiveStatistics;
import org.duban.directive.DirectiveStatus;
import org.duban.directive.Light;
import org.duban.directive.PartStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures other modules read, each one grouped query that the read model's indexes answer (V4's
 * {@code (status, light)}, {@code (department, light, status, done_on)}, {@code (light, deadline)} and the day
 * columns), so the overview costs about the same with a hundred directives as with a hundred thousand.
 */
@Component
class Statistics implements DirectiveStatistics {

    private final JdbcTemplate jdbc;
    private final LightClock lightClock;
    private final LightRule rule;

    Statistics(JdbcTemplate jdbc, LightClock lightClock, LightRule rule) {
        this.jdbc = jdbc;
        this.lightClock = lightClock;
        this.rule = rule;
    }

    @Override
    public LocalDate ensureLightsCurrent() {
        lightClock.ensureCurrent();
        return lightClock.lightsAsOf();
    }

    @Override
    public List<StatusLightCount> directivesByStatusAndLight() {
        return jdbc.query("SELECT status, light, COUNT(*) FROM directive GROUP BY status, light",
                (rs, i) -> new StatusLightCount(DirectiveStatus.valueOf(rs.getString(1)), Lights.parse(rs.getString(2)),
                        rs.getLong(3)));
    }

    @Override
    public long directivesInProgress(Light light) {
        return count("SELECT COUNT(*) FROM directive d WHERE d.light = ? AND d.status = 'IN_PROGRESS'", light.name());
    }

    @Override
    public long directivesWithPart(Collection<String> units, Light light) {
        if (units.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>(units);
        args.add(light.name());
        return count("SELECT COUNT(DISTINCT p.directive_number) FROM directive_department p WHERE p.department IN ("
                + in(units) + ") AND p.light = ?", args.toArray());
    }

    /**
     * A directive is red (yellow) exactly when one of its parts is, and extensions move parts, not the directive;
     * the parts are picked from the light-deadline index before their directives are read.
     */
    @Override
    public List<DeadlineItem> earliestByPartLight(Light light, Collection<String> units, int limit) {
        List<Object> args = new ArrayList<>();
        String condition = "";
        if (units != null) {
            if (units.isEmpty()) {
                return List.of();
            }
            condition = "p.department IN (" + in(units) + ") AND ";
            args.addAll(units);
        }
        args.add(light.name());
        return jdbc.query("SELECT d.number, d.title, d.lead_department, p.deadline FROM (SELECT p.directive_number, "
                + "MIN(p.deadline) AS deadline FROM directive_department p WHERE " + condition + "p.light = ? "
                + "GROUP BY p.directive_number ORDER BY deadline, p.directive_number LIMIT " + limit + ") p "
                + "JOIN directive d ON d.number = p.directive_number ORDER BY p.deadline, d.number",
                (rs, i) -> new DeadlineItem(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)), args.toArray());
    }

    @Override
    public List<UnitLightCount> unitLights(Collection<String> units, LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>(List.of(from, to));
        args.addAll(units);
        return jdbc.query("SELECT p.department, p.status, p.light, COUNT(*), SUM(CASE WHEN p.done_on >= ? "
                + "AND p.done_on <= ? THEN 1 ELSE 0 END) FROM directive_department p WHERE p.light IS NOT NULL"
                + (units.isEmpty() ? "" : " AND p.department IN (" + in(units) + ")")
                + " GROUP BY p.department, p.status, p.light", (rs, i) -> new UnitLightCount(rs.getString(1),
                        PartStatus.valueOf(rs.getString(2)), Light.valueOf(rs.getString(3)), rs.getLong(4),
                        rs.getLong(5)), args.toArray());
    }

    /** One statement for both series: the two date indexes (OR) and, for units, one semi-join over their parts. */
    @Override
    public Map<LocalDate, long[]> perDay(LocalDate from, LocalDate to, Collection<String> units) {
        List<Object> args = new ArrayList<>(List.of(from, to, from, to));
        args.addAll(units);
        args.addAll(List.of(from, to, from, to));
        String visible = units.isEmpty() ? "" : " AND EXISTS (SELECT 1 FROM directive_department v "
                + "WHERE v.directive_number = d.number AND v.department IN (" + in(units) + "))";
        Map<LocalDate, long[]> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT dispatched, closed, COUNT(*) FROM (SELECT "
                        + "CASE WHEN d.dispatched_on >= ? AND d.dispatched_on <= ? THEN d.dispatched_on END AS dispatched, "
                        + "CASE WHEN d.status = 'CLOSED' AND d.closed_on >= ? AND d.closed_on <= ? THEN d.closed_on END "
                        + "AS closed FROM directive d WHERE 1 = 1" + visible
                        + " AND (d.dispatched_on >= ? AND d.dispatched_on <= ? OR d.closed_on >= ? AND d.closed_on <= ?)"
                        + ") x GROUP BY dispatched, closed",
                rs -> {
                    LocalDate dispatched = rs.getObject(1, LocalDate.class);
                    LocalDate closed = rs.getObject(2, LocalDate.class);
                    long n = rs.getLong(3);
                    if (dispatched != null) {
                        counts.computeIfAbsent(dispatched, day -> new long[2])[0] += n;
                    }
                    if (closed != null) {
                        counts.computeIfAbsent(closed, day -> new long[2])[1] += n;
                    }
                }, args.toArray());
        return counts;
    }

    @Override
    public int count(Day day, LocalDate from, LocalDate to) {
        return (int) count("SELECT COUNT(*) FROM directive WHERE " + where(day), from, to);
    }

    @Override
    public List<Line> list(Day day, LocalDate from, LocalDate to, int limit) {
        return jdbc.query("SELECT number, title, lead_department, deadline, " + (day == Day.CLOSED ? "score" : "NULL")
                        + " FROM directive WHERE " + where(day) + " ORDER BY number LIMIT ?",
                (rs, i) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getBigDecimal(5)), from, to, limit);
    }

    /**
     * Reconstructed from the record's dates (issued, closed, each part's submission and acceptance), not from the
     * stored lights, which only say how things stand now; lit by the one light rule as on {@code lightDay}. A part
     * submitted by then and waiting for review is judged by its submission day.
     */
    @Override
    public List<OpenPart> openPartsAsOf(LocalDate lastDay, LocalDate lightDay) {
        return jdbc.query("SELECT d.number, d.title, d.lead_department, p.department, p.deadline, p.yellow_from, "
                        + "p.submitted_on, p.late_days, p.reworked_on, p.status FROM directive d JOIN directive_department p "
                        + "ON p.directive_number = d.number WHERE d.dispatched_on <= ? "
                        + "AND (d.closed_on IS NULL OR d.closed_on > ?) AND (p.done_on IS NULL OR p.done_on > ?) "
                        + "AND p.parent_department IS NULL ORDER BY d.number, p.position",
                (rs, i) -> {
                    LocalDate submittedOn = rs.getObject(7, LocalDate.class);
                    LocalDate reworkedOn = rs.getObject(9, LocalDate.class);
                    // waiting for review at the end of that day: submitted by then, and not returned since by then
                    // (returned and submitted again on one day: the part's status now says which came last)
                    boolean waiting = submittedOn != null && !submittedOn.isAfter(lastDay) && (reworkedOn == null
                            || reworkedOn.isBefore(submittedOn) || reworkedOn.isAfter(lastDay)
                            || reworkedOn.equals(submittedOn) && !"HANDLING".equals(rs.getString(10)));
                    Light light = rule.part(waiting ? PartStatus.UNDER_REVIEW : PartStatus.HANDLING,
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                            waiting ? submittedOn : null, waiting ? (Integer) rs.getObject(8) : null, lightDay);
                    return new OpenPart(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), light);
                }, lastDay, lastDay, lastDay);
    }

    /**
     * Adds up accepted parts per unit and range over {@code done_on} (index {@code directive_department_by_done_on}),
     * one statement for all ranges. Only the step that accepts a part sets {@code done_on}, and nothing moves a part
     * out of {@code DONE}, so the date alone selects finished parts.
     */
    @Override
    public List<Map<String, UnitResults>> resultsByUnit(List<Range> ranges) {
        StringBuilder bucket = new StringBuilder("CASE");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            bucket.append(" WHEN done_on >= ? AND done_on <= ? THEN ").append(i);
            args.add(ranges.get(i).from());
            args.add(ranges.get(i).to());
        }
        bucket.append(" END");
        LocalDate first = ranges.stream().map(Range::from).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = ranges.stream().map(Range::to).max(LocalDate::compareTo).orElseThrow();
        args.add(first);
        args.add(last);
        List<Map<String, UnitResults>> result = new ArrayList<>();
        ranges.forEach(r -> result.add(new HashMap<>()));
        jdbc.query("SELECT department, bucket, COUNT(*), "
                + "SUM(CASE WHEN late_days IS NULL OR late_days <= 0 THEN 1 ELSE 0 END), "
                + "COUNT(score), SUM(score), SUM(urge_count) "
                + "FROM (SELECT department, late_days, score, urge_count, " + bucket + " AS bucket "
                + "FROM directive_department WHERE done_on >= ? AND done_on <= ?) finished "
                + "GROUP BY department, bucket", rs -> {
                    BigDecimal sum = rs.getBigDecimal(6);
                    result.get(rs.getInt(2)).put(rs.getString(1), new UnitResults(rs.getInt(3), rs.getInt(4),
                            rs.getInt(5), sum == null ? BigDecimal.ZERO : sum, rs.getInt(7)));
                }, args.toArray());
        return result;
    }

    /** Office drafts count on the day a leader approved and dispatched them; refused or withdrawn ones never do. */
    private static String where(Day day) {
        return day == Day.DISPATCHED ? "dispatched_on >= ? AND dispatched_on <= ?"
                : "closed_on >= ? AND closed_on <= ? AND status = 'CLOSED'";
    }

    private static String column(Day day) {
        return day == Day.DISPATCHED ? "dispatched_on" : "closed_on";
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    private static String in(Collection<String> units) {
        return units.stream().map(u -> "?").collect(Collectors.joining(","));
    }

    /** Counted from the trail by type and time (index {@code directive_event_by_type}). */
    @Override
    public List<UnitPattern> patterns(LocalDate from, LocalDate to) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        jdbc.query("SELECT department, type, COUNT(*) FROM directive_event WHERE type IN (?, ?, ?) "
                        + "AND occurred_at >= ? AND occurred_at < ? AND department IS NOT NULL GROUP BY department, type",
                rs -> {
                    int[] c = counts.computeIfAbsent(rs.getString(1), unit -> new int[3]);
                    c[switch (org.duban.directive.EventType.valueOf(rs.getString(2))) {
                        case URGED -> 0;
                        case RETURNED_FOR_REWORK -> 1;
                        default -> 2;
                    }] += rs.getInt(3);
                }, org.duban.directive.EventType.URGED.name(), org.duban.directive.EventType.RETURNED_FOR_REWORK.name(),
                org.duban.directive.EventType.EXTENSION_REQUESTED.name(),
                from.atStartOfDay(org.duban.calendar.WorkCalendar.ZONE).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(org.duban.calendar.WorkCalendar.ZONE).toOffsetDateTime());
        return counts.entrySet().stream().map(e -> new UnitPattern(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2])).toList();
    }
}
