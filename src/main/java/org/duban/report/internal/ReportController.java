package org.duban.report.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.report.ReportKind;
import org.duban.report.ReportPeriod;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.InvalidRequestException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "督办报告", description = "日报告、周分析、月小结、季讲评")
@RestController
@RequestMapping("/api/reports")
class ReportController {

    record Entry(String kind, String kindName, String period, String title, LocalDate from,
            LocalDate to, OffsetDateTime generatedAt, OffsetDateTime regeneratedAt,
            Integer mailedTo) {}

    record Page(List<Entry> items, int page, int size, long total) {}

    record Report(String kind, String period, String title, OffsetDateTime generatedAt, String generatedBy,
            OffsetDateTime regeneratedAt, String regeneratedBy, Integer mailedTo, ReportContent content) {}

    record Regenerated(Report report, boolean unchanged, boolean created) {}

    private final ReportStore store;
    private final Reports reports;
    private final ReportPeriods periods;
    private final ReportAccess access;

    ReportController(ReportStore store, Reports reports, ReportPeriods periods, ReportAccess access) {
        this.store = store;
        this.reports = reports;
        this.periods = periods;
        this.access = access;
    }

    @Operation(summary = "报告列表", description = "新近的期间在前，可按类型筛选。")
    @GetMapping
    Page list(@Parameter(description = "daily、weekly、monthly 或 quarterly；缺省为全部")
            @RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Authentication authentication) {
        access.requireReader(CurrentUser.of(authentication));
        ReportKind chosen = kind(kind);
        if (page < 0 || size < 1 || size > 100) {
            throw new InvalidRequestException("size", "页码不能为负，每页 1–100 条");
        }
        List<Entry> items = store.list(chosen, size, page * size).stream().map(ReportController::entry).toList();
        return new Page(items, page, size, store.count(chosen));
    }

    @Operation(summary = "查看报告")
    @GetMapping("/{kind}/{period}")
    Report find(@PathVariable String kind, @PathVariable String period, Authentication authentication) {
        access.requireReader(CurrentUser.of(authentication));
        StoredReport stored = store.find(kind(kind), period)
                .orElseThrow(() -> ApiException.notFound("没有 " + period + " 的" + kind(kind).title() + "。"));
        return report(stored);
    }

    @Operation(summary = "重新生成报告", description = "管理员按期末的读模型重新计算某一期报告（不重新发送邮件）；"
            + "期内数据未变时内容与原报告一致。")
    @PostMapping("/{kind}/{period}/regeneration")
    Regenerated regenerate(@PathVariable String kind, @PathVariable String period, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireAdministrator(user);
        ReportPeriod reportPeriod = periods.parse(kind, period);
        Reports.Regeneration result = reports.regenerate(reportPeriod, user.id());
        return new Regenerated(report(result.report()), result.unchanged(), result.created());
    }

    private Report report(StoredReport r) {
        return new Report(r.kind(), r.period(), r.title(), r.generatedAt(), r.generatedBy(), r.regeneratedAt(),
                r.regeneratedBy(), r.mailedTo(), reports.read(r));
    }

    private static Entry entry(StoredReport r) {
        return new Entry(r.kind(), ReportKind.ofKey(r.kind()).map(ReportKind::title).orElse(r.kind()), r.period(),
                r.title(), r.from(), r.to(), r.generatedAt(), r.regeneratedAt(), r.mailedTo());
    }

    private static ReportKind kind(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        return ReportKind.ofKey(key).orElseThrow(() -> new InvalidRequestException("kind",
                "报告类型应为 daily（日报告）、weekly（周分析）、monthly（月小结）或 quarterly（季讲评）"));
    }
}
