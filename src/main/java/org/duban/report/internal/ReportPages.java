package org.duban.report.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.duban.report.ReportKind;
import org.duban.report.ReportPeriod;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.InvalidRequestException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The report pages (报告): the history by kind, one report, and regeneration for administrators. */
@Controller
class ReportPages {

    private static final int PAGE_SIZE = 30;
    /** Every line of a listing on the page; the mail shows fewer. */
    private static final int PAGE_LINES = ReportBuilder.LISTING_LIMIT;

    private final ReportStore store;
    private final Reports reports;
    private final ReportPeriods periods;
    private final ReportAccess access;

    ReportPages(ReportStore store, Reports reports, ReportPeriods periods, ReportAccess access) {
        this.store = store;
        this.reports = reports;
        this.periods = periods;
        this.access = access;
    }

    @GetMapping("/reports")
    String list(@RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page,
            Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireReader(user);
        ReportKind chosen = ReportKind.ofKey(kind == null ? "" : kind).orElse(null);
        int current = Math.max(page, 0);
        long total = store.count(chosen);
        model.addAttribute("kinds", Arrays.asList(ReportKind.values()));
        model.addAttribute("chosen", chosen);
        model.addAttribute("reports", store.list(chosen, PAGE_SIZE, current * PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
        model.addAttribute("admin", ReportAccess.mayRegenerate(user));
        return "reports/index";
    }

    @GetMapping("/reports/{kind}/{period}")
    String show(@PathVariable String kind, @PathVariable String period, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireReader(user);
        ReportKind reportKind = ReportKind.ofKey(kind).orElseThrow(() -> ApiException.notFound("没有这种报告。"));
        StoredReport stored = store.find(reportKind, period)
                .orElseThrow(() -> ApiException.notFound("没有 " + period + " 的" + reportKind.title() + "。"));
        model.addAttribute("stored", stored);
        model.addAttribute("report", reports.read(stored));
        model.addAttribute("limit", PAGE_LINES);
        model.addAttribute("admin", ReportAccess.mayRegenerate(user));
        return "reports/show";
    }

    @PostMapping("/reports/regeneration")
    String regenerate(@RequestParam String kind, @RequestParam String period, Authentication authentication,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireAdministrator(user);
        ReportPeriod reportPeriod;
        try {
            reportPeriod = periods.parse(kind, period.strip());
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("error", String.join("；", messages(e)));
            return "redirect:/reports";
        }
        Reports.Regeneration result = reports.regenerate(reportPeriod, user.id());
        redirect.addFlashAttribute("notice", result.created() ? "已补生成该期报告（未发送邮件）。"
                : result.unchanged() ? "已重新生成，内容与原报告一致。" : "已重新生成；期内数据此后有变动，内容已更新。");
        return "redirect:/reports/" + reportPeriod.kind().key() + "/"
                + UriUtils.encodePathSegment(reportPeriod.key(), StandardCharsets.UTF_8);
    }

    private static List<String> messages(InvalidRequestException e) {
        return e.problems().stream().map(p -> p.message()).toList();
    }
}
