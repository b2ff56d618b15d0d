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

    private final Scorecards scorecards;
    private final ScorecardPeriods periods;
    private final ScorecardVisibility visibility;
    private final org.duban.organisation.Organisation organisation;

    ScorecardPages(Scorecards scorecards, ScorecardPeriods periods, ScorecardVisibility visibility,
            org.duban.organisation.Organisation organisation) {
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
        return "scorecards/index";
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
