package org.duban.portal;

import org.duban.directive.RiskFlags;
import org.duban.directive.WorkDesk;
import org.duban.system.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after login (工作台): the person's open work first, then where each person goes next. */
@Controller
class HomeController {

    /** A desk shows the work of a day, not a backlog: the rest is in Tasklist. */
    static final int DESK_ROWS = 20;

    private final WorkDesk desk;
    private final RiskFlags risks;

    HomeController(WorkDesk desk, RiskFlags risks) {
        this.desk = desk;
        this.risks = risks;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        model.addAttribute("work", desk.openWork(user, DESK_ROWS));
        model.addAttribute("counts", desk.countsByStep(user));
        // 风险预警 on the desk: a unit's own flags (before they turn red); the office and leaders see the city's
        var flags = user.seesEverything() ? risks.open(null) : user.departments().isEmpty() ? java.util.List.<RiskFlags.RiskFlag>of()
                : risks.open(user.departments());
        model.addAttribute("risks", flags.stream().limit(DESK_ROWS).toList());
        model.addAttribute("riskCount", flags.size());
        return "home";
    }
}
