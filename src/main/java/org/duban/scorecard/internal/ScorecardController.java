package org.duban.scorecard.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.scorecard.Scorecard;
import org.duban.scorecard.Scorecards;
import org.duban.system.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "考评", description = "月评比、季讲评、年考核")
@RestController
class ScorecardController {

    private final Scorecards scorecards;
    private final ScorecardPeriods periods;
    private final ScorecardVisibility visibility;
    private final org.duban.organisation.Organisation organisation;

    ScorecardController(Scorecards scorecards, ScorecardPeriods periods, ScorecardVisibility visibility,
            org.duban.organisation.Organisation organisation) {
        this.organisation = organisation;
        this.scorecards = scorecards;
        this.periods = periods;
        this.visibility = visibility;
    }

    @Operation(summary = "单位考评", description = "按办结审核通过的日期统计各单位办结数、按期办结率、平均分、被催办次数与排名，"
            + "附近六期走势。排名在同一层级的单位之间进行（如某区各街道之间），可按层级和上级单位筛选。"
            + "承办单位只能看到本单位及其下级单位的行（含名次），不含合计。")
    @GetMapping("/api/scorecards")
    Scorecard scorecards(@Parameter(description = "2026-11、2026-Q4、2026 或 2026-W48；缺省为本月")
            @RequestParam(name = ScorecardPeriods.PARAMETER, required = false) String period,
            @Parameter(description = "只列此层级：city 市直部门、district 区县(市)、office 处室、street 街道/乡镇、community 社区/村、grid 网格")
            @RequestParam(required = false) String level,
            @Parameter(description = "只列此单位及其下级单位，如 zdxq") @RequestParam(required = false) String under,
            Authentication authentication) {
        return resolve(period, level, under, authentication);
    }

    private Scorecard resolve(String period, String level, String under, Authentication authentication) {
        ScorecardScope scope = ScorecardScope.parse(level, under, organisation);
        return visibility.forViewer(scorecards.of(periods.resolve(period), scope.level(), scope.under()),
                CurrentUser.of(authentication));
    }

    @Operation(summary = "导出单位考评（.xlsx）", description = "与 GET /api/scorecards 相同的行与筛选条件；数字为数值单元格。")
    @GetMapping("/api/scorecards.xlsx")
    org.springframework.http.ResponseEntity<byte[]> xlsx(
            @RequestParam(name = ScorecardPeriods.PARAMETER, required = false) String period,
            @RequestParam(required = false) String level, @RequestParam(required = false) String under,
            Authentication authentication) {
        return sheet(resolve(period, level, under, authentication)).download("单位考评.xlsx");
    }

    @Operation(summary = "导出单位考评（.csv，UTF-8 带 BOM）")
    @GetMapping("/api/scorecards.csv")
    org.springframework.http.ResponseEntity<byte[]> csv(
            @RequestParam(name = ScorecardPeriods.PARAMETER, required = false) String period,
            @RequestParam(required = false) String level, @RequestParam(required = false) String under,
            Authentication authentication) {
        return sheet(resolve(period, level, under, authentication)).download("单位考评.csv");
    }

    private static org.duban.system.Spreadsheet sheet(Scorecard scorecard) {
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        for (Scorecard.Row r : scorecard.departments()) {
            rows.add(new String[] {scorecard.label(), r.levelName(), r.rank() == null ? "" : String.valueOf(r.rank()),
                    r.name(), String.valueOf(r.handled()), String.valueOf(r.onTime()),
                    r.onTimeRate() == null ? "" : r.onTimeRate().toPlainString(),
                    r.averageScore() == null ? "" : r.averageScore().toPlainString(), String.valueOf(r.urges())});
        }
        org.duban.system.Spreadsheet.Column text = org.duban.system.Spreadsheet.Column.TEXT;
        org.duban.system.Spreadsheet.Column number = org.duban.system.Spreadsheet.Column.NUMBER;
        return org.duban.system.Spreadsheet.of("单位考评", new String[] {"考评期间", "层级", "层级内排名", "单位", "办结",
                "按期", "按期率（%）", "平均分", "被催办"}, rows).typed(text, text, number, text, number, number, number,
                number, number);
    }
}
