package org.duban.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.duban.organisation.Department;
import org.duban.organisation.Level;
import org.duban.organisation.Organisation;
import org.duban.scorecard.internal.Figures;
import org.duban.directive.DirectiveStatistics;
import org.springframework.stereotype.Component;

/**
 * Computes scorecards (月评比、季讲评、年考核) from the read model. Ranking: higher average score first,
 * then higher on-time rate, then more parts finished; departments equal in all three share a rank.
 */
@Component
public class Scorecards {

    /** How many periods a trend shows, the current one included. */
    public static final int TREND_LENGTH = 6;

    private static final Comparator<BigDecimal> HIGHER_FIRST = Comparator.nullsLast(Comparator.reverseOrder());
    private static final Comparator<Scorecard.Row> RANKING = Comparator
            .comparing(Scorecard.Row::averageScore, HIGHER_FIRST)
            .thenComparing(Scorecard.Row::onTimeRate, HIGHER_FIRST)
            .thenComparing(Scorecard.Row::handled, Comparator.reverseOrder());

    private final DirectiveStatistics statistics;
    private final Organisation organisation;

    Scorecards(DirectiveStatistics statistics, Organisation organisation) {
        this.statistics = statistics;
        this.organisation = organisation;
    }

    /** Every unit's row, each level's ranked units first in rank order, then the others in the organisation's order. */
    public Scorecard of(Period period) {
        return of(period, null, null);
    }

    /**
     * The units of {@code level} (all levels when null) in the subtree of {@code under} (the whole city when null),
     * each ranked against the units of its own level among them: the streets of a district against each other, the
     * city's bureaus against each other, never a street against a bureau.
     */
    public Scorecard of(Period period, Level level, String under) {
        List<Period> periods = period.lastPeriods(TREND_LENGTH);
        List<Map<String, Figures>> figures = statistics.resultsByUnit(periods.stream()
                .map(p -> new DirectiveStatistics.Range(p.from(), p.to())).toList()).stream()
                .map(perUnit -> perUnit.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> Figures.of(e.getValue())))).toList();
        Map<String, Figures> current = figures.get(figures.size() - 1);
        Set<String> subtree = under == null ? null : organisation.subtree(under);

        // by level, in the organisation's order within each; units no longer in the organisation last, unfiltered only
        Map<Level, List<Scorecard.Row>> byLevel = new java.util.EnumMap<>(Level.class);
        List<Scorecard.Row> former = new ArrayList<>();
        Figures total = Figures.NONE;
        for (String code : departments(figures)) {
            Optional<Department> unit = organisation.department(code);
            if (unit.isEmpty() ? level != null || under != null
                    : level != null && unit.get().level() != level || subtree != null && !subtree.contains(code)) {
                continue;
            }
            Figures f = current.getOrDefault(code, Figures.NONE);
            total = total.plus(f);
            Level of = unit.map(Department::level).orElse(null);
            Scorecard.Row row = row(code, name(code), f, trend(periods, figures, Set.of(code)), of);
            if (of == null) {
                former.add(row);
            } else {
                byLevel.computeIfAbsent(of, l -> new ArrayList<>()).add(row);
            }
        }
        List<Scorecard.Row> ordered = new ArrayList<>();
        int ranked = 0;
        for (List<Scorecard.Row> rows : byLevel.values()) {
            List<Scorecard.Row> ranks = rank(rows.stream().filter(r -> r.handled() > 0).sorted(RANKING).toList());
            ranked += ranks.size();
            ordered.addAll(ranks);
            rows.stream().filter(r -> r.handled() == 0).forEach(ordered::add);
        }
        List<Scorecard.Row> formerRanked = rank(former.stream().filter(r -> r.handled() > 0).sorted(RANKING).toList());
        ranked += formerRanked.size();
        ordered.addAll(formerRanked);
        former.stream().filter(r -> r.handled() == 0).forEach(ordered::add);

        Set<String> shown = ordered.stream().map(Scorecard.Row::department).collect(java.util.stream.Collectors.toSet());
        Scorecard.Row overall = row(null, level == null && under == null ? "全部单位" : "所列单位合计", total,
                trend(periods, figures, level == null && under == null ? null : shown), null);
        return new Scorecard(period.key(), period.kind(), period.label(), period.from(), period.to(), ranked,
                List.copyOf(ordered), overall, level == null ? null : level.key(), under);
    }

    private static List<Scorecard.Row> rank(List<Scorecard.Row> sorted) {
        List<Scorecard.Row> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Scorecard.Row row = sorted.get(i);
            int rank = i > 0 && RANKING.compare(sorted.get(i - 1), row) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Scorecard.Row(row.department(), row.name(), rank, row.handled(), row.onTime(),
                    row.onTimeRate(), row.averageScore(), row.urges(), row.trend(), row.level(), row.levelName()));
        }
        return ranked;
    }

    /** The organisation's departments, and any department no longer in it that still has figures. */
    private Set<String> departments(List<Map<String, Figures>> figures) {
        Set<String> codes = new LinkedHashSet<>();
        organisation.departments().forEach(d -> codes.add(d.code()));
        figures.forEach(perPeriod -> perPeriod.keySet().stream().sorted().forEach(codes::add));
        return codes;
    }

    /** The trend of some units together, or of everyone when {@code codes} is null. */
    private static List<Scorecard.TrendPoint> trend(List<Period> periods, List<Map<String, Figures>> figures,
            Set<String> codes) {
        List<Scorecard.TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Map<String, Figures> perDepartment = figures.get(i);
            Figures f = perDepartment.entrySet().stream().filter(e -> codes == null || codes.contains(e.getKey()))
                    .map(Map.Entry::getValue).reduce(Figures.NONE, Figures::plus);
            points.add(new Scorecard.TrendPoint(periods.get(i).key(), periods.get(i).label(), f.handled(),
                    f.onTimeRate(), f.averageScore()));
        }
        return List.copyOf(points);
    }

    private static Scorecard.Row row(String code, String name, Figures f, List<Scorecard.TrendPoint> trend,
            Level level) {
        return new Scorecard.Row(code, name, null, f.handled(), f.onTime(), f.onTimeRate(), f.averageScore(), f.urges(),
                trend, level == null ? null : level.key(), level == null ? null : level.label());
    }

    private String name(String code) {
        return organisation.department(code).map(Department::name).orElse(code);
    }
}
