package org.duban.report.process;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.duban.calendar.WorkCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * When the report model's timer fires: {@code duban.reports.cron}, Beijing time (the JVM's zone is fixed to it,
 * see {@code BeijingTimeZone}), written into the model when it is deployed ({@link ReportModelDeployment}); the
 * model file itself names it {@code ${reportSchedule.cron}}. Spring-style cron, six fields, seconds first, as
 * Camunda 7.24 reads it. The timer fires every day; the model decides which reports are due.
 */
@Component("reportSchedule")
public class ReportSchedule {

    private final String cron;

    public ReportSchedule(@Value("${duban.reports.cron}") String cron) {
        this.cron = valid(cron);
    }

    /** Refuses at start what the engine would refuse later, deep inside a deployment. */
    private static String valid(String cron) {
        try {
            CronExpression.parse(cron);
            return cron;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("duban.reports.cron '" + cron + "' is not a cron expression: six fields, "
                    + "second minute hour day-of-month month day-of-week, e.g. '0 30 8 * * ?'", e);
        }
    }

    public String getCron() {
        return cron;
    }

    /** When the timer first fires on {@code day}, Beijing time (null if it does not fire that day). */
    public ZonedDateTime firstFiringOn(LocalDate day) {
        ZonedDateTime next = CronExpression.parse(cron).next(day.atStartOfDay(WorkCalendar.ZONE).minusNanos(1));
        return next != null && next.toLocalDate().equals(day) ? next : null;
    }
}
