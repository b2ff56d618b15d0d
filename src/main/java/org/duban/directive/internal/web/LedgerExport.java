package org.duban.directive.internal.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.directive.DirectiveSummary;
import org.duban.directive.internal.DirectiveQueries;
import org.duban.directive.LedgerFilter;
import org.duban.system.BeijingTime;
import org.duban.system.CurrentUser;
import org.duban.system.InvalidRequestException;
import org.duban.system.Spreadsheet;
import org.duban.system.Spreadsheet.Column;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ledger taken away: exactly the rows the same filter shows, every page of them. */
@Tag(name = "督办事项")
@RestController
class LedgerExport {

    static final int MAX_ROWS = 100_000;
    static final String[] HEADERS = {"编号", "标题", "类别", "优先级", "主办单位", "交办人", "交办时间", "办结期限", "状态",
            "灯色", "结束时间", "评分", "佐证材料已报送（单位数）", "佐证材料已核实（单位数）", "协办单位", "最新进展"};

    private final DirectiveQueries queries;
    private final MessageSource labels;
    private final BeijingTime time;
    private final org.duban.organisation.Organisation organisation;

    LedgerExport(DirectiveQueries queries, MessageSource labels, BeijingTime time,
            org.duban.organisation.Organisation organisation) {
        this.organisation = organisation;
        this.queries = queries;
        this.labels = labels;
        this.time = time;
    }

    @Operation(summary = "导出台账（.xlsx）", description = "导出与筛选条件完全一致的全部行。")
    @GetMapping("/api/ledger.xlsx")
    ResponseEntity<byte[]> xlsx(@ParameterObject LedgerParameters parameters, Authentication authentication) {
        return sheet(parameters, authentication).download("督办台账.xlsx");
    }

    @Operation(summary = "导出台账（.csv，UTF-8 带 BOM）", description = "导出与筛选条件完全一致的全部行。")
    @GetMapping("/api/ledger.csv")
    ResponseEntity<byte[]> csv(@ParameterObject LedgerParameters parameters, Authentication authentication) {
        return sheet(parameters, authentication).download("督办台账.csv");
    }

    private Spreadsheet sheet(LedgerParameters parameters, Authentication authentication) {
        LedgerFilter filter = parameters.toFilter(CurrentUser.of(authentication), organisation);
        long total = queries.count(filter);
        if (total > MAX_ROWS) {
            throw new InvalidRequestException("filter", "符合条件的事项有 " + total + " 条，一次最多导出 " + MAX_ROWS
                    + " 条，请缩小筛选范围");
        }
        DirectiveQueries.Page rows = queries.list(filter, 0, MAX_ROWS);
        DirectiveQueries.ExportExtras extras = queries.exportExtras(rows.items().stream().map(DirectiveSummary::number)
                .toList());
        return Spreadsheet.of("督办台账", HEADERS, rows.items().stream().map(d -> cells(d, extras)).toList())
                .typed(Column.TEXT, Column.TEXT, Column.TEXT, Column.TEXT, Column.TEXT, Column.TEXT, Column.TIME,
                        Column.DATE, Column.TEXT, Column.TEXT, Column.TIME, Column.NUMBER, Column.NUMBER, Column.NUMBER);
    }

    private String[] cells(DirectiveSummary d, DirectiveQueries.ExportExtras extras) {
        return new String[] {d.number(), d.title(), d.categoryName(), label("priority." + d.priority()),
                d.leadDepartmentName(), d.issuedByName(), time.format(d.issuedAt()), d.deadline().toString(),
                label("status." + d.status()), d.light() == null ? "" : label("light." + d.light()),
                time.format(d.closedAt()), d.score() == null ? "" : d.score().toPlainString(),
                String.valueOf(d.unitsWithEvidence()), String.valueOf(d.unitsVerified()),
                String.join("、", extras.coUnits().getOrDefault(d.number(), java.util.List.of())),
                extras.latestProgress().getOrDefault(d.number(), "")};
    }

    private String label(String code) {
        return labels.getMessage(code, null, code, Locale.SIMPLIFIED_CHINESE);
    }
}
