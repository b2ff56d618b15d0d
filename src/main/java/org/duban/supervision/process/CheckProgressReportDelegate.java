package org.duban.supervision.process;

import static org.duban.directive.DirectiveVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.BusinessTime;
import org.duban.directive.ReportCycle;
import org.springframework.stereotype.Component;

/**
 * A progress report was due (daily, weekly or monthly): if none came in since the last check, the
 * department is urged. Then the next report falls due.
 */
@Component
public class CheckProgressReportDelegate implements JavaDelegate {

    private final UrgeDepartmentDelegate urges;
    private final WorkCalendar calendar;

    CheckProgressReportDelegate(UrgeDepartmentDelegate urges, WorkCalendar calendar) {
        this.urges = urges;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate windowStart = LocalDate.parse((String) execution.getVariable(ScheduleRemindersDelegate.PROGRESS_WINDOW_START));
        Object last = execution.getVariable(LAST_PROGRESS_ON);
        if (last == null || LocalDate.parse((String) last).isBefore(windowStart)) {
            urges.urge(execution, UrgeDepartmentDelegate.REASON_PROGRESS);
        }
        LocalDate today = calendar.today();
        ReportCycle cycle = ReportCycle.ofKey((String) execution.getVariable(REPORT_CYCLE)).orElseThrow();
        execution.setVariable(ScheduleRemindersDelegate.PROGRESS_WINDOW_START, today.toString());
        execution.setVariable(PROGRESS_DUE_AT, BusinessTime.progressDueAt(cycle.nextDue(today, calendar)));
    }
}
