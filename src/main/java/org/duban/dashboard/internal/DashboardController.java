package org.duban.dashboard.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.dashboard.Dashboard;
import org.duban.system.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "督办总览", description = "红黄绿灯、状态、逾期与临期事项、各单位情况")
@RestController
class DashboardController {

    private final DashboardQueries queries;

    DashboardController(DashboardQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "总览数据", description = "领导、督查室、审计看全部事项；承办单位只统计本单位参与的事项。")
    @GetMapping("/api/dashboard")
    Dashboard dashboard(@io.swagger.v3.oas.annotations.Parameter(description = "下钻到此单位（含其全部下级单位），如 zdxq")
            @org.springframework.web.bind.annotation.RequestParam(required = false) String under,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return queries.overview(user.seesEverything() ? null : user.departments(), blankToNull(under));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
