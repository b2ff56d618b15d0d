package org.duban.calendar.internal;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletResponse;

import org.duban.calendar.WorkCalendar;
import org.duban.system.InvalidRequestException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 工作日历 for administrators: paste a year's schedule, preview what changes, apply it; the history below. */
@Controller
class CalendarAdminPage {

    private static final String PAGE = "admin/calendar";

    private final CalendarYearsController api;
    private final CalendarSchedules schedules;
    private final CalendarLoading loading;
    private final WorkCalendar calendar;

    CalendarAdminPage(CalendarYearsController api, CalendarSchedules schedules, CalendarLoading loading,
            WorkCalendar calendar) {
        this.api = api;
        this.schedules = schedules;
        this.loading = loading;
        this.calendar = calendar;
    }

    @GetMapping("/admin/calendar")
    String show(Authentication authentication, Model model) {
        return page(authentication, model);
    }

    @PostMapping("/admin/calendar/preview")
    String preview(@RequestParam(required = false) String content, Authentication authentication, Model model,
            HttpServletResponse response) {
        CalendarYearsController.requireAdmin(authentication);
        model.addAttribute("content", content);
        try {
            model.addAttribute("change", loading.preview(content));
        } catch (InvalidRequestException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "无法载入：" + e.problems().get(0).message());
        }
        return page(authentication, model);
    }

    @PostMapping("/admin/calendar")
    String apply(@RequestParam(required = false) Integer year, @RequestParam(required = false) String content,
            Authentication authentication, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CalendarYearsController.requireAdmin(authentication);
        try {
            if (year == null) {
                throw new InvalidRequestException("year", "请先预览，再确认载入");
            }
            ScheduleChange change = loading.apply(year, content, authentication.getName());
            redirect.addFlashAttribute("applied", change.unchanged() ? year + " 年安排未变，未重新载入。"
                    : "已载入并生效：" + change.summary() + "。");
        } catch (InvalidRequestException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("content", content);
            model.addAttribute("error", "无法载入：" + e.problems().get(0).message());
            return page(authentication, model);
        }
        // after a POST the browser should land on a GET, so a reload does not load again
        return "redirect:/admin/calendar";
    }

    private String page(Authentication authentication, Model model) {
        model.addAttribute("years", api.years(authentication));
        model.addAttribute("history", schedules.history(50).stream().map(CalendarYearsController::entry).toList());
        int thisYear = calendar.today().getYear();
        List<Integer> missing = IntStream.rangeClosed(thisYear, thisYear + 1).filter(y -> !calendar.hasSchedule(y))
                .boxed().toList();
        model.addAttribute("missingYears", missing);
        return PAGE;
    }
}
