package org.duban.report.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.report.ReportPeriod;
import org.duban.report.internal.Reports;
import org.springframework.stereotype.Component;

/** 生成报告: computes and keeps the report unless this kind and period exist already. */
@Component
public class GenerateReportDelegate implements JavaDelegate {

    private final Reports reports;
    private final ReportPlan plan;

    GenerateReportDelegate(Reports reports, ReportPlan plan) {
        this.reports = reports;
        this.plan = plan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReportPeriod period = plan.period(execution);
        execution.setVariableLocal(ReportVariables.REPORT_CREATED,
                reports.generate(period, execution.getProcessInstanceId()));
    }
}
