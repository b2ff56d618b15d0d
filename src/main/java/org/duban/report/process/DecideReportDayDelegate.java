package org.duban.report.process;

import java.time.LocalDate;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.calendar.WorkCalendar;
import org.duban.report.ReportKind;
import org.duban.report.ReportPeriod;
import org.duban.report.internal.ReportPeriods;
import org.springframework.stereotype.Component;

/**
 * 判断今日是否出报: the timer fires every day; the working-day calendar says whether today (or the day a
 * catch-up names) is a report day.
 */
@Component
public class DecideReportDayDelegate implements JavaDelegate {

    private final ReportPeriods periods;
    private final WorkCalendar calendar;

    DecideReportDayDelegate(ReportPeriods periods, WorkCalendar calendar) {
        this.periods = periods;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String processKey = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        ReportKind kind = ReportKind.ofProcess(processKey)
                .orElseThrow(() -> new IllegalStateException("No report is produced by process " + processKey));
        Object asked = execution.getVariable(ReportVariables.REPORT_DAY);
        LocalDate day = asked == null ? calendar.today() : LocalDate.parse(String.valueOf(asked));
        Optional<ReportPeriod> due = periods.dueOn(kind, day);
        execution.setVariable(ReportVariables.REPORT_KIND, kind.key());
        execution.setVariable(ReportVariables.REPORT_DUE, due.isPresent());
        due.ifPresent(period -> execution.setVariable(ReportVariables.REPORT_PERIOD, period.key()));
    }
}
