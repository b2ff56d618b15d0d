package org.duban.report.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.calendar.WorkCalendar;
import org.springframework.stereotype.Component;

/**
 * 确定今日应出的报告: the day reported for is today when the timer fires, or the day a catch-up names (the
 * application was down on it); which reports are due that day the model asks {@link ReportPlan}.
 */
@Component
class DecideReportDayDelegate implements JavaDelegate {

    private final WorkCalendar calendar;

    DecideReportDayDelegate(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(ReportVariables.REPORT_DAY) == null) {
            execution.setVariable(ReportVariables.REPORT_DAY, calendar.today().toString());
        }
    }
}
