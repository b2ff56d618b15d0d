package org.duban.calendar.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.calendar.WorkCalendar;
import org.duban.system.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "工作日历")
@RestController
class CalendarController {

    /**
     * How many working days lie after today up to and including {@code to}. {@code officialSchedule}
     * false: some of these days fall in a year without the State Council's schedule
     * ({@code yearsWithoutSchedule}), counted Monday to Friday, so the count may change once it is loaded.
     */
    record WorkingDays(LocalDate from, LocalDate to, int workingDays, boolean workingDay, boolean officialSchedule,
            List<Integer> yearsWithoutSchedule, String warning) {}

    private final WorkCalendar calendar;

    CalendarController(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    @Operation(summary = "计算工作日", description = "从今天（不含）到所选日期（含）之间的工作日数，节假日和调休按工作日历计；"
            + "涉及尚无官方节假日安排的年份时 officialSchedule 为 false，并给出提示。")
    @GetMapping("/api/calendar/working-days")
    WorkingDays workingDays(@RequestParam(required = false) String to) {
        if (to == null || to.isBlank()) {
            throw new InvalidRequestException("to", "请提供日期，如 2026-12-31");
        }
        LocalDate until;
        try {
            until = LocalDate.parse(to.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("to", "日期格式应为 2026-12-31");
        }
        LocalDate today = calendar.today();
        if (until.isAfter(today.plusYears(5)) || until.isBefore(today.minusYears(5))) {
            throw new InvalidRequestException("to", "日期应在今天前后五年以内");
        }
        List<Integer> missing = IntStream.rangeClosed(Math.min(today.getYear(), until.getYear()),
                Math.max(today.getYear(), until.getYear())).filter(year -> !calendar.hasSchedule(year)).boxed().toList();
        String warning = missing.isEmpty() ? null : missing.stream().map(String::valueOf).collect(Collectors.joining("、"))
                + " 年尚无国务院节假日安排，暂按周一至周五计算工作日，安排公布并载入后期限可能变化。";
        return new WorkingDays(today, until, calendar.workingDaysBetween(today, until), calendar.isWorkingDay(until),
                missing.isEmpty(), missing, warning);
    }
}
