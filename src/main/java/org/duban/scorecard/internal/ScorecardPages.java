package org.duban.scorecard.internal;

import java.util.ArrayList;
import java.util.List;

import org.duban.scorecard.Period;
import org.duban.scorecard.Scorecard;
import org.duban.scorecard.Scorecards;
import org.duban.system.CurrentUser;
import org.duban.system.InvalidRequestException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The scorecard page (考评): the same figures as {@code GET /api/scorecards}, as a table and a trend chart. */
@Controller
class ScorecardPages {

    record Choice(String key, String label) {}

    record ChoiceGroup(String label, List<Choice> choices) {}

    /** What the chart script needs, in types the page's JavaScript inlining can write without help. */
    record Chart(String title, List<String> labels, List<Object> scores, List<Object> rates) {}

    /** 异常情况: the units that stood out this period by one figure, most first. */
    record Unusual(String title, String unitOfCount, List<Line> lines) {}

    record Line(String unit, String name, int count) {}

    /** How many units each list of unusual patterns names. */
    static final int UNUSUAL_TOP = 3;

    private final Scorecards scorecards;
    private final ScorecardPeriods periods;
    private final ScorecardVisibility visibility;
    private final org.duban.organisation.Organisation organisation;
    private final org.duban.directive.DirectiveStatistics statistics;

    ScorecardPages(Scorecards scorecards, ScorecardPeriods periods, ScorecardVisibility visibility,
            org.duban.organisation.Organisation organisation, org.duban.directive.DirectiveStatistics statistics) {
        this.statistics = statistics;
        this.organisation = organisation;
        this.scorecards = scorecards;
        this.periods = periods;
        this.visibility = visibility;
    }

    @GetMapping("/scorecards")
    String page(@RequestParam(name = ScorecardPeriods.PARAMETER, required = false) String text,
            @RequestParam(required = false) String level, @RequestParam(required = false) String under,
            Authentication authentication, Model model) {
        ScorecardScope scope;
        try {
            scope = ScorecardScope.parse(level, under, organisation);
        } catch (InvalidRequestException e) {
            model.addAttribute("scopeError", e.problems().stream().map(p -> p.message()).toList());
            scope = ScorecardScope.ALL;
        }
        Period period;
        try {
            period = periods.resolve(text);
        } catch (InvalidRequestException e) {
            model.addAttribute("error", ScorecardPeriods.FORMAT_HINT + "。已改为显示本月。");
            period = periods.currentMonth();
        }
        CurrentUser user = CurrentUser.of(authentication);
        Scorecard scorecard = visibility.forViewer(scorecards.of(period, scope.level(), scope.under()), user);
        model.addAttribute("levels", List.of(org.duban.organisation.Level.values()));
        // units with units below them: the areas a scorecard can be narrowed to
        java.util.Set<String> mine = new java.util.HashSet<>();
        user.departments().forEach(code -> mine.addAll(organisation.subtree(code)));
        boolean everyone = ScorecardVisibility.seesEveryDepartment(user);
        model.addAttribute("areas", organisation.departments().stream()
                .filter(d -> !organisation.subUnitsOf(d.code()).isEmpty())
                .filter(d -> everyone || mine.contains(d.code())).toList());
        model.addAttribute("scorecard", scorecard);
        model.addAttribute("everyone", ScorecardVisibility.seesEveryDepartment(user));
        model.addAttribute("groups", choices(period));
        model.addAttribute("chart", chart(scorecard));
        model.addAttribute("unusual", unusual(scorecard));
        return "scorecards/index";
    }

    /**
     * The units of this scorecard (its level, area and the viewer's visibility) with the most urges received, returns
     * for rework and extension requests in the period, counted from the trail.
     */
    private List<Unusual> unusual(Scorecard scorecard) {
        java.util.Map<String, String> shown = new java.util.LinkedHashMap<>();
        scorecard.departments().forEach(row -> shown.put(row.department(), row.name()));
        var patterns = statistics.patterns(scorecard.from(), scorecard.to()).stream()
                .filter(p -> shown.containsKey(p.unit())).toList();
        return List.of(
                top("催办最多", "次", patterns, org.duban.directive.DirectiveStatistics.UnitPattern::urges, shown),
                top("退回重办最多", "次", patterns, org.duban.directive.DirectiveStatistics.UnitPattern::reworks, shown),
                top("申请延期最多", "次", patterns, org.duban.directive.DirectiveStatistics.UnitPattern::extensions, shown));
    }

    private static Unusual top(String title, String unitOfCount,
            List<org.duban.directive.DirectiveStatistics.UnitPattern> patterns,
            java.util.function.ToIntFunction<org.duban.directive.DirectiveStatistics.UnitPattern> count,
            java.util.Map<String, String> names) {
        return new Unusual(title, unitOfCount, patterns.stream().filter(p -> count.applyAsInt(p) > 0)
                .sorted(java.util.Comparator.comparingInt(count).reversed()
                        .thenComparing(org.duban.directive.DirectiveStatistics.UnitPattern::unit))
                .limit(UNUSUAL_TOP).map(p -> new Line(p.unit(), names.get(p.unit()), count.applyAsInt(p))).toList());
    }

    private static Chart chart(Scorecard scorecard) {
        Scorecard.Row row = scorecard.overall() != null ? scorecard.overall()
                : scorecard.departments().isEmpty() ? null : scorecard.departments().get(0);
        if (row == null) {
            return new Chart("", List.of(), List.of(), List.of());
        }
        return new Chart(row.name(), row.trend().stream().map(Scorecard.TrendPoint::label).toList(),
                row.trend().stream().map(p -> (Object) p.averageScore()).toList(),
                row.trend().stream().map(p -> (Object) p.onTimeRate()).toList());
    }

    /** Recent months, quarters and years, newest first; the chosen period is always among them. */
    private List<ChoiceGroup> choices(Period chosen) {
        Period month = periods.currentMonth();
        List<ChoiceGroup> groups = new ArrayList<>();
        groups.add(group("月评比", Period.containing(Period.Kind.MONTH, month.from()), 12, chosen));
        groups.add(group("季讲评", Period.containing(Period.Kind.QUARTER, month.from()), 8, chosen));
        groups.add(group("年考核", Period.containing(Period.Kind.YEAR, month.from()), 3, chosen));
        if (chosen.kind() == Period.Kind.WEEK) {
            groups.add(new ChoiceGroup("周", List.of(new Choice(chosen.key(), chosen.label()))));
        }
        return groups;
    }

    private static ChoiceGroup group(String label, Period latest, int count, Period chosen) {
        List<Choice> choices = new ArrayList<>();
        latest.lastPeriods(count).forEach(p -> choices.add(0, new Choice(p.key(), p.label())));
        if (chosen.kind() == latest.kind() && choices.stream().noneMatch(c -> c.key().equals(chosen.key()))) {
            choices.add(new Choice(chosen.key(), chosen.label()));
        }
        return new ChoiceGroup(label, choices);
    }
}
