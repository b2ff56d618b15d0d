package org.duban.report.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.report.ReportPeriod;
import org.duban.report.internal.ReportPeriods;
import org.duban.report.internal.Reports;
import org.springframework.stereotype.Component;

/** 生成报告: computes and keeps the report unless this kind and period exist already. */
@Component
public class GenerateReportDelegate implements JavaDelegate {

    private final Reports reports;
    private final ReportPeriods periods;

    GenerateReportDelegate(Reports reports, ReportPeriods periods) {
        this.reports = reports;
        this.periods = periods;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReportPeriod period = periods.parse((String) execution.getVariable(ReportVariables.REPORT_KIND),
                (String) execution.getVariable(ReportVariables.REPORT_PERIOD));
        execution.setVariable(ReportVariables.REPORT_CREATED,
                reports.generate(period, execution.getProcessInstanceId()));
    }
}
