package org.duban.report.process;

import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;

import org.duban.calendar.WorkCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The report timers' cron expressions from configuration ({@code duban.reports.*}), for the models'
 * {@code ${reportSchedule.dailyCron}} (a property name with dashes cannot appear in a model expression). A timer
 * start event resolves its expression when the model is deployed; {@link ApplyReportSchedule} deploys a model
 * again when the setting has changed. Camunda 7.24 reads Spring-style cron (six fields, seconds first) in the
 * JVM's default time zone.
 */
@Component("reportSchedule")
public class ReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReportSchedule.class);

    private final String dailyCron;
    private final String weeklyCron;
    private final String monthlyCron;
    private final String quarterlyCron;

    public ReportSchedule(@Value("${duban.reports.daily-cron}") String dailyCron,
            @Value("${duban.reports.weekly-cron}") String weeklyCron,
            @Value("${duban.reports.monthly-cron}") String monthlyCron,
            @Value("${duban.reports.quarterly-cron}") String quarterlyCron) {
        this.dailyCron = valid("daily-cron", dailyCron);
        this.weeklyCron = valid("weekly-cron", weeklyCron);
        this.monthlyCron = valid("monthly-cron", monthlyCron);
        this.quarterlyCron = valid("quarterly-cron", quarterlyCron);
        warnIfNotBeijingTime(ZoneId.systemDefault());
    }

    /** Refuses at start what the engine would refuse later, deep inside a deployment. */
    private static String valid(String property, String cron) {
        try {
            new CycleBusinessCalendar().resolveDuedate(cron, new Date());
            return cron;
        } catch (RuntimeException e) {
            throw new IllegalStateException("duban.reports." + property + " '" + cron + "' is not a cron expression "
                    + "the engine accepts: six fields, second minute hour day-of-month month day-of-week, "
                    + "e.g. '0 30 8 * * ?'", e);
        }
    }

    public String getDailyCron() {
        return dailyCron;
    }

    public String getWeeklyCron() {
        return weeklyCron;
    }

    public String getMonthlyCron() {
        return monthlyCron;
    }

    public String getQuarterlyCron() {
        return quarterlyCron;
    }

    public String cron(org.duban.report.ReportKind kind) {
        return switch (kind) {
            case DAILY -> dailyCron;
            case WEEKLY -> weeklyCron;
            case MONTHLY -> monthlyCron;
            case QUARTERLY -> quarterlyCron;
        };
    }

    /** The engine fires cron timers by the JVM's clock zone; 08:30 in UTC would be 16:30 in Beijing. */
    private static void warnIfNotBeijingTime(ZoneId zone) {
        if (!zone.getRules().equals(WorkCalendar.ZONE.getRules())) {
            log.warn("The JVM's time zone is {}, not {}: report timers fire by {} time. Start Java with "
                    + "-Duser.timezone=Asia/Shanghai (or TZ=Asia/Shanghai) so that they fire at Beijing office hours.",
                    zone, WorkCalendar.ZONE, zone);
        }
    }
}
