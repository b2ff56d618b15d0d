package org.duban.report.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.report.ReportPeriod;
import org.duban.report.internal.ReportMailer;
import org.duban.report.internal.ReportPeriods;
import org.springframework.stereotype.Component;

/** 发送报告: queues the report to the leaders and the supervision office, in the step's transaction. */
@Component
public class MailReportDelegate implements JavaDelegate {

    private final ReportMailer mailer;
    private final ReportPeriods periods;

    MailReportDelegate(ReportMailer mailer, ReportPeriods periods) {
        this.mailer = mailer;
        this.periods = periods;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReportPeriod period = periods.parse((String) execution.getVariable(ReportVariables.REPORT_KIND),
                (String) execution.getVariable(ReportVariables.REPORT_PERIOD));
        execution.setVariable(ReportVariables.RECIPIENTS, mailer.mail(period));
    }
}
