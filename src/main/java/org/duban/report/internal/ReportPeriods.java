package org.duban.report.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.duban.calendar.WorkCalendar;
import org.duban.report.ReportKind;
import org.duban.report.ReportPeriod;
import org.duban.scorecard.Period;
import org.duban.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * When each report is due, by the working-day calendar: the daily report on every working day; a week's,
 * month's or quarter's report on the first working day after it ends, so a holiday moves it on to the next
 * working day. A period without a single working day (a week inside the Spring Festival) has no report.
 */
@Component
public class ReportPeriods {

    private final WorkCalendar calendar;

    ReportPeriods(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    /** The report of this kind that falls due on {@code day}, if any. */
    public Optional<ReportPeriod> dueOn(ReportKind kind, LocalDate day) {
        if (!calendar.isWorkingDay(day)) {
            return Optional.empty();
        }
        LocalDate previousWorkingDay = calendar.plusWorkingDays(day, -1);
        if (kind == ReportKind.DAILY) {
            return Optional.of(ReportPeriod.daily(day, previousWorkingDay));
        }
        // due today exactly when the period ended after the previous working day; walk back from yesterday's
        for (Period period = Period.containing(kind.periodKind(), day.minusDays(1));
                !period.to().isBefore(previousWorkingDay); period = period.previous()) {
            if (period.to().isBefore(day) && hasWorkingDay(period)) {
                return Optional.of(ReportPeriod.covering(kind, period));
            }
        }
        return Optional.empty();
    }

    /** The period an administrator names; refused unless it is a report that was, or should have been, issued. */
    public ReportPeriod parse(String kindKey, String periodKey) {
        ReportKind kind = ReportKind.ofKey(kindKey).orElseThrow(() -> new InvalidRequestException("kind",
                "报告类型应为 daily（日报告）、weekly（周分析）、monthly（月小结）或 quarterly（季讲评）"));
        ReportPeriod period = kind == ReportKind.DAILY ? daily(periodKey) : covering(kind, periodKey);
        if (period.asOf().isAfter(calendar.today())) {
            throw new InvalidRequestException("period", period.label() + "尚未结束，还不能生成" + kind.title());
        }
        return period;
    }

    private ReportPeriod daily(String text) {
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("period", "日报告的期间应为日期，如 2026-11-25");
        }
        if (!calendar.isWorkingDay(day)) {
            throw new InvalidRequestException("period", text + " 不是工作日，没有日报告");
        }
        return ReportPeriod.daily(day, calendar.plusWorkingDays(day, -1));
    }

    private ReportPeriod covering(ReportKind kind, String text) {
        String example = switch (kind.periodKind()) {
            case WEEK -> "2026-W48";
            case MONTH -> "2026-11";
            case QUARTER -> "2026-Q4";
            case YEAR -> "2026";
        };
        Period period = Period.parse(text).filter(p -> p.kind() == kind.periodKind())
                .orElseThrow(() -> new InvalidRequestException("period", kind.title() + "的期间应写作 " + example));
        if (!hasWorkingDay(period)) {
            throw new InvalidRequestException("period", period.label() + "没有工作日，没有" + kind.title());
        }
        return ReportPeriod.covering(kind, period);
    }

    private boolean hasWorkingDay(Period period) {
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                return true;
            }
        }
        return false;
    }
}
