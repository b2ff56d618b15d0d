package org.duban.calendar.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.calendar.CalendarYear;
import org.duban.calendar.WorkCalendar;
import org.duban.organisation.Groups;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators load a year's holiday schedule without a restart: list, preview, apply, history. */
@Tag(name = "工作日历", description = "节假日安排的载入与历史（管理员）")
@RestController
class CalendarYearsController {

    /** The schedule text, in the format of processes/calendars/&lt;year&gt;.yaml. */
    record ScheduleText(String content) {}

    record YearSummary(int year, String source, int daysOff, int swappedWorkdays, String loadedBy, String fileName,
            OffsetDateTime loadedAt) {}

    record HistoryEntry(long id, int year, String source, String loadedBy, String fileName, OffsetDateTime loadedAt,
            String summary) {}

    record YearDetail(int year, String source, List<LocalDate> daysOff, List<LocalDate> swappedWorkdays, String content,
            List<HistoryEntry> history) {}

    private final CalendarSchedules schedules;
    private final CalendarLoading loading;
    private final WorkCalendar calendar;

    CalendarYearsController(CalendarSchedules schedules, CalendarLoading loading, WorkCalendar calendar) {
        this.schedules = schedules;
        this.loading = loading;
        this.calendar = calendar;
    }

    @Operation(summary = "已载入的年度安排", description = "每年正在使用的节假日安排：来源、假日与调休上班天数、载入人与时间。")
    @GetMapping("/api/calendar/years")
    List<YearSummary> years(Authentication authentication) {
        requireAdmin(authentication);
        return schedules.current().values().stream().map(stored -> {
            CalendarYear year = calendar.schedule(stored.year()).orElseGet(() -> loading.parseStored(stored));
            return new YearSummary(stored.year(), stored.source(), year.daysOff().size(), year.swappedWorkdays().size(),
                    stored.loadedBy(), stored.fileName(), stored.loadedAt());
        }).toList();
    }

    @Operation(summary = "某年的安排与历史", description = "假日、调休上班日、原文，以及该年每次载入的记录（最新在前）。")
    @GetMapping("/api/calendar/years/{year}")
    YearDetail year(@PathVariable int year, Authentication authentication) {
        requireAdmin(authentication);
        CalendarSchedules.Stored stored = schedules.current().get(year);
        if (stored == null) {
            throw ApiException.notFound(year + " 年尚无节假日安排。");
        }
        CalendarYear schedule = loading.parseStored(stored);
        return new YearDetail(year, stored.source(), schedule.daysOff().stream().sorted().toList(),
                schedule.swappedWorkdays().stream().sorted().toList(), stored.content(),
                schedules.history(year, 100).stream().map(CalendarYearsController::entry).toList());
    }

    @Operation(summary = "预览载入", description = "校验内容（与 processes/calendars/*.yaml 相同格式）并列出将发生的变化，不做任何修改。")
    @PostMapping("/api/calendar/years/preview")
    ScheduleChange preview(@RequestBody ScheduleText text, Authentication authentication) {
        requireAdmin(authentication);
        return loading.preview(text == null ? null : text.content());
    }

    @Operation(summary = "载入某年的安排", description = "校验后保存并立即在所有节点生效（其他节点在 10 秒内），保留历史。"
            + "内容未变时不保存。")
    @PutMapping("/api/calendar/years/{year}")
    ScheduleChange apply(@PathVariable int year, @RequestBody ScheduleText text, Authentication authentication) {
        requireAdmin(authentication);
        return loading.apply(year, text == null ? null : text.content(), authentication.getName());
    }

    @Operation(summary = "载入历史", description = "所有年份的载入记录，最新在前（最多 200 条）。")
    @GetMapping("/api/calendar/history")
    List<HistoryEntry> history(Authentication authentication) {
        requireAdmin(authentication);
        return schedules.history(200).stream().map(CalendarYearsController::entry).toList();
    }

    static HistoryEntry entry(CalendarSchedules.Stored stored) {
        return new HistoryEntry(stored.id(), stored.year(), stored.source(), stored.loadedBy(), stored.fileName(),
                stored.loadedAt(), stored.summary());
    }

    static void requireAdmin(Authentication authentication) {
        if (!CurrentUser.of(authentication).groups().contains(Groups.ADMINS)) {
            throw ApiException.forbidden("工作日历的载入仅对管理员开放。");
        }
    }
}
