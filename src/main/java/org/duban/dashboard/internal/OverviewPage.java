package org.duban.dashboard.internal;

import org.duban.dashboard.Dashboard;
import org.duban.system.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 总览: the same numbers as {@code /api/dashboard}, drawn as tiles, lists and charts. */
@Controller
class OverviewPage {

    private final DashboardQueries queries;
    private final org.duban.directive.RiskFlags risks;

    OverviewPage(DashboardQueries queries, org.duban.directive.RiskFlags risks) {
        this.queries = queries;
        this.risks = risks;
    }

    @GetMapping("/overview")
    String overview(@org.springframework.web.bind.annotation.RequestParam(required = false) String under,
            Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        Dashboard dashboard = queries.overview(user.seesEverything() ? null : user.departments(),
                under == null || under.isBlank() ? null : under.strip());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("charts", OverviewCharts.of(dashboard));
        model.addAttribute("risks", risks.open(user.seesEverything() ? null : user.departments()));
        return "dashboard/overview";
    }
}
