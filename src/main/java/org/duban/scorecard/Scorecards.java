package org.duban.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.organisation.Department;
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

    /** Every department's row, ranked ones first in rank order, then the others in the organisation's order. */
    public Scorecard of(Period period) {
        List<Period> periods = period.lastPeriods(TREND_LENGTH);
        List<Map<String, Figures>> figures = statistics.resultsByUnit(periods.stream()
                .map(p -> new DirectiveStatistics.Range(p.from(), p.to())).toList()).stream()
                .map(perUnit -> perUnit.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> Figures.of(e.getValue())))).toList();
        Map<String, Figures> current = figures.get(figures.size() - 1);

        List<Scorecard.Row> rows = new ArrayList<>();
        for (String code : departments(figures)) {
            Figures f = current.getOrDefault(code, Figures.NONE);
            rows.add(row(code, name(code), f, trend(periods, figures, code)));
        }
        List<Scorecard.Row> ranked = rank(rows.stream().filter(r -> r.handled() > 0).sorted(RANKING).toList());
        List<Scorecard.Row> ordered = new ArrayList<>(ranked);
        rows.stream().filter(r -> r.handled() == 0).forEach(ordered::add);

        Figures total = current.values().stream().reduce(Figures.NONE, Figures::plus);
        Scorecard.Row overall = row(null, "全部单位", total, trend(periods, figures, null));
        return new Scorecard(period.key(), period.kind(), period.label(), period.from(), period.to(), ranked.size(),
                List.copyOf(ordered), overall);
    }

    private static List<Scorecard.Row> rank(List<Scorecard.Row> sorted) {
        List<Scorecard.Row> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Scorecard.Row row = sorted.get(i);
            int rank = i > 0 && RANKING.compare(sorted.get(i - 1), row) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Scorecard.Row(row.department(), row.name(), rank, row.handled(), row.onTime(),
                    row.onTimeRate(), row.averageScore(), row.urges(), row.trend()));
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

    /** One department's trend, or everyone's when {@code code} is null. */
    private static List<Scorecard.TrendPoint> trend(List<Period> periods, List<Map<String, Figures>> figures,
            String code) {
        List<Scorecard.TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Map<String, Figures> perDepartment = figures.get(i);
            Figures f = code == null ? perDepartment.values().stream().reduce(Figures.NONE, Figures::plus)
                    : perDepartment.getOrDefault(code, Figures.NONE);
            points.add(new Scorecard.TrendPoint(periods.get(i).key(), periods.get(i).label(), f.handled(),
                    f.onTimeRate(), f.averageScore()));
        }
        return List.copyOf(points);
    }

    private static Scorecard.Row row(String code, String name, Figures f, List<Scorecard.TrendPoint> trend) {
        return new Scorecard.Row(code, name, null, f.handled(), f.onTime(), f.onTimeRate(), f.averageScore(), f.urges(),
                trend);
    }

    private String name(String code) {
        return organisation.department(code).map(Department::name).orElse(code);
    }
}
